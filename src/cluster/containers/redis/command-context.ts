/** What a command sees of its server and connection. */
import type { Keyspace } from './keyspace';
import { err, type RespReply } from './types';

export interface CommandContext {
  ks: Keyspace;
  /** The connection's selected database. */
  db: number;
  now(): number;
  /** A write happened: counted toward the save rules and appended to the AOF (as `propagate`, default the command itself). */
  wrote(changes: number, propagate?: string[][]): void;
  server: ServerCommands;
}

/** Commands that reach past the keyspace (persistence, introspection, the connection). */
export interface ServerCommands {
  save(): RespReply;
  bgsave(): RespReply;
  lastsave(): number;
  info(sections: string[]): string;
  configGet(patterns: string[]): string[];
}

export type Handler = (ctx: CommandContext, args: string[]) => RespReply;

export interface CommandSpec {
  /** redis's arity: exact argc when positive, a minimum when negative (argv[0] counts). */
  arity: number;
  run: Handler;
}

/** Parses a signed 64-bit integer as redis's string2ll does (no spaces, no `+`, no leading zeros). */
export function parseInteger(s: string): number | undefined {
  if (!/^(0|-?[1-9]\d*)$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : undefined;
}

export const NOT_INTEGER = 'ERR value is not an integer or out of range';
export const WRONGTYPE = 'WRONGTYPE Operation against a key holding the wrong kind of value';
export const SYNTAX = 'ERR syntax error';

/** The one wrong-type error lookups return: told apart by identity (a hash may well hold `type` and `value` fields). */
export const WRONG = err(WRONGTYPE);
export const isReply = (v: unknown): v is RespReply => v === WRONG;
