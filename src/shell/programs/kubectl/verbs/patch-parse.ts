/**
 * sigs.k8s.io/yaml ToJSON as `kubectl patch` uses it on -p: JSON passes
 * through, YAML is converted, and a syntax error carries go-yaml (v2) words.
 * The flow-style (JSON-looking) mistakes people make in -p get their exact
 * go-yaml texts; block-style mistakes reuse the manifest decoder's.
 */
import { parseDocument, type YAMLError } from 'yaml';
import { decodeDocument, YamlSyntaxError } from '../resources/yaml-decode';

export class PatchSyntaxError extends Error {}

/** go-yaml's mark for the stream end: after the last line (a newline is forced). */
function endLine(text: string): number {
  const lines = text.split('\n');
  return text.endsWith('\n') ? lines.length - 1 : lines.length;
}

/** go-yaml (v2) parser.fail(): `line N: ` from the 0-based problem line, omitted when 0. */
function at(line: number): string {
  return line !== 0 ? `line ${line}: ` : '';
}

function zeroBasedLine(text: string, e: YAMLError): number {
  const offset = e.pos?.[0] ?? 0;
  return text.slice(0, offset).split('\n').length - 1;
}

function flowMessage(text: string, e: YAMLError): string | undefined {
  const m = e.message;
  if (/^Missing closing ["']quote/.test(m)) return `yaml: line ${endLine(text)}: found unexpected end of stream`;
  if (m.startsWith('Flow map must end with a }')) return `yaml: ${at(endLine(text))}did not find expected ',' or '}'`;
  if (m.startsWith('Flow sequence must end with a ]') || m.startsWith('Flow sequence in block collection')) {
    return `yaml: ${at(endLine(text))}did not find expected ',' or ']'`;
  }
  if (m.startsWith('Missing , or : between flow map items')) return `yaml: ${at(zeroBasedLine(text, e))}did not find expected ',' or '}'`;
  if (m.startsWith('Missing , between flow sequence items')) return `yaml: ${at(zeroBasedLine(text, e))}did not find expected ',' or ']'`;
  if (e.code === 'UNEXPECTED_TOKEN') return `yaml: ${at(zeroBasedLine(text, e))}did not find expected <document start>`;
  return undefined;
}

/** The patch as a JSON value; throws PatchSyntaxError with go-yaml's `yaml: …` text. */
export function patchToJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    /* not JSON: YAML, which JSON is a subset of */
  }
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length === 0) return doc.toJS({ maxAliasCount: -1 }) ?? null;
  const flow = flowMessage(text, doc.errors[0]);
  if (flow) throw new PatchSyntaxError(flow);
  try {
    return decodeDocument(text);
  } catch (e) {
    if (!(e instanceof YamlSyntaxError)) throw e;
    throw new PatchSyntaxError(e.message.replace(/^error converting YAML to JSON: /, ''));
  }
}
