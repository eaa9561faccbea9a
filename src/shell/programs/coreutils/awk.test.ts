import { describe, expect, it } from 'vitest';
import { testShell } from '../../test-helpers';

const PODS = 'NAME    READY   STATUS    RESTARTS   AGE\nweb-0   1/1     Running   0          1m\nweb-1   0/1     Pending   0          5s\nweb-4   1/1     Running   0          2m\n';

async function awk(program: string, input = PODS) {
  const t = testShell();
  t.fs.writeFile('/home/learner/pods', input);
  return t.run(`cat pods | awk ${program}`);
}

describe('awk', () => {
  it('prints fields, NR conditions and $NF', async () => {
    expect((await awk(`'{print $1}'`)).stdout).toBe('NAME\nweb-0\nweb-1\nweb-4\n');
    expect((await awk(`'NR>1 {print $1, $3}'`)).stdout).toBe('web-0 Running\nweb-1 Pending\nweb-4 Running\n');
    expect((await awk(`'NR==2{print $NF, NF}'`)).stdout).toBe('1m 5\n');
  });

  it('matches strings and regexes in conditions and if statements', async () => {
    expect((await awk(`'$3=="Running" {print $1}'`)).stdout).toBe('web-0\nweb-4\n');
    expect((await awk(`'{if ($1 ~ /web-[3-9]/) print $1}'`)).stdout).toBe('web-4\n');
    expect((await awk(`'$1 !~ /web/'`)).stdout).toBe('NAME    READY   STATUS    RESTARTS   AGE\n');
  });

  it('concatenates, counts in BEGIN/END and uses -F', async () => {
    expect((await awk(`'BEGIN {n=0} $3=="Running" {n++} END {print "running: " n}'`)).stdout).toBe('running: 2\n');
    expect((await awk(`-F/ 'NR>1 {print $1 "-" $2}'`, 'a/b\nc/d\ne/f\n')).stdout).toBe('c-d\ne-f\n');
    expect((await awk(`'{s += $1} END {print s, s/NR}'`, '1\n2\n4\n')).stdout).toBe('7 2.33333\n');
  });

  it('formats with printf and uses builtins', async () => {
    expect((await awk(`'NR>1 {printf "%-6s|%3d\\n", toupper($1), length($1)}'`)).stdout).toBe('WEB-0 |  5\nWEB-1 |  5\nWEB-4 |  5\n');
    expect((await awk(`'{split($1, p, "-"); c[p[1]]++} END {for (k in c) print k, c[k]}'`, 'web-0\nweb-1\ndb-0\n')).stdout).toBe('web 2\ndb 1\n');
  });

  it('reports syntax errors like gawk', async () => {
    expect(await awk(`'{print $1'`)).toEqual({ stdout: '', stderr: "awk: cmd. line:1: {print $1\nawk: cmd. line:1: unexpected newline or end of string\n", status: 1 });
  });
});
