import { describe, expect, it } from 'vitest';
import { testShell } from './test-helpers';

describe('arithmetic expansion $(( ))', () => {
  it('evaluates integer expressions with C precedence, variables with or without $', async () => {
    const sh = testShell();
    expect((await sh.run('echo $((6*7)) $((2+3*4)) $(((2+3)*4)) $((7/2)) $((7%3)) $((2**10)) $((-5+2))')).stdout).toBe('42 14 20 3 1 1024 -3\n');
    expect((await sh.run('n=4; echo $((n+1)) $(($n*2)) $((unset+1)) $((n>3 && n<5))')).stdout).toBe('5 8 1 1\n');
  });

  it('counts in a loop, as tutorials do with for and $((i+1))', async () => {
    const sh = testShell();
    expect((await sh.run('i=0; for x in a b c; do i=$((i+1)); done; echo $i')).stdout).toBe('3\n');
  });

  it('reports division by zero as bash does, with status 1', async () => {
    const sh = testShell();
    const r = await sh.run('echo $((1/0))');
    expect(r).toEqual({ stdout: '', stderr: 'bash: 1/0: division by 0 (error token is "0")\n', status: 1 });
  });
});
