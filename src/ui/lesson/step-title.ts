/** A step's one-line name for lists and announcements: its first sentence, Markdown marks removed. */
export function stepTitle(markdown: string, max = 90): string {
  const firstLine = markdown.split('\n').find((l) => l.trim() !== '' && !l.startsWith('```')) ?? '';
  const plain = firstLine.replace(/[*_`#>]/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').trim();
  const sentence = /^(.+?[.。:：!?！？])(\s|$)/.exec(plain)?.[1] ?? plain;
  return sentence.length > max ? `${sentence.slice(0, max - 1).trimEnd()}…` : sentence;
}
