/**
 * kubectl wait's --for (pkg/cmd/wait/wait.go conditionFuncFor, condition.go,
 * json.go): what to wait for, and whether one object meets it now.
 */
import { KubectlError } from '../cli/errors';
import { jsonPathValues, parseJsonPathTemplate } from '../output/jsonpath';

export type WaitFor =
  | { kind: 'delete' }
  | { kind: 'create' }
  | { kind: 'condition'; name: string; status: string }
  | { kind: 'jsonpath'; expression: string; value?: string };

type Json = Record<string, unknown>;

const JSONPATH_FORMAT = "jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'";

/** Go's %q for the error text. */
const quoted = (s: string) => JSON.stringify(s);

export function parseWaitFor(raw: string): WaitFor {
  const lower = raw.toLowerCase();
  if (lower === 'delete') return { kind: 'delete' };
  if (lower === 'create') return { kind: 'create' };
  if (raw.startsWith('condition=')) {
    const rest = raw.slice('condition='.length);
    const eq = rest.indexOf('=');
    return eq === -1 ? { kind: 'condition', name: rest, status: 'true' } : { kind: 'condition', name: rest.slice(0, eq), status: rest.slice(eq + 1) };
  }
  if (raw.startsWith('jsonpath=')) return parseJsonPathFor(raw.slice('jsonpath='.length));
  throw new KubectlError(`unrecognized condition: ${quoted(raw)}`);
}

/** splitJSONPathInput: split at '=', keeping '==' (a filter's comparison) inside the expression. */
function splitAtEquals(input: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < input.length; i++) {
    if (input[i] === '=') {
      if (input[i + 1] === '=') {
        current += '==';
        i++;
        continue;
      }
      parts.push(current);
      current = '';
      continue;
    }
    current += input[i];
  }
  parts.push(current);
  return parts;
}

/** cmdget.RelaxedJSONPathExpression: `a.b`, `.a.b`, `{a.b}` and `{.a.b}` all mean `{.a.b}`. */
function relaxed(expression: string): string {
  if (expression === '') return expression;
  const m = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/.exec(expression);
  if (!m) throw new KubectlError("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
  return `{.${m[1] ?? m[2]}}`;
}

function parseJsonPathFor(input: string): WaitFor {
  const parts = splitAtEquals(input);
  if (parts.length > 2) throw new KubectlError(JSONPATH_FORMAT);
  const expression = relaxed(parts[0]);
  let value: string | undefined;
  if (parts.length === 2) {
    value = parts[1].replace(/^['"]+|['"]+$/g, '');
    if (value === '') throw new KubectlError("jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3");
  }
  if (expression === '') throw new KubectlError('jsonpath expression cannot be empty');
  parseJsonPathTemplate(expression);
  return { kind: 'jsonpath', expression, value };
}

/** Unicode simple case folding, as Go's strings.EqualFold. */
const equalFold = (a: string, b: string) => a.toLowerCase() === b.toLowerCase() || a.toUpperCase() === b.toUpperCase();

/** ConditionalWait.checkCondition: the named condition has the status, and is not older than the object's generation. */
function conditionMet(obj: Json, name: string, status: string): boolean {
  const conditions = (obj.status as Json | undefined)?.conditions;
  if (!Array.isArray(conditions)) return false;
  for (const c of conditions as Json[]) {
    if (typeof c.type !== 'string' || !equalFold(c.type, name)) continue;
    if (typeof c.status !== 'string') continue;
    const generation = (obj.metadata as Json | undefined)?.generation;
    if (typeof generation === 'number') {
      const observed = typeof c.observedGeneration === 'number' ? c.observedGeneration : (obj.status as Json).observedGeneration;
      if (typeof observed === 'number' && observed < generation) return false;
    }
    return equalFold(c.status, status);
  }
  return false;
}

/** JSONPathWait.checkCondition: one value found, and (when a value was given) equal to it as Go's %v prints it. */
function jsonPathMet(obj: Json, expression: string, value: string | undefined): boolean {
  const found = jsonPathValues(expression, obj).filter((v) => v !== undefined);
  if (found.length === 0) return false;
  if (found.length > 1) throw new KubectlError('given jsonpath expression matches more than one value');
  if (value === undefined) return true;
  const v = found[0];
  if (v !== null && typeof v === 'object') throw new KubectlError('jsonpath leads to a nested object or list which is not supported');
  return String(v ?? '<nil>').trim() === value.trim();
}

/** Whether the object meets a condition or jsonpath wait (throws the check's own errors). */
export function isMet(waitFor: WaitFor, obj: object): boolean {
  const json = obj as Json;
  if (waitFor.kind === 'condition') return conditionMet(json, waitFor.name, waitFor.status);
  if (waitFor.kind === 'jsonpath') return jsonPathMet(json, waitFor.expression, waitFor.value);
  return true;
}
