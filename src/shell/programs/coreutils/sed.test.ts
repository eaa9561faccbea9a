import { describe, expect, it } from 'vitest';
import { testShell } from '../../test-helpers';

const text = 'one\ntwo\nthree\nfour\nfive\n';

describe('sed', () => {
  it('substitutes, globally or once, with & and groups', async () => {
    const sh = testShell();
    expect((await sh.run(`sed 's/o/0/g'`, 'foo boo\n')).stdout).toBe('f00 b00\n');
    expect((await sh.run(`sed -E 's/(b)(o+)/<\\2\\1>/'`, 'foo boo\n')).stdout).toBe('foo <oob>\n');
    expect((await sh.run(`sed 's/o/[&]/'`, 'foo\n')).stdout).toBe('f[o]o\n');
  });

  it('prints line ranges and regex ranges with -n and p', async () => {
    const sh = testShell();
    expect((await sh.run(`sed -n '2,4p'`, text)).stdout).toBe('two\nthree\nfour\n');
    expect((await sh.run(`sed -n '/two/,/four/p'`, text)).stdout).toBe('two\nthree\nfour\n');
    expect((await sh.run(`sed -n '$p'`, text)).stdout).toBe('five\n');
  });

  it('deletes matching lines, or all but them with !', async () => {
    const sh = testShell();
    expect((await sh.run(`sed '/t/d'`, text)).stdout).toBe('one\nfour\nfive\n');
    expect((await sh.run(`sed '/t/!d'`, text)).stdout).toBe('two\nthree\n');
    expect((await sh.run(`sed '1d;$d'`, text)).stdout).toBe('two\nthree\nfour\n');
  });

  it('quits after a line and numbers lines with =', async () => {
    const sh = testShell();
    expect((await sh.run(`sed 2q`, text)).stdout).toBe('one\ntwo\n');
    expect((await sh.run(`sed -n '/three/='`, text)).stdout).toBe('3\n');
  });

  it('edits a file in place, deleting a line as tutorials do with storageClassName', async () => {
    const sh = testShell();
    const r = await sh.run(`printf 'name: www\\nstorageClassName: fast\\nsize: 1Gi\\n' > c.yaml && sed -i '/storageClassName/d' c.yaml && cat c.yaml`);
    expect(r.stdout).toBe('name: www\nsize: 1Gi\n');
  });

  it('reports an unknown command as GNU sed does', async () => {
    const sh = testShell();
    expect(await sh.run(`sed k`, text)).toEqual({ stdout: '', stderr: "sed: -e expression #1, char 1: unknown command: `k'\n", status: 1 });
    expect(await sh.run(`sed 's/o/x'`, text)).toEqual({ stdout: '', stderr: "sed: -e expression #1, char 5: unterminated `s' command\n", status: 1 });
  });
});
