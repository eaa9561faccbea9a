/**
 * Where `kubectl create secret` data comes from (create_secret.go): literals,
 * files and directories, env files; key validation, and the --append-hash suffix.
 * Values are kept as text; the caller base64-encodes them as the API stores them.
 */
import { FsError } from '../../../../cluster/storage/fs-types';
import { resolvePath } from '../../../path';
import { KubectlError } from '../cli/errors';
import type { Invocation } from '../context';
import { toCompactJson } from '../output/json';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** validation.RegexError. */
function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${fmt}')`;
}

function chDirPrefix(value: string): string[] {
  if (value === '.') return [`must not be '.'`];
  if (value === '..') return [`must not be '..'`];
  if (value.startsWith('..')) return [`must not start with '..'`];
  return [];
}

const utf8Length = (s: string) => new TextEncoder().encode(s).length;

/** validation.IsConfigMapKey. */
export function configMapKeyErrors(value: string): string[] {
  const errs: string[] = [];
  if (utf8Length(value) > 253) errs.push('must be no more than 253 characters');
  if (!/^[-._a-zA-Z0-9]+$/.test(value)) {
    errs.push(regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'", '[-._a-zA-Z0-9]+', 'key.name', 'KEY_NAME', 'key-name'));
  }
  return errs.concat(chDirPrefix(value));
}

/** validation.IsEnvVarName. */
function envVarNameErrors(value: string): string[] {
  const errs: string[] = [];
  if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(value)) {
    errs.push(
      regexError(
        "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit",
        '[-._a-zA-Z][-._a-zA-Z0-9]*',
        'my.env-name',
        'MY_ENV.NAME',
        'MyEnvName1',
      ),
    );
  }
  return errs.concat(chDirPrefix(value));
}

/** Secret data being built: key → text, in insertion order. */
export type SecretData = Map<string, string>;

/** addKeyFromLiteralToSecret. */
export function addKey(data: SecretData, key: string, value: string): void {
  const errs = configMapKeyErrors(key);
  if (errs.length) throw new KubectlError(`${JSON.stringify(key)} is not valid key name for a Secret ${errs.join(';')}`);
  if (data.has(key)) throw new KubectlError(`cannot add key ${key}, another key by that name already exists`);
  data.set(key, value);
}

/** util.ParseLiteralSource. */
export function addLiterals(data: SecretData, sources: string[]): void {
  for (const source of sources) {
    const eq = source.indexOf('=');
    if (eq <= 0) throw new KubectlError(`invalid literal source ${source}, expected key=value`);
    addKey(data, source.slice(0, eq), source.slice(eq + 1));
  }
}

/** util.ParseFileSource: `path` (key = basename) or `key=path`. */
function parseFileSource(source: string): { key: string; path: string } {
  const parts = source.split('=');
  if (parts.length === 1) {
    const trimmed = source.replace(/\/+$/, '');
    const key = source === '' ? '.' : trimmed === '' ? '/' : trimmed.slice(trimmed.lastIndexOf('/') + 1);
    return { key, path: source };
  }
  if (parts.length === 2 && source.startsWith('=')) throw new KubectlError(`key name for file path ${parts[1]} missing`);
  if (parts.length === 2 && source.endsWith('=')) throw new KubectlError(`file path for key name ${parts[0]} missing`);
  if (parts.length > 2) throw new KubectlError("key names or file paths cannot contain '='");
  return { key: parts[0], path: parts[1] };
}

/** The text of a Go *PathError's Err (syscall.Errno strings are lower case). */
export function goErrno(e: unknown): string {
  if (e instanceof FsError) return e.message.charAt(0).toLowerCase() + e.message.slice(1);
  return e instanceof Error ? e.message : String(e);
}

type Kind = 'file' | 'dir';

/** os.Stat: the entry's type, or the `error reading PATH: …` kubectl prints. */
function statOrFail(inv: Invocation, path: string): { abs: string; type: Kind } {
  const abs = resolvePath(inv.io.cwd, path);
  try {
    return { abs, type: inv.io.fs.stat(abs).type };
  } catch (e) {
    throw new KubectlError(`error reading ${path}: ${goErrno(e)}`);
  }
}

/** handleSecretFromFileSources: files, and the regular files of directories. */
export function addFiles(inv: Invocation, data: SecretData, sources: string[]): void {
  for (const source of sources) {
    const { key, path } = parseFileSource(source);
    const { abs, type } = statOrFail(inv, path);
    if (type === 'dir') {
      if (source.includes('=')) throw new KubectlError('cannot give a key name for a directory path');
      for (const entry of inv.io.fs.readdir(abs)) {
        const child = `${abs === '/' ? '' : abs}/${entry}`;
        if (inv.io.fs.stat(child).type === 'file') addKey(data, entry, inv.io.fs.readFile(child));
      }
    } else {
      addKey(data, key, inv.io.fs.readFile(abs));
    }
  }
}

/** handleSecretFromEnvFileSources + cmdutil.AddFromEnvFile: KEY=VALUE lines, comments and blanks skipped. */
export function addEnvFiles(inv: Invocation, data: SecretData, sources: string[]): void {
  for (const source of sources) {
    const { abs, type } = statOrFail(inv, source);
    if (type === 'dir') throw new KubectlError('env secret file cannot be a directory');
    const text = inv.io.fs.readFile(abs);
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    lines.forEach((raw, i) => {
      let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (i === 0 && line.startsWith('\uFEFF')) line = line.slice(1);
      line = line.replace(/^\s+/, '');
      if (line === '' || line.startsWith('#')) return;
      const eq = line.indexOf('=');
      const key = eq >= 0 ? line.slice(0, eq) : line;
      const errs = envVarNameErrors(key);
      if (errs.length) throw new KubectlError(`${JSON.stringify(key)} is not a valid key name: ${errs.join(';')}`);
      // A bare KEY takes its value from kubectl's environment.
      const value = eq >= 0 ? line.slice(eq + 1) : (inv.io.env[key] ?? '');
      addKey(data, key, value);
    });
  }
}

/** hash.SecretHash: sha256 of the Go-encoded {data, kind, name, type}, first ten hex digits without vowels. */
export function secretHash(name: string, type: string, base64Data: Record<string, string>): string {
  const hex = bytesToHex(sha256(utf8ToBytes(toCompactJson({ data: base64Data, kind: 'Secret', name, type }))));
  const swap: Record<string, string> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };
  return [...hex.slice(0, 10)].map((c) => swap[c] ?? c).join('');
}
