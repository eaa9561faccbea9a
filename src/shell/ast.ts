/** The shell's syntax tree: what parse.ts builds and shell.ts runs. */

/** One piece of a word; `quoted` parts are exempt from field splitting and globbing. */
export type WordPart =
  | { kind: 'lit'; text: string; quoted: boolean }
  | { kind: 'var'; name: string; quoted: boolean }
  | { kind: 'sub'; source: string; quoted: boolean }
  | { kind: 'arith'; source: string; quoted: boolean };

export type Word = WordPart[];

export type RedirectOp = '>' | '>>' | '<' | '>&' | '<&' | '&>' | '&>>' | '<<' | '<<<';

export interface Redirect {
  fd: number;
  op: RedirectOp;
  target: Word;
  /** For `<<`: the body, and whether it expands (unquoted delimiter). */
  heredoc?: { body: string; expand: boolean };
}

export interface Assignment {
  name: string;
  value: Word;
}

export interface SimpleCommand {
  type: 'simple';
  assigns: Assignment[];
  words: Word[];
  redirects: Redirect[];
}

export interface ForCommand {
  type: 'for';
  variable: string;
  /** undefined: iterate "$@" (empty here). */
  items: Word[] | undefined;
  body: Script;
  redirects: Redirect[];
}

export interface IfCommand {
  type: 'if';
  branches: { condition: Script; body: Script }[];
  otherwise: Script | undefined;
  redirects: Redirect[];
}

export interface WhileCommand {
  type: 'while';
  until: boolean;
  condition: Script;
  body: Script;
  redirects: Redirect[];
}

export interface GroupCommand {
  type: 'group';
  subshell: boolean;
  body: Script;
  redirects: Redirect[];
}

export type Command = SimpleCommand | ForCommand | IfCommand | WhileCommand | GroupCommand;

export interface Pipeline {
  negate: boolean;
  commands: Command[];
}

export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
  background: boolean;
}

export type Script = AndOr[];
