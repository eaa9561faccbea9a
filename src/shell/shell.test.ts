import { describe, expect, it } from 'vitest';
import type { Program } from './program';
import { testShell } from './test-helpers';

describe('expansion', () => {
  it('expands variables at run time, after export in the same line', async () => {
    expect(await testShell().run('export A=1; echo $A ${A}x "$HOME" ~/f $?')).toEqual({ stdout: '1 1x /home/learner /home/learner/f 0\n', stderr: '', status: 0 });
  });

  it('keeps spaces in "$VAR" and word-splits $VAR', async () => {
    const t = testShell({ args: async (io) => (io.stdout.write(io.argv.slice(1).map((a) => `[${a}]`).join('') + '\n'), 0) });
    expect((await t.run('V="a  b"; args $V "$V" "" $EMPTY')).stdout).toBe('[a][b][a  b][]\n');
  });

  it('applies VAR=x prefixes to the command only', async () => {
    const t = testShell();
    expect((await t.run('FOO=bar env | grep FOO; echo "[$FOO]"')).stdout).toBe('FOO=bar\n[]\n');
  });

  it('globs against the fs and leaves unmatched globs literal', async () => {
    const t = testShell();
    await t.run('touch b.yaml a.yaml c.txt .hidden.yaml');
    expect((await t.run('echo *.yaml; echo *.none; echo "*.yaml"; echo ?.txt')).stdout).toBe('a.yaml b.yaml\n*.none\n*.yaml\nc.txt\n');
  });

  it('substitutes command output without trailing newlines, split into words', async () => {
    expect((await testShell().run('echo $(printf_lines) "$(echo a; echo b)"'.replace('printf_lines', 'seq 2'))).stdout).toBe('1 2 a\nb\n');
  });
});

describe('control', () => {
  it('runs && and || by status and ; regardless', async () => {
    expect(await testShell().run('false && echo no || echo yes; true && echo ok; nope; echo $?')).toEqual({ stdout: 'yes\nok\n127\n', stderr: 'bash: nope: command not found\n', status: 0 });
  });

  it('runs for, if and while', async () => {
    const r = await testShell().run('for i in 0 1; do echo "web-$i"; done; if false; then echo a; elif true; then echo b; else echo c; fi; while false; do :; done; echo end');
    expect(r).toEqual({ stdout: 'web-0\nweb-1\nb\nend\n', stderr: '', status: 0 });
  });

  it('reports the last pipeline stage status and negation', async () => {
    expect((await testShell().run('false | true; echo $?; true | false; echo $?; ! true; echo $?')).stdout).toBe('0\n1\n1\n');
  });
});

describe('pipelines', () => {
  it('streams chunks to the next stage as they are written', async () => {
    const seen: string[] = [];
    const producer: Program = async (io) => {
      io.stdout.write('web-0 Running\n');
      await io.sleep(1000);
      io.stdout.write('web-1 Running\n');
      await io.sleep(1000);
      return 0;
    };
    const consumer: Program = async (io) => {
      for (let c = await io.stdin.read(); c !== null; c = await io.stdin.read()) seen.push(c);
      return 0;
    };
    const t = testShell({ producer, consumer });
    const done = t.run('producer | consumer');
    await new Promise((r) => setImmediate(r));
    expect(seen).toEqual(['web-0 Running\n']);
    t.clock.advance(1000);
    await new Promise((r) => setImmediate(r));
    expect(seen).toEqual(['web-0 Running\n', 'web-1 Running\n']);
    t.clock.advance(1000);
    expect((await done).status).toBe(0);
  });

  it('runs the tutorial PVC clean-up through grep, awk and xargs', async () => {
    const calls: string[][] = [];
    const kubectl: Program = async (io) => {
      if (io.argv[1] === 'get') {
        io.stdout.write('NAME        STATUS   VOLUME\nwww-web-0   Bound    pvc-1\nwww-web-1   Bound    pvc-2\nwww-web-3   Bound    pvc-4\nwww-web-4   Bound    pvc-5\n');
        return 0;
      }
      calls.push(io.argv);
      io.stdout.write(io.argv.slice(3).map((n) => `persistentvolumeclaim "${n}" deleted\n`).join(''));
      return 0;
    };
    const t = testShell({ kubectl });
    const r = await t.run(`kubectl get pvc | grep "www-web-" | awk '{if ($1 ~ /web-[3-9]/) print $1}' | xargs kubectl delete pvc`);
    expect(r).toEqual({ stdout: 'persistentvolumeclaim "www-web-3" deleted\npersistentvolumeclaim "www-web-4" deleted\n', stderr: '', status: 0 });
    expect(calls).toEqual([['kubectl', 'delete', 'pvc', 'www-web-3', 'www-web-4']]);
  });
});

describe('redirects', () => {
  it('writes, appends, reads and merges stderr', async () => {
    const t = testShell();
    expect(await t.run('echo a > f; echo b >> f; cat < f; cat nope 2> err; cat err; cat nope > both 2>&1; cat both')).toEqual({
      stdout: 'a\nb\ncat: nope: No such file or directory\ncat: nope: No such file or directory\n',
      stderr: '',
      status: 0,
    });
  });

  it('reports bash errors for bad targets', async () => {
    expect(await testShell().run('echo x > nope/x; cat < missing')).toEqual({
      stdout: '',
      stderr: 'bash: nope/x: No such file or directory\nbash: missing: No such file or directory\n',
      status: 1,
    });
  });
});

describe('builtins', () => {
  it('changes directory with cd, cd - and cd ~, with bash errors', async () => {
    const t = testShell();
    expect(await t.run('cd /tmp; pwd; cd -; cd ~; pwd; cd nope')).toEqual({
      stdout: '/tmp\n/home/learner\n/home/learner\n',
      stderr: 'bash: cd: nope: No such file or directory\n',
      status: 1,
    });
  });

  it('echo handles -n and -e', async () => {
    expect((await testShell().run('echo -n a; echo -e "b\\tc"; echo -ne "d\\n"')).stdout).toBe('ab\tc\nd\n');
  });

  it('runs sh -c in a child shell', async () => {
    expect((await testShell().run("sh -c 'echo hello $0'; A=2 bash -c 'echo $A'")).stdout).toBe('hello bash\n2\n');
  });

  it('type tells builtins from programs', async () => {
    expect(await testShell().run('type cd ls nope')).toEqual({ stdout: 'cd is a shell builtin\nls is /usr/bin/ls\n', stderr: 'bash: type: nope: not found\n', status: 1 });
  });
});
