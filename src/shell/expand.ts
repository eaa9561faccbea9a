import type { Word } from './ast';
import type { FileSystem } from './fs-types';
import { evaluateArithmetic } from './arithmetic';
import { globExpand, hasGlob, type GlobChar } from './glob';
import { heredocParts } from './lexer';

export interface ExpandContext {
  /** A variable's value ($?, $HOME, …); undefined when unset. */
  lookup(name: string): string | undefined;
  /** Runs `source` in a subshell and returns its stdout with trailing newlines removed. */
  substitute(source: string): Promise<string>;
  fs: FileSystem;
  cwd: string;
  home: string;
}

interface Field {
  chars: GlobChar[];
}

/** Full word expansion: tilde, parameters, command substitution, field splitting, pathnames. */
export async function expandWords(words: Word[], ctx: ExpandContext): Promise<string[]> {
  const out: string[] = [];
  for (const word of words) {
    for (const field of await splitWord(word, ctx)) {
      const text = field.chars.map((c) => c.ch).join('');
      const matches = hasGlob(field.chars) ? globExpand(field.chars, ctx.fs, ctx.cwd) : undefined;
      if (matches) out.push(...matches);
      else out.push(text);
    }
  }
  return out;
}

/** Expansion without splitting or globbing: assignments, redirect targets, heredoc bodies. */
export async function expandToString(word: Word, ctx: ExpandContext, tilde = true): Promise<string> {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const part = word[i];
    if (part.kind === 'lit') out += i === 0 && tilde && !part.quoted ? expandTilde(part.text, ctx.home) : part.text;
    else out += await valueOf(part, ctx);
  }
  return out;
}

async function splitWord(word: Word, ctx: ExpandContext): Promise<Field[]> {
  const fields: Field[] = [];
  let current: Field | undefined;
  const field = () => {
    if (!current) {
      current = { chars: [] };
      fields.push(current);
    }
    return current;
  };
  for (let i = 0; i < word.length; i++) {
    const part = word[i];
    if (part.kind === 'lit') {
      const text = i === 0 && !part.quoted ? expandTilde(part.text, ctx.home) : part.text;
      const f = field();
      for (const ch of text) f.chars.push({ ch, active: !part.quoted });
      continue;
    }
    const value = await valueOf(part, ctx);
    if (part.quoted) {
      const f = field();
      for (const ch of value) f.chars.push({ ch, active: false });
      continue;
    }
    for (const ch of value) {
      if (ch === ' ' || ch === '\t' || ch === '\n') current = undefined;
      else field().chars.push({ ch, active: true });
    }
  }
  return fields;
}

async function valueOf(part: Exclude<Word[number], { kind: 'lit' }>, ctx: ExpandContext): Promise<string> {
  if (part.kind === 'sub') return ctx.substitute(part.source);
  if (part.kind === 'arith') {
    // Inner $VAR and $(…) expand first, as bash does; bare names are looked up by the evaluator.
    const inner = (await expandWords([heredocParts(part.source)], ctx)).join(' ');
    return String(evaluateArithmetic(inner, ctx.lookup));
  }
  return ctx.lookup(part.name) ?? '';
}

function expandTilde(text: string, home: string): string {
  if (text === '~' || text.startsWith('~/')) return home + text.slice(1);
  return text;
}
