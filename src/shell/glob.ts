import type { FileSystem } from './fs-types';
import { resolvePath } from './path';

/** One character of a word after expansion; `active` when an unquoted `*?[` may glob. */
export interface GlobChar {
  ch: string;
  active: boolean;
}

export function hasGlob(chars: GlobChar[]): boolean {
  return chars.some((c) => c.active && (c.ch === '*' || c.ch === '?' || c.ch === '['));
}

/** Pathname expansion against the fs: sorted matches, or undefined when nothing matches. */
export function globExpand(chars: GlobChar[], fs: FileSystem, cwd: string): string[] | undefined {
  const components: GlobChar[][] = [[]];
  for (const c of chars) {
    if (c.ch === '/') components.push([]);
    else components[components.length - 1].push(c);
  }
  const absolute = chars[0]?.ch === '/';
  if (absolute) components.shift();
  let paths: string[] = [absolute ? '/' : ''];
  for (let i = 0; i < components.length; i++) {
    const comp = components[i];
    const last = i === components.length - 1;
    const next: string[] = [];
    for (const prefix of paths) {
      const dir = resolvePath(cwd, prefix || '.');
      if (!hasGlob(comp)) {
        const name = comp.map((c) => c.ch).join('');
        const candidate = prefix + name + (last ? '' : '/');
        if (name === '' || fs.exists(resolvePath(cwd, prefix + name))) next.push(candidate);
        continue;
      }
      let entries: string[];
      try {
        if (fs.stat(dir).type !== 'dir') continue;
        entries = fs.readdir(dir);
      } catch {
        continue;
      }
      const re = componentRegex(comp);
      const dotOk = comp[0]?.ch === '.';
      for (const entry of entries) {
        if (entry.startsWith('.') && !dotOk) continue;
        if (!re.test(entry)) continue;
        if (!last && fs.stat(resolvePath(dir, entry)).type !== 'dir') continue;
        next.push(prefix + entry + (last ? '' : '/'));
      }
    }
    paths = next;
    if (paths.length === 0) return undefined;
  }
  return paths.sort();
}

function componentRegex(comp: GlobChar[]): RegExp {
  let re = '';
  for (let i = 0; i < comp.length; i++) {
    const { ch, active } = comp[i];
    if (active && ch === '*') re += '.*';
    else if (active && ch === '?') re += '.';
    else if (active && ch === '[') {
      const close = comp.findIndex((c, j) => j > i + 1 && c.ch === ']');
      if (close < 0) {
        re += '\\[';
        continue;
      }
      let set = comp.slice(i + 1, close).map((c) => c.ch).join('');
      if (set.startsWith('!') || set.startsWith('^')) set = '^' + set.slice(1);
      re += '[' + set.replace(/\\/g, '\\\\') + ']';
      i = close;
    } else re += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp('^' + re + '$', 's');
}

/** Whether `text` matches a shell pattern (for `case`-like uses and completion). */
export function matchPattern(pattern: string, text: string): boolean {
  return componentRegex([...pattern].map((ch) => ({ ch, active: true }))).test(text);
}
