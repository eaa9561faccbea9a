import DOMPurify from 'dompurify';
import { marked } from 'marked';

/** A lesson's Markdown as safe HTML: lesson files are data, so nothing in them may script the page. */
export function renderMarkdown(text: string): string {
  const html = marked.parse(text, { async: false, gfm: true, breaks: false });
  return DOMPurify.sanitize(html, { USE_PROFILES: { html: true } });
}
