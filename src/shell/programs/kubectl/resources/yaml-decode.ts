/**
 * Manifest decoding as cli-runtime's StreamVisitor does it: split a stream
 * into YAML documents (a line starting with `---`), convert each to JSON, and
 * report syntax errors in go-yaml's words (`yaml: line N: …`, N counted
 * within the document, as apimachinery's YAMLOrJSONDecoder sees it).
 */
import { parseDocument, type YAMLError } from 'yaml';

export interface RawDocument {
  text: string;
}

/** utilyaml.YAMLReader: a line that begins with `---` (plus only blanks or a comment) ends a document. */
export function splitDocuments(stream: string): string[] {
  const docs: string[] = [];
  let current: string[] = [];
  for (const line of stream.split('\n')) {
    if (line.startsWith('---')) {
      const rest = line.slice(3).trim();
      if (rest === '' || rest.startsWith('#')) {
        docs.push(current.join('\n'));
        current = [];
        continue;
      }
    }
    current.push(line);
  }
  docs.push(current.join('\n'));
  return docs;
}

export class YamlSyntaxError extends Error {}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

function goYamlMessage(text: string, e: YAMLError): string {
  const line = e.linePos?.[0]?.line ?? 1;
  const offset = e.pos?.[0] ?? 0;
  switch (e.code) {
    case 'TAB_AS_INDENT':
      return `yaml: line ${line}: found character that cannot start any token`;
    case 'BLOCK_AS_IMPLICIT_KEY': {
      const colon = text.slice(offset).search(/:(\s|$)/);
      const at = colon >= 0 ? lineOf(text, offset + colon) : line;
      return `yaml: line ${at}: mapping values are not allowed in this context`;
    }
    case 'MISSING_CHAR':
    case 'MULTILINE_IMPLICIT_KEY':
      return `yaml: line ${line + 1}: could not find expected ':'`;
    default:
      return `yaml: line ${Math.max(1, line - 1)}: did not find expected key`;
  }
}

/** A leading tab in indentation is go-yaml's first complaint, whatever else is wrong. */
function tabError(text: string): string | undefined {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (/^ *\t/.test(lines[i]) && lines[i].trim() !== '') {
      return `yaml: line ${i + 1}: found character that cannot start any token`;
    }
  }
  return undefined;
}

/** One document to a JSON value; null for an empty document. Throws YamlSyntaxError. */
export function decodeDocument(text: string): unknown {
  if (text.trim() === '') return null;
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.parse(text);
    } catch {
      /* fall through to YAML, which is a superset */
    }
  }
  const tab = tabError(text);
  if (tab) throw new YamlSyntaxError(`error converting YAML to JSON: ${tab}`);
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length > 0) throw new YamlSyntaxError(`error converting YAML to JSON: ${goYamlMessage(text, doc.errors[0])}`);
  return doc.toJS({ maxAliasCount: -1 }) ?? null;
}
