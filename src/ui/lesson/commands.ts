/** Which code in a lesson's rendered Markdown is a command the learner can copy or run. */
const SHELL_LANGUAGES = new Set(['', 'bash', 'sh', 'shell', 'console', 'shell-session']);
const COMMAND_START = /^(kubectl|cat|ls|echo|nslookup|curl|wget|hostname|watch|cd|mkdir|rm|cp|mv|head|tail|grep|sed|printf)\s+\S/;

/** The language of a fenced block from marked's `language-xxx` class ('' when none). */
export function blockLanguage(code: Element): string {
  const cls = [...code.classList].find((c) => c.startsWith('language-'));
  return cls ? cls.slice('language-'.length) : '';
}

/** Whether a fenced block holds commands to run (a bash block), not a manifest or output. */
export function isCommandBlock(language: string): boolean {
  return SHELL_LANGUAGES.has(language);
}

/** Whether inline code is a whole command one can run as written: no placeholders such as FILE or <name>. */
export function isInlineCommand(text: string): boolean {
  return COMMAND_START.test(text) && !/[<>]|\b[A-Z]{1,}\b/.test(text) && !text.includes('\n');
}

/** The command lines of a block: blank lines and comments dropped, a leading "$ " prompt removed. */
export function commandLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.replace(/^\$ /, '').trimEnd())
    .filter((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
}
