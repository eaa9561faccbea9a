import type { FileStat } from '../../fs-types';
import type { Program, ProgramIO } from '../../program';
import { abs, invalidOption, parseArgs, userOf } from './common';
import { columns } from './columns';
import { MONTHS } from '../../../cluster/calendar';

interface Entry {
  name: string;
  path: string;
  stat: FileStat;
}

/** ls [-l] [-a] [-1] [-R] [-d] [FILE]...: GNU's layout (columns on a tty, one per line otherwise). */
export const ls: Program = async (io) => {
  const parsed = parseArgs(io.argv.slice(1), 'laA1Rdhrt', '', { all: 'a', recursive: 'R', directory: 'd' });
  if ('bad' in parsed) return invalidOption(io, 'ls', parsed.bad, 2);
  const f = parsed.flags;
  let status = 0;
  const operands = parsed.operands.length > 0 ? parsed.operands : ['.'];
  const files: Entry[] = [];
  const dirs: Entry[] = [];
  for (const name of operands) {
    const path = abs(io, name);
    if (!io.fs.exists(path)) {
      io.stderr.write(`ls: cannot access '${name}': No such file or directory\n`);
      status = 2;
      continue;
    }
    const stat = io.fs.stat(path);
    (stat.type === 'dir' && !f.has('d') ? dirs : files).push({ name, path, stat });
  }
  const blocks: string[] = [];
  if (files.length > 0) blocks.push(render(io, sortEntries(files, f), f));
  const showHeaders = operands.length > 1 || f.has('R');
  const queue = sortEntries(dirs, f);
  while (queue.length > 0) {
    const dir = queue.shift()!;
    const entries = listDir(io, dir, f);
    let text = showHeaders ? `${dir.name}:\n` : '';
    if (f.has('l')) text += `total ${entries.reduce((n, e) => n + blocksOf(e.stat), 0)}\n`;
    text += render(io, entries, f);
    blocks.push(text);
    if (f.has('R')) {
      const subdirs = entries.filter((e) => e.stat.type === 'dir' && e.name !== '.' && e.name !== '..');
      queue.unshift(...subdirs.map((e) => ({ ...e, name: `${dir.name === '/' ? '' : dir.name}/${e.name}` })));
    }
  }
  io.stdout.write(blocks.join('\n'));
  return status;
};

function listDir(io: ProgramIO, dir: Entry, f: Set<string>): Entry[] {
  const names = io.fs.readdir(dir.path).filter((n) => f.has('a') || f.has('A') || !n.startsWith('.'));
  const entries = names.map((name) => {
    const path = `${dir.path === '/' ? '' : dir.path}/${name}`;
    return { name, path, stat: io.fs.stat(path) };
  });
  if (f.has('a')) entries.unshift({ name: '.', path: dir.path, stat: dir.stat }, { name: '..', path: dir.path, stat: dir.stat });
  return sortEntries(entries, f);
}

function sortEntries(entries: Entry[], f: Set<string>): Entry[] {
  const sorted = [...entries].sort((a, b) => (f.has('t') ? b.stat.mtimeMs - a.stat.mtimeMs : 0) || compareNames(a.name, b.name));
  return f.has('r') ? sorted.reverse() : sorted;
}

/** GNU ls in a UTF-8 locale ignores case and punctuation first, then breaks ties bytewise. */
function compareNames(a: string, b: string): number {
  const ka = a.toLowerCase().replace(/[^a-z0-9]/g, '');
  const kb = b.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (ka !== kb) return ka < kb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function render(io: ProgramIO, entries: Entry[], f: Set<string>): string {
  if (entries.length === 0) return '';
  if (f.has('l')) return long(io, entries, f.has('h'));
  const names = entries.map((e) => e.name);
  if (f.has('1') || !io.stdout.isTTY) return names.join('\n') + '\n';
  return columns(names, io.ctx.tty?.columns ?? 80);
}

function long(io: ProgramIO, entries: Entry[], human: boolean): string {
  const user = userOf(io);
  const now = io.ctx.clock.now();
  const rows = entries.map((e) => {
    const links = e.stat.type === 'dir' ? String(2 + countSubdirs(io, e)) : '1';
    const size = human ? humanSize(e.stat.size) : String(e.stat.size);
    return [mode(e.stat), links, user, user, size, date(e.stat.mtimeMs, now), e.name];
  });
  const width = (i: number) => Math.max(...rows.map((r) => r[i].length));
  return rows
    .map((r) => [r[0], r[1].padStart(width(1)), r[2].padEnd(width(2)), r[3].padEnd(width(3)), r[4].padStart(width(4)), r[5], r[6]].join(' ') + '\n')
    .join('');
}

function countSubdirs(io: ProgramIO, e: Entry): number {
  try {
    return io.fs.readdir(e.path).filter((n) => io.fs.stat(`${e.path === '/' ? '' : e.path}/${n}`).type === 'dir').length;
  } catch {
    return 0;
  }
}

function mode(stat: FileStat): string {
  const bits = 'rwxrwxrwx'.split('').map((c, i) => (stat.mode & (1 << (8 - i)) ? c : '-')).join('');
  return (stat.type === 'dir' ? 'd' : '-') + bits;
}

function blocksOf(stat: FileStat): number {
  return Math.ceil(stat.size / 4096) * 4;
}


/** "Nov 22 03:52" for recent files, "Nov 22  2025" for those over six months old or in the future. */
function date(ms: number, now: number): string {
  const d = new Date(ms);
  const day = String(d.getUTCDate()).padStart(2);
  const recent = now - ms < 182.5 * 86400_000 && ms <= now + 60_000;
  const tail = recent ? `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}` : ` ${d.getUTCFullYear()}`;
  return `${MONTHS[d.getUTCMonth()]} ${day} ${tail}`;
}

function humanSize(size: number): string {
  if (size < 1024) return String(size);
  const units = ['K', 'M', 'G', 'T'];
  let v = size;
  let u = -1;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return (v < 10 ? (Math.ceil(v * 10) / 10).toFixed(1) : String(Math.ceil(v))) + units[u];
}
