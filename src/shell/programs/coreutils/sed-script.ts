import { compileRegex } from './regex';

/** One sed command with its optional address or address range. */
export interface SedCommand {
  from?: Address;
  to?: Address;
  negate: boolean;
  name: 's' | 'd' | 'p' | 'q' | '=';
  substitution?: { re: RegExp; replacement: string; print: boolean };
  /** For ranges: whether the range is open (state kept across lines). */
  active: boolean;
}

export type Address = { line: number } | { last: true } | { re: RegExp };

export class SedError extends Error {}

/** Parses a GNU sed script: `[addr[,addr]][!]cmd` separated by `;` or newlines. */
export function parseSedScript(script: string, extended: boolean): SedCommand[] {
  const commands: SedCommand[] = [];
  let i = 0;
  const fail = (msg: string): never => {
    throw new SedError(`-e expression #1, char ${Math.min(i + 1, script.length)}: ${msg}`);
  };
  const skipSpace = () => {
    while (i < script.length && /[\s;]/.test(script[i])) i++;
  };
  const delimited = (delim: string, unterminated = 'unterminated address regex'): string => {
    let out = '';
    for (; i < script.length; i++) {
      const c = script[i];
      if (c === '\\' && script[i + 1] === delim) {
        out += delim;
        i++;
      } else if (c === '\\') {
        out += c + (script[i + 1] ?? '');
        i++;
      } else if (c === delim) {
        i++;
        return out;
      } else out += c;
    }
    return fail(unterminated);
  };
  const address = (): Address | undefined => {
    if (/\d/.test(script[i] ?? '')) {
      const m = /^\d+/.exec(script.slice(i))![0];
      i += m.length;
      return { line: Number(m) };
    }
    if (script[i] === '$') {
      i++;
      return { last: true };
    }
    if (script[i] === '/' || (script[i] === '\\' && script[i + 1])) {
      const delim = script[i] === '/' ? '/' : script[++i];
      i++;
      return { re: compileRegex(delimited(delim), { extended }) };
    }
    return undefined;
  };

  skipSpace();
  while (i < script.length) {
    const from = address();
    let to: Address | undefined;
    if (from && script[i] === ',') {
      i++;
      to = address() ?? fail('unexpected `,\'');
    }
    while (script[i] === ' ') i++;
    const negate = script[i] === '!';
    if (negate) i++;
    const name = script[i++];
    if (name === 's') {
      const delim = script[i++];
      if (delim === undefined) fail("unterminated `s' command");
      const pattern = delimited(delim, "unterminated `s' command");
      const replacement = delimited(delim, "unterminated `s' command");
      const flagText = /^[gipI0-9]*/.exec(script.slice(i))![0];
      i += flagText.length;
      const re = compileRegex(pattern, { extended, ignoreCase: /[iI]/.test(flagText), global: flagText.includes('g') });
      commands.push({ from, to, negate, name: 's', active: false, substitution: { re, replacement: jsReplacement(replacement), print: flagText.includes('p') } });
    } else if (name === 'd' || name === 'p' || name === 'q' || name === '=') {
      commands.push({ from, to, negate, name, active: false });
    } else if (name === undefined) {
      fail('missing command');
    } else {
      i--;
      fail(`unknown command: \`${name}'`);
    }
    skipSpace();
  }
  return commands;
}

/** sed's & and \1 become JavaScript's $& and $1; a literal $ must be doubled. */
function jsReplacement(text: string): string {
  return text.replace(/\$/g, '$$$$').replace(/\\(\d)|\\(.)|&/g, (_m, d?: string, c?: string) => (d ? `$${d}` : c !== undefined ? (c === 'n' ? '\n' : c) : '$&'));
}

function matches(address: Address, line: string, lineNo: number, isLast: boolean): boolean {
  if ('line' in address) return lineNo === address.line;
  if ('last' in address) return isLast;
  address.re.lastIndex = 0;
  return address.re.test(line);
}

/** Whether a command applies to this line, advancing its range state as GNU sed does. */
export function selects(cmd: SedCommand, line: string, lineNo: number, isLast: boolean): boolean {
  let hit: boolean;
  if (!cmd.from) hit = true;
  else if (!cmd.to) hit = matches(cmd.from, line, lineNo, isLast);
  else if (cmd.active) {
    hit = true;
    const end = cmd.to;
    if ('line' in end ? lineNo >= end.line : matches(end, line, lineNo, isLast)) cmd.active = false;
  } else if (matches(cmd.from, line, lineNo, isLast)) {
    hit = true;
    const end = cmd.to;
    // A line-number end at or before the start closes the range at once.
    cmd.active = 'line' in end ? end.line > lineNo : !('last' in end && isLast);
  } else hit = false;
  return hit !== cmd.negate;
}
