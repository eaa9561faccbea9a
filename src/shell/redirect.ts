import type { Redirect } from './ast';
import { expandToString, type ExpandContext } from './expand';
import { heredocParts } from './lexer';
import { FsError, type FileSystem } from './fs-types';
import type { InputStream, OutputStream } from './program';
import { resolvePath } from './path';
import { StringInput } from './streams';

export interface StdIO {
  stdin: InputStream;
  stdout: OutputStream;
  stderr: OutputStream;
}

/** Appends every write to a file, as `>` and `>>` do once the file is open. */
class FileOutput implements OutputStream {
  readonly isTTY = false;
  constructor(
    private fs: FileSystem,
    private path: string,
  ) {}

  write(text: string): void {
    if (text !== '') this.fs.appendFile(this.path, text);
  }
}

/**
 * Applies redirections left to right (so `> f 2>&1` sends both to f).
 * Returns the new streams, or an error line as bash prints it.
 */
export async function applyRedirects(redirects: Redirect[], base: StdIO, ctx: ExpandContext): Promise<StdIO | { error: string }> {
  const fds: [InputStream, OutputStream, OutputStream] = [base.stdin, base.stdout, base.stderr];
  for (const r of redirects) {
    if (r.heredoc) {
      const body = r.heredoc.expand ? await expandToString(heredocParts(r.heredoc.body), ctx, false) : r.heredoc.body;
      if (r.fd === 0) fds[0] = new StringInput(body);
      continue;
    }
    const target = await expandToString(r.target, ctx);
    if (r.op === '<<<') {
      if (r.fd === 0) fds[0] = new StringInput(target + '\n');
      continue;
    }
    if ((r.op === '>&' || r.op === '<&') && /^\d+$/.test(target)) {
      const from = Number(target);
      if (from > 2) return { error: `bash: ${target}: Bad file descriptor` };
      if (r.fd === 1 || r.fd === 2) {
        const out = from === 0 ? undefined : fds[from as 1 | 2];
        if (out) fds[r.fd] = out;
      }
      continue;
    }
    if (target === '') return { error: 'bash: : No such file or directory' };
    const path = resolvePath(ctx.cwd, target);
    try {
      if (r.op === '<') {
        const text = ctx.fs.readFile(path);
        if (r.fd === 0) fds[0] = new StringInput(text);
        continue;
      }
      const append = r.op === '>>' || r.op === '&>>';
      if (ctx.fs.exists(path) && ctx.fs.stat(path).type === 'dir') throw new FsError('EISDIR', path);
      if (!append || !ctx.fs.exists(path)) ctx.fs.writeFile(path, '');
      const out = new FileOutput(ctx.fs, path);
      if (r.op === '&>' || r.op === '&>>' || (r.op === '>&' && r.fd === 1)) {
        fds[1] = out;
        fds[2] = out;
      } else if (r.fd === 1 || r.fd === 2) fds[r.fd] = out;
    } catch (e) {
      if (e instanceof FsError) return { error: `bash: ${target}: ${e.message}` };
      throw e;
    }
  }
  return { stdin: fds[0], stdout: fds[1], stderr: fds[2] };
}
