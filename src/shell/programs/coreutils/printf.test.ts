import { describe, expect, it } from 'vitest';
import { testShell } from '../../test-helpers';

async function run(line: string) {
  const sh = testShell();
  return sh.run(line);
}

describe('printf', () => {
  it('interprets escapes and reuses the format for extra arguments', async () => {
    expect((await run(`printf 'a\\tb\\n'`)).stdout).toBe('a\tb\n');
    expect((await run(`printf '%s-%s\\n' a b c`)).stdout).toBe('a-b\nc-\n');
  });

  it('pads and aligns numbers and strings like bash', async () => {
    expect((await run(`printf '[%5s][%-5s][%05d][%x][%.2f]\\n' ab cd 42 255 3.14159`)).stdout).toBe('[   ab][cd   ][00042][ff][3.14]\n');
  });

  it('warns about a non-number and still prints, with status 1', async () => {
    const r = await run(`printf '%d\\n' abc`);
    expect(r.stdout).toBe('0\n');
    expect(r.stderr).toBe('bash: printf: abc: invalid number\n');
    expect(r.status).toBe(1);
  });

  it('writes a multi-line file that sed -i then edits in place', async () => {
    const r = await run(`printf 'mode: primary\\nsize: 1\\n' > c.yaml && sed -i 's/primary/replica/' c.yaml && cat c.yaml`);
    expect(r.stdout).toBe('mode: replica\nsize: 1\n');
  });
});
