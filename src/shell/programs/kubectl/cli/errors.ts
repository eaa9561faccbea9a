/** kubectl's cmdutil.CheckErr: how every failure becomes stderr text and an exit code. */
import { ApiError, isApiError } from '../../../../cluster/api/errors';

/** A client-side failure; printed with an `error: ` prefix unless it has one. */
export class KubectlError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'KubectlError';
  }
}

/** Several failures collected while visiting resources (utilerrors.Aggregate). */
export class AggregateError extends Error {
  constructor(readonly errors: unknown[]) {
    super(errors.map((e) => messageOf(e)).join(', '));
    this.name = 'AggregateError';
  }
}

/** Exit with a code and print nothing (cmdutil.ErrExit). */
export class SilentExit extends Error {
  constructor(readonly exitCode: number) {
    super('exit');
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** cmdutil.AddSourceToErr: `error when creating "web.yaml": …`, kept as an API error when it is one. */
export function addSourceToErr(verb: string, source: string, err: unknown): unknown {
  if (!source) return err;
  if (isApiError(err)) {
    return new ApiError(err.code, err.reason, `error when ${verb} ${JSON.stringify(source)}: ${err.message}`, err.details);
  }
  return new KubectlError(`error when ${verb} ${JSON.stringify(source)}: ${messageOf(err)}`);
}

/** StandardErrorMessage: the server's errors; undefined for anything else. */
function standardMessage(err: unknown): string | undefined {
  if (!isApiError(err)) return undefined;
  if ((err.reason as string) === 'Unauthorized') return `error: You must be logged in to the server (${err.message})`;
  if (err.reason) return `Error from server (${err.reason}): ${err.message}`;
  return `Error from server: ${err.message}`;
}

function causeLine(field: string | undefined, message: string): string {
  // Causes carry the whole field error; real Status causes split field and message.
  if (field && !message.startsWith(`${field}: `)) return `${field}: ${message}`;
  return message;
}

function invalidMessage(err: ApiError): string {
  const d = err.details;
  let s = 'The request is invalid';
  if (d.kind || d.name) s = `The ${d.kind ?? ''} ${JSON.stringify(d.name ?? '')} is invalid`;
  else if (err.message && !(d.causes && d.causes.length)) s += ': ' + err.message;
  const causes = d.causes ?? [];
  if (causes.length === 0) return s + '\n';
  const lines = [...new Set(causes.map((c) => causeLine(c.field, c.message)))];
  if (lines.length === 1) return `${s}: ${lines[0]}\n`;
  return `${s}: \n${lines.map((l) => `* ${l}\n`).join('')}`;
}

function forAggregateItem(err: unknown): string {
  return standardMessage(err) ?? messageOf(err);
}

/** The text CheckErr prints (always ending in a newline) and the exit code. */
export function renderError(err: unknown): { text: string; code: number } {
  if (err instanceof AggregateError && err.errors.length === 1) err = err.errors[0];
  if (err instanceof SilentExit) return { text: '', code: err.exitCode };
  let text: string;
  let code = 1;
  if (isApiError(err) && err.reason === 'Invalid') {
    text = invalidMessage(err);
  } else if (err instanceof AggregateError) {
    text = err.errors.map((e) => forAggregateItem(e) + '\n').join('');
  } else {
    text = standardMessage(err) ?? messageOf(err);
    if (!isApiError(err) && !text.startsWith('error: ')) text = `error: ${text}`;
    if (err instanceof KubectlError) code = err.exitCode;
  }
  if (!text.endsWith('\n')) text += '\n';
  return { text, code };
}
