import type { AndOr, Assignment, Command, Pipeline, Redirect, RedirectOp, Script, SimpleCommand, Word } from './ast';
import { IncompleteInput, Lexer, type Token } from './lexer';

export type ParseResult =
  | { kind: 'ok'; script: Script }
  /** More lines are needed (open quote, trailing `|`, heredoc body). */
  | { kind: 'incomplete' }
  /** Bash's message, e.g. "bash: syntax error near unexpected token `|'". */
  | { kind: 'error'; message: string };

export class ShellSyntaxError extends Error {}

/** Parses one complete input (possibly several lines) into a script. */
export function parse(source: string): ParseResult {
  try {
    return { kind: 'ok', script: new Parser(source).script() };
  } catch (e) {
    if (e instanceof IncompleteInput) return { kind: 'incomplete' };
    if (e instanceof ShellSyntaxError) return { kind: 'error', message: e.message };
    throw e;
  }
}

const REDIRECT_OPS = new Set(['>', '>>', '<', '>&', '<&', '&>', '&>>', '<<', '<<-', '<<<']);
const RESERVED = new Set(['do', 'done', 'then', 'elif', 'else', 'fi', '}', 'in']);
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=/;

class Parser {
  private lexer: Lexer;
  private peeked: Token | undefined;

  constructor(source: string) {
    this.lexer = new Lexer(source);
  }

  script(): Script {
    const list = this.list([]);
    const t = this.peek();
    if (t.type !== 'eof') this.unexpected(t);
    return list;
  }

  /** and_or lists separated by ; & or newlines, until a token in `stops` (a reserved word) or EOF. */
  private list(stops: string[]): Script {
    const items: AndOr[] = [];
    for (;;) {
      this.skipNewlines();
      const t = this.peek();
      if (t.type === 'eof') return items;
      if (t.type === 'op' && t.op === ')') return items;
      if (stops.length > 0 && this.reserved(t) && stops.includes(this.reserved(t)!)) return items;
      const item = this.andOr();
      items.push(item);
      const sep = this.peek();
      if (sep.type === 'op' && (sep.op === ';' || sep.op === '&')) {
        this.take();
        item.background = sep.op === '&';
      } else if (sep.type !== 'newline' && sep.type !== 'eof' && !(sep.type === 'op' && sep.op === ')') && !this.reserved(sep)) {
        this.unexpected(sep);
      }
    }
  }

  private andOr(): AndOr {
    const first = this.pipeline();
    const rest: AndOr['rest'] = [];
    for (;;) {
      const t = this.peek();
      if (t.type !== 'op' || (t.op !== '&&' && t.op !== '||')) break;
      this.take();
      this.skipNewlines(true);
      rest.push({ op: t.op, pipeline: this.pipeline() });
    }
    return { first, rest, background: false };
  }

  private pipeline(): Pipeline {
    let negate = false;
    if (this.reserved(this.peek()) === '!' || (this.peek().type === 'word' && (this.peek() as { raw: string }).raw === '!')) {
      this.take();
      negate = true;
    }
    const commands = [this.command()];
    for (;;) {
      const t = this.peek();
      if (t.type !== 'op' || t.op !== '|') break;
      this.take();
      this.skipNewlines(true);
      commands.push(this.command());
    }
    return { negate, commands };
  }

  private command(): Command {
    const t = this.peek();
    const word = this.reserved(t);
    if (word === 'for') return this.withRedirects(this.forCommand());
    if (word === 'if') return this.withRedirects(this.ifCommand());
    if (word === 'while' || word === 'until') return this.withRedirects(this.whileCommand(word === 'until'));
    if (word === '{') {
      this.take();
      const body = this.list(['}']);
      this.expectWord('}');
      return this.withRedirects({ type: 'group', subshell: false, body, redirects: [] });
    }
    if (t.type === 'op' && t.op === '(') {
      this.take();
      const body = this.list([]);
      const close = this.peek();
      if (close.type === 'eof') throw new IncompleteInput();
      if (close.type !== 'op' || close.op !== ')') this.unexpected(close);
      this.take();
      return this.withRedirects({ type: 'group', subshell: true, body, redirects: [] });
    }
    if (word && RESERVED.has(word)) this.unexpected(t);
    return this.simpleCommand();
  }

  private simpleCommand(): SimpleCommand {
    const cmd: SimpleCommand = { type: 'simple', assigns: [], words: [], redirects: [] };
    for (;;) {
      const t = this.peek();
      if (t.type === 'word') {
        this.take();
        const assign = cmd.words.length === 0 ? toAssignment(t.parts) : undefined;
        if (assign) cmd.assigns.push(assign);
        else cmd.words.push(t.parts);
      } else if (t.type === 'io' || (t.type === 'op' && REDIRECT_OPS.has(t.op))) {
        cmd.redirects.push(this.redirect());
      } else break;
    }
    if (cmd.words.length === 0 && cmd.assigns.length === 0 && cmd.redirects.length === 0) {
      const t = this.peek();
      if (t.type === 'eof') throw new IncompleteInput();
      this.unexpected(t);
    }
    return cmd;
  }

  private redirect(): Redirect {
    let fd: number | undefined;
    let t = this.take();
    if (t.type === 'io') {
      fd = t.fd;
      t = this.take();
    }
    if (t.type !== 'op') this.unexpected(t);
    const op = t.op;
    const target = this.take();
    if (target.type !== 'word') {
      if (target.type === 'eof') this.unexpected({ type: 'newline' });
      this.unexpected(target);
    }
    const defaultFd = op.startsWith('<') ? 0 : 1;
    if (op === '<<' || op === '<<-') {
      const quoted = target.parts.some((p) => p.quoted);
      const delimiter = target.parts.map((p) => (p.kind === 'lit' ? p.text : p.kind === 'var' ? '$' + p.name : '$(' + p.source + ')')).join('');
      const redirect: Redirect = { fd: fd ?? 0, op: '<<', target: target.parts, heredoc: { body: '', expand: !quoted } };
      this.lexer.expectHeredoc(delimiter, op === '<<-', (body) => {
        redirect.heredoc!.body = body;
      });
      return redirect;
    }
    return { fd: fd ?? defaultFd, op: op as RedirectOp, target: target.parts };
  }

  private forCommand(): Command {
    this.take();
    const nameTok = this.take();
    if (nameTok.type !== 'word' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(nameTok.raw)) this.unexpected(nameTok);
    let items: Word[] | undefined;
    this.skipSeparator();
    if (this.reserved(this.peek()) === 'in') {
      this.take();
      items = [];
      for (;;) {
        const t = this.peek();
        if (t.type !== 'word') break;
        this.take();
        items.push(t.parts);
      }
      this.skipSeparator();
    }
    this.expectWord('do');
    const body = this.list(['done']);
    this.expectWord('done');
    return { type: 'for', variable: nameTok.raw, items, body, redirects: [] };
  }

  private ifCommand(): Command {
    this.take();
    const branches: { condition: Script; body: Script }[] = [];
    let otherwise: Script | undefined;
    for (;;) {
      const condition = this.list(['then']);
      this.expectWord('then');
      const body = this.list(['elif', 'else', 'fi']);
      branches.push({ condition, body });
      const next = this.expectWord('elif', 'else', 'fi');
      if (next === 'fi') break;
      if (next === 'else') {
        otherwise = this.list(['fi']);
        this.expectWord('fi');
        break;
      }
    }
    return { type: 'if', branches, otherwise, redirects: [] };
  }

  private whileCommand(until: boolean): Command {
    this.take();
    const condition = this.list(['do']);
    this.expectWord('do');
    const body = this.list(['done']);
    this.expectWord('done');
    return { type: 'while', until, condition, body, redirects: [] };
  }

  private withRedirects(cmd: Command): Command {
    for (;;) {
      const t = this.peek();
      if (t.type === 'io' || (t.type === 'op' && REDIRECT_OPS.has(t.op))) cmd.redirects.push(this.redirect());
      else return cmd;
    }
  }

  private expectWord(...words: string[]): string {
    this.skipNewlines();
    const t = this.peek();
    if (t.type === 'eof') throw new IncompleteInput();
    const w = this.reserved(t);
    if (!w || !words.includes(w)) this.unexpected(t);
    this.take();
    return w!;
  }

  private skipSeparator(): void {
    const t = this.peek();
    if (t.type === 'op' && t.op === ';') this.take();
    this.skipNewlines();
  }

  /** After `|`, `&&`, `||`: newlines continue the command; EOF asks for another line. */
  private skipNewlines(required = false): void {
    while (this.peek().type === 'newline') this.take();
    if (required && this.peek().type === 'eof') throw new IncompleteInput();
  }

  private reserved(t: Token): string | undefined {
    if (t.type !== 'word' || t.parts.length !== 1) return undefined;
    const p = t.parts[0];
    if (p.kind !== 'lit' || p.quoted) return undefined;
    return ['for', 'in', 'do', 'done', 'if', 'then', 'elif', 'else', 'fi', 'while', 'until', '{', '}', '!'].includes(p.text) ? p.text : undefined;
  }

  private unexpected(t: Token): never {
    const text = t.type === 'op' ? t.op : t.type === 'word' ? t.raw : t.type === 'io' ? String(t.fd) : 'newline';
    throw new ShellSyntaxError(`bash: syntax error near unexpected token \`${text}'`);
  }

  private peek(): Token {
    this.peeked ??= this.lexer.next();
    return this.peeked;
  }

  private take(): Token {
    const t = this.peek();
    this.peeked = undefined;
    return t;
  }
}

function toAssignment(parts: Word): Assignment | undefined {
  const first = parts[0];
  if (!first || first.kind !== 'lit' || first.quoted) return undefined;
  const m = ASSIGNMENT.exec(first.text);
  if (!m) return undefined;
  const rest = first.text.slice(m[0].length);
  const value: Word = rest ? [{ kind: 'lit', text: rest, quoted: false }, ...parts.slice(1)] : parts.slice(1);
  return { name: m[1], value };
}
