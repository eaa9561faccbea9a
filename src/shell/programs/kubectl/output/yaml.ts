/**
 * YAML as kubectl prints it: JSON → sigs.k8s.io/yaml → go-yaml v2. Map keys in
 * go-yaml's natural order, sequences not indented under their key, strings
 * quoted only when they would read back as another type, long plain strings
 * folded past column 80, multi-line strings as literal blocks.
 */
const BEST_WIDTH = 80;

const isLetter = (c: string) => /\p{L}/u.test(c);
const isDigit = (c: string) => c >= '0' && c <= '9';

/** go-yaml v2 keyList.Less. */
export function yamlKeyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i] < br[i];
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + Number(ar[ai]);
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i] < br[i];
  }
  return ar.length < br.length;
}

export function sortYamlKeys(keys: string[]): string[] {
  return [...keys].sort((x, y) => (yamlKeyLess(x, y) ? -1 : yamlKeyLess(y, x) ? 1 : 0));
}

const BOOL_NULL = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE',
  'on', 'On', 'ON', 'off', 'Off', 'OFF', '~', 'null', 'Null', 'NULL', '',
  '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF', '.nan', '.NaN', '.NAN',
]);

/** Whether go-yaml would read this plain scalar back as something other than a string. */
function resolvesToNonString(s: string): boolean {
  if (BOOL_NULL.has(s)) return true;
  const plain = s.replace(/_/g, '');
  if (/^[-+]?(0|[1-9][0-9]*)$/.test(plain)) return true;
  if (/^[-+]?0[0-7]+$/.test(plain)) return true;
  if (/^[-+]?0x[0-9a-fA-F]+$/.test(plain)) return true;
  if (/^[-+]?0b[01]+$/.test(plain)) return true;
  if (/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(plain)) return true;
  if (/^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/.test(s)) return true;
  if (/^\d{4}-\d{1,2}-\d{1,2}([Tt ]\d{1,2}:\d{1,2}:\d{1,2}(\.\d+)?(Z|[+-]\d{1,2}(:\d{2})?)?)?$/.test(s)) return true;
  return false;
}

const SPECIAL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u0085\ufeff]/;

/** go-yaml's analysis: may this string be written plain in block context? */
function plainAllowed(s: string): boolean {
  if (s === '' || SPECIAL.test(s) || s.includes('\n') || s.includes('\r')) return false;
  if (s.startsWith(' ') || s.endsWith(' ') || s.startsWith('\t')) return false;
  if (s.startsWith('---') || s.startsWith('...')) return false;
  const first = s[0];
  const next = s[1];
  if ('#,[]{}&*!|>\'"%@`'.includes(first)) return false;
  if ((first === '-' || first === '?' || first === ':') && (next === undefined || next === ' ' || next === '\t')) return false;
  if (/: |:\t|:$| #|\t#/.test(s)) return false;
  return true;
}

function doubleQuoted(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0').toUpperCase()}`;
    else out += ch;
  }
  return out + '"';
}

/** Writes a scalar after `prefix` (the text already on the line), folding at spaces past column 80. */
function foldScalar(text: string, column: number, indent: number): string {
  let out = '';
  let col = column;
  let spaces = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === ' ') {
      if (!spaces && col > BEST_WIDTH && text[i + 1] !== ' ' && i + 1 < text.length) {
        out += '\n' + ' '.repeat(indent);
        col = indent;
      } else {
        out += ch;
        col++;
      }
      spaces = true;
    } else {
      out += ch;
      col++;
      spaces = false;
    }
  }
  return out;
}

function literalBlock(s: string, indent: number): string {
  let chomp = '-';
  if (s.endsWith('\n')) chomp = s.endsWith('\n\n') || s === '\n' ? '+' : '';
  const indicator = s.startsWith(' ') || s.startsWith('\n') ? '2' : '';
  const body = chomp === '' ? s.slice(0, -1) : chomp === '+' ? s.slice(0, -1) : s;
  const lines = body.split('\n').map((l) => (l === '' ? '' : ' '.repeat(indent) + l));
  return `|${indicator}${chomp}\n${lines.join('\n')}`;
}

/** A scalar as it follows `key: ` (or `- `) on a line that is `column` chars long so far. */
function scalar(value: unknown, column: number, indent: number, isKey = false): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return formatNumber(value);
  const s = String(value);
  if (!isKey && s.includes('\n') && !/[ \t]\n/.test(s) && !SPECIAL.test(s) && !/ $/.test(s)) return literalBlock(s, indent);
  if (resolvesToNonString(s) || SPECIAL.test(s) || s.includes('\n')) return doubleQuoted(s);
  if (plainAllowed(s)) return isKey ? s : foldScalar(s, column, indent);
  const quoted = `'${s.replace(/'/g, "''")}'`;
  return isKey ? quoted : foldScalar(quoted, column, indent);
}

function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  const s = String(n);
  return s.includes('e') ? s.replace(/e\+?/, 'e+').replace('e+-', 'e-') : s;
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function emitMap(obj: Record<string, unknown>, indent: number, firstPrefix: string | null): string[] {
  const keys = sortYamlKeys(Object.keys(obj).filter((k) => obj[k] !== undefined));
  const lines: string[] = [];
  keys.forEach((key, i) => {
    const lead = i === 0 && firstPrefix !== null ? firstPrefix : ' '.repeat(indent);
    const k = scalar(key, 0, indent, true);
    lines.push(...emitEntry(lead + k + ':', obj[key], indent));
  });
  return lines;
}

/** `head` is `<indent>key:`; writes the value inline or on following lines. */
function emitEntry(head: string, value: unknown, indent: number): string[] {
  if (isMap(value)) {
    if (Object.keys(value).filter((k) => value[k] !== undefined).length === 0) return [head + ' {}'];
    return [head, ...emitMap(value, indent + 2, null)];
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return [head + ' []'];
    return [head, ...emitSeq(value, indent)];
  }
  return [head + ' ' + scalar(value, head.length + 1, indent + 2)];
}

function emitSeq(items: unknown[], indent: number): string[] {
  const lines: string[] = [];
  const dash = ' '.repeat(indent) + '- ';
  for (const item of items) {
    if (isMap(item) && Object.keys(item).length > 0) lines.push(...emitMap(item, indent + 2, dash));
    else if (Array.isArray(item) && item.length > 0) {
      const inner = emitSeq(item, indent + 2);
      inner[0] = dash + inner[0].trimStart();
      lines.push(...inner);
    } else if (isMap(item)) lines.push(dash + '{}');
    else if (Array.isArray(item)) lines.push(dash + '[]');
    else lines.push(dash + scalar(item, dash.length, indent + 2));
  }
  return lines;
}

/** The whole document, ending in a newline. */
export function toYaml(value: unknown): string {
  if (isMap(value)) {
    if (Object.keys(value).length === 0) return '{}\n';
    return emitMap(value, 0, null).join('\n') + '\n';
  }
  if (Array.isArray(value)) return value.length === 0 ? '[]\n' : emitSeq(value, 0).join('\n') + '\n';
  return scalar(value, 0, 0) + '\n';
}
