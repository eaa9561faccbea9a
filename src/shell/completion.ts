import type { ClusterClient } from '../cluster/client/types';
import type { FileSystem } from './fs-types';
import { resolvePath } from './path';

export interface CompletionContext {
  fs: FileSystem;
  cwd: string;
  home: string;
  commandNames: string[];
  client: ClusterClient;
  /** kubectl's own completion (words typed so far, the word being completed). */
  completeKubectl(words: string[], current: string, ctx: { client: ClusterClient; namespace: string }): Promise<string[]>;
}

export interface Completion {
  /** Index in the line where the word being completed starts. */
  start: number;
  candidates: string[];
}

const FILE_FLAGS = new Set(['-f', '--filename', '-k', '--kustomize', '--kubeconfig', '--patch-file']);

/** Candidates for the word before the cursor: commands first, kubectl's own, else paths. */
export async function complete(before: string, ctx: CompletionContext): Promise<Completion> {
  const segment = before.slice(lastCommandStart(before));
  const wordStart = Math.max(segment.lastIndexOf(' '), segment.lastIndexOf('\t')) + 1;
  const start = before.length - segment.length + wordStart;
  const current = segment.slice(wordStart);
  const words = segment.slice(0, wordStart).trim().split(/\s+/).filter((w) => w !== '');
  const args = words.filter((w, i) => !(i === 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(w)));
  if (args.length === 0 && !current.includes('/')) {
    return { start, candidates: ctx.commandNames.filter((n) => n.startsWith(current)).sort() };
  }
  if (args[0] === 'kubectl' && FILE_FLAGS.has(args[args.length - 1])) {
    // kubectl marks these flags as file names, so the shell completes paths for them.
    return { start, candidates: completePath(current, ctx) };
  }
  if (args[0] === 'kubectl') {
    const candidates = await ctx.completeKubectl(args, current, { client: ctx.client, namespace: namespaceOf(args) });
    return { start, candidates: candidates.filter((c) => c.startsWith(current)) };
  }
  return { start, candidates: completePath(current, ctx) };
}

/** After the last `|`, `;`, `&&`, `||` or `&` outside quotes. */
function lastCommandStart(line: string): number {
  let start = 0;
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '|' || c === ';' || c === '&' || c === '(') start = i + 1;
  }
  return start;
}

function namespaceOf(words: string[]): string {
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if ((w === '-n' || w === '--namespace') && words[i + 1]) return words[i + 1];
    if (w.startsWith('--namespace=')) return w.slice('--namespace='.length);
    if (w.startsWith('-n') && w.length > 2) return w.slice(2);
  }
  return 'default';
}

function completePath(current: string, ctx: CompletionContext): string[] {
  const slash = current.lastIndexOf('/');
  const dirPart = slash >= 0 ? current.slice(0, slash + 1) : '';
  const namePart = current.slice(slash + 1);
  const typedDir = dirPart.startsWith('~/') ? ctx.home + dirPart.slice(1) : dirPart;
  const dir = resolvePath(ctx.cwd, typedDir || '.');
  let names: string[];
  try {
    names = ctx.fs.readdir(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.startsWith(namePart) && (namePart.startsWith('.') || !n.startsWith('.')))
    .map((n) => dirPart + n + (ctx.fs.stat(resolvePath(dir, n)).type === 'dir' ? '/' : ''));
}
