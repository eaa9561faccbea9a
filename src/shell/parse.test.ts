import { describe, expect, it } from 'vitest';
import { parse } from './parse';

const words = (src: string) => {
  const r = parse(src);
  if (r.kind !== 'ok') return r;
  const cmd = r.script[0].first.commands[0];
  return cmd.type === 'simple' ? cmd.words : cmd;
};

describe('parse', () => {
  it('keeps quoting per part so expansion knows what to split', () => {
    expect(words(`echo "a $B" 'c $d' e\\ f`)).toEqual([
      [{ kind: 'lit', text: 'echo', quoted: false }],
      [{ kind: 'lit', text: 'a ', quoted: true }, { kind: 'var', name: 'B', quoted: true }],
      [{ kind: 'lit', text: 'c $d', quoted: true }],
      [{ kind: 'lit', text: 'e', quoted: false }, { kind: 'lit', text: ' ', quoted: true }, { kind: 'lit', text: 'f', quoted: false }],
    ]);
  });

  it('reads command substitution with nested parentheses and quotes', () => {
    expect(words(`echo $(kubectl get pods -o name | grep "(x)")`)).toEqual([
      [{ kind: 'lit', text: 'echo', quoted: false }],
      [{ kind: 'sub', source: 'kubectl get pods -o name | grep "(x)"', quoted: false }],
    ]);
  });

  it('asks for more input on open quotes, trailing operators, backslash and missing heredoc bodies', () => {
    for (const src of ['echo "a', "echo 'a", 'ls |', 'true &&', 'false ||', 'echo a \\', 'cat <<EOF', 'cat <<EOF\nbody', 'for i in 1; do', 'echo $(ls']) {
      expect(parse(src), src).toEqual({ kind: 'incomplete' });
    }
  });

  it('reports bash syntax errors', () => {
    expect(parse('| grep x')).toEqual({ kind: 'error', message: "bash: syntax error near unexpected token `|'" });
    expect(parse('echo a ;; b')).toEqual({ kind: 'error', message: "bash: syntax error near unexpected token `;;'" });
    expect(parse('echo >')).toEqual({ kind: 'error', message: "bash: syntax error near unexpected token `newline'" });
    expect(parse('done')).toEqual({ kind: 'error', message: "bash: syntax error near unexpected token `done'" });
  });

  it('reads heredoc bodies: expanding, quoted and tab-stripped', () => {
    const r = parse("cat <<EOF | kubectl apply -f -\na $X\nEOF\ncat <<'E'\n$Y\nE\ncat <<-T\n\t\tz\n\tT");
    expect(r.kind).toBe('ok');
    if (r.kind !== 'ok') return;
    const docs = r.script.map((s) => (s.first.commands[0] as { redirects: { heredoc?: unknown }[] }).redirects[0].heredoc);
    expect(docs).toEqual([{ body: 'a $X\n', expand: true }, { body: '$Y\n', expand: false }, { body: 'z\n', expand: true }]);
    expect(r.script[0].first.commands.length).toBe(2);
  });

  it('separates io numbers from words: 2> is a redirect, 2 > is an argument', () => {
    const r = parse('echo 2> a 2 > b');
    if (r.kind !== 'ok') throw new Error('parse failed');
    const cmd = r.script[0].first.commands[0];
    expect(cmd.type === 'simple' && cmd.redirects.map((x) => [x.fd, x.op])).toEqual([[2, '>'], [1, '>']]);
    expect(cmd.type === 'simple' && cmd.words.length).toBe(2);
  });

  it('treats # as a comment only at the start of a word', () => {
    expect(words('echo a#b # comment')).toEqual([[{ kind: 'lit', text: 'echo', quoted: false }], [{ kind: 'lit', text: 'a#b', quoted: false }]]);
  });
});
