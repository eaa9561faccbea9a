import { describe, expect, it } from 'vitest';
import { testShell } from '../../test-helpers';

async function run(line: string, setup = '') {
  const t = testShell();
  if (setup) await t.run(setup);
  return t.run(line);
}

describe('coreutils', () => {
  it('cat prints files and GNU errors', async () => {
    expect(await run('cat a b nope.txt', 'echo 1 > a; echo 2 > b')).toEqual({ stdout: '1\n2\n', stderr: 'cat: nope.txt: No such file or directory\n', status: 1 });
    expect((await run('cat -n a', 'echo x > a; echo y >> a')).stdout).toBe('     1\tx\n     2\ty\n');
  });

  it('ls lists one per line when piped, and errors like GNU', async () => {
    expect(await run('ls; ls nope', 'touch b a; mkdir d')).toEqual({ stdout: 'a\nb\nd\n', stderr: "ls: cannot access 'nope': No such file or directory\n", status: 2 });
  });

  it('ls -l shows mode, links, owner, size and date', async () => {
    expect((await run('ls -l', 'echo hello > f; mkdir d')).stdout).toBe('total 8\ndrwxr-xr-x 2 learner learner 4096 Jan  1 00:00 d\n-rw-r--r-- 1 learner learner    6 Jan  1 00:00 f\n');
  });

  it('ls uses columns on a tty', async () => {
    const t = testShell({}, true);
    await t.run('touch one two three');
    expect((await t.run('ls')).stdout).toBe('one  three  two\n');
  });

  it('chmod accepts octal and symbolic modes on existing files and reports GNU errors', async () => {
    expect(await run('chmod 755 d && chmod -R u+rwx,go=rx d f', 'mkdir d; touch f')).toEqual({ stdout: '', stderr: '', status: 0 });
    expect(await run('chmod 999 f; chmod 644 nope; chmod 644')).toEqual({
      stdout: '',
      stderr:
        "chmod: invalid mode: ‘999’\nTry 'chmod --help' for more information.\n" +
        "chmod: cannot access 'nope': No such file or directory\n" +
        "chmod: missing operand after ‘644’\nTry 'chmod --help' for more information.\n",
      status: 1,
    });
  });

  it('chmod takes -x, -w,+r… as a mode, as GNU does, while -R stays an option', async () => {
    expect(await run('chmod -x f && chmod -R -w,+r d && chmod -x -- f', 'mkdir d; touch f')).toEqual({ stdout: '', stderr: '', status: 0 });
    expect(await run('chmod -x; chmod -z f; chmod -xq f', 'touch f')).toEqual({
      stdout: '',
      stderr:
        "chmod: missing operand after ‘-x’\nTry 'chmod --help' for more information.\n" +
        "chmod: invalid option -- 'z'\nTry 'chmod --help' for more information.\n" +
        "chmod: invalid mode: ‘-xq’\nTry 'chmod --help' for more information.\n",
      status: 1,
    });
  });

  it('mkdir, rm, touch, cp, mv report GNU errors', async () => {
    const r = await run('mkdir d; mkdir d; mkdir x/y; rm nope; rm d; touch a/b; cp nope x; mv nope x; cp d e; rm');
    expect(r.stderr).toBe(
      'mkdir: cannot create directory ‘d’: File exists\n' +
        'mkdir: cannot create directory ‘x/y’: No such file or directory\n' +
        "rm: cannot remove 'nope': No such file or directory\n" +
        "rm: cannot remove 'd': Is a directory\n" +
        "touch: cannot touch 'a/b': No such file or directory\n" +
        "cp: cannot stat 'nope': No such file or directory\n" +
        "mv: cannot stat 'nope': No such file or directory\n" +
        "cp: -r not specified; omitting directory 'd'\n" +
        "rm: missing operand\nTry 'rm --help' for more information.\n",
    );
  });

  it('mkdir -p, cp -r, mv and rm -rf work on trees', async () => {
    expect((await run('mkdir -p a/b/c; echo x > a/b/f; cp -r a z; mv z/b/f z/g; rm -rf a; ls -R z')).stdout).toBe('z:\nb\ng\n\nz/b:\nc\n\nz/b/c:\n');
  });

  it('grep filters with its options and exit codes', async () => {
    const setup = 'echo "web-0 Running" > p; echo "web-1 Pending" >> p; echo "db-0 Running" >> p';
    expect(await run('grep Running p', setup)).toEqual({ stdout: 'web-0 Running\ndb-0 running\n'.replace('running', 'Running'), stderr: '', status: 0 });
    expect((await run('grep -v -n Running p', setup)).stdout).toBe('2:web-1 Pending\n');
    expect((await run('grep -c -i running p', setup)).stdout).toBe('2\n');
    expect((await run('grep -o "web-[0-9]" p', setup)).stdout).toBe('web-0\nweb-1\n');
    expect((await run('grep -E "web|db" p p', setup)).stdout).toBe('p:web-0 Running\np:web-1 Pending\np:db-0 Running\np:web-0 Running\np:web-1 Pending\np:db-0 Running\n');
    expect(await run('grep -q nothing p', setup)).toEqual({ stdout: '', stderr: '', status: 1 });
    expect(await run('grep x nope')).toEqual({ stdout: '', stderr: 'grep: nope: No such file or directory\n', status: 2 });
    expect((await run('grep -w web p', setup)).stdout).toBe('web-0 Running\nweb-1 Pending\n');
    expect((await run('grep -A1 web-0 p', setup)).stdout).toBe('web-0 Running\nweb-1 Pending\n');
  });

  it('head and tail take -n N, -N and +N', async () => {
    expect((await run('seq 5 | head -n 2; seq 5 | head -1; seq 5 | tail -2; seq 5 | tail -n +4')).stdout).toBe('1\n2\n1\n4\n5\n4\n5\n');
  });

  it('wc aligns like GNU', async () => {
    expect((await run('wc -l f; wc f; echo hi | wc; echo hi | wc -l; wc -l f f', "echo 'a b' > f; echo c >> f")).stdout).toBe('2 f\n2 3 6 f\n      1       1       3\n1\n 2 f\n 2 f\n 4 total\n');
  });

  it('sort, uniq and cut shape columns', async () => {
    expect((await run('echo "b 2\na 10\nc 1\na 10" > f; sort f; sort -k2 -n f; sort -u f | wc -l; sort f | uniq -c; cut -d" " -f2 f', '')).stdout).toBe(
      'a 10\na 10\nb 2\nc 1\nc 1\nb 2\na 10\na 10\n3\n      2 a 10\n      1 b 2\n      1 c 1\n2\n10\n1\n10\n'.replace(/^/, ''),
    );
  });

  it('sed, tr, tee, base64, seq, date, uname, whoami', async () => {
    const t = testShell();
    const r = await t.run('echo hello world | sed s/o/0/g; echo abc | tr a-z A-Z; echo x | tee t1; cat t1; echo -n hi | base64; echo aGk= | base64 -d; echo; seq 2 4; date; uname -a; whoami');
    expect(r.stdout).toBe('hell0 w0rld\nABC\nx\nx\naGk=\nhi\n2\n3\n4\nThu Jan  1 00:00:00 UTC 2026\nLinux workstation 6.1.0-28-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1 (2024-11-22) x86_64 GNU/Linux\nlearner\n');
  });

  it('xargs runs echo by default, -n and -I', async () => {
    expect((await run('echo a b c | xargs; echo a b | xargs -n 1 echo x; echo p | xargs -I {} echo [{}]')).stdout).toBe('a b c\nx a\nx b\n[p]\n');
  });
});
