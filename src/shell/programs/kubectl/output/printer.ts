/** `-o` formats other than tables: yaml, json, name, jsonpath, go-template, custom-columns. */
import type { KubeObject, ResourceInfo } from '../../../../cluster/api/types';
import { KubectlError } from '../cli/errors';
import { TabWriter } from '../printers/tabwriter';
import { kindGroup } from '../resources/mapping';
import { toCompactJson, toJson } from './json';
import { executeGoTemplate, GoTemplateError, parseGoTemplate } from './gotemplate';
import { executeJsonPath, JsonPathError, jsonPathValues, parseJsonPathTemplate } from './jsonpath';
import { toYaml } from './yaml';

export type OutputSpec =
  | { kind: 'table'; wide: boolean }
  | { kind: 'yaml' }
  | { kind: 'json' }
  | { kind: 'name' }
  | { kind: 'jsonpath'; template: string }
  | { kind: 'go-template'; template: string }
  | { kind: 'custom-columns'; columns: Array<{ header: string; path: string }> };

const GET_FORMATS =
  'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';
const WRITE_FORMATS = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

function noMatch(format: string, human: boolean): KubectlError {
  return new KubectlError(
    `unable to match a printer suitable for the output format "${format}", allowed formats are: ${human ? GET_FORMATS : WRITE_FORMATS}`,
  );
}

const GO_TEMPLATE_FORMATS = ['go-template', 'template'];

function goTemplate(template: string): OutputSpec {
  if (!template) throw new KubectlError('template format specified but no template given');
  try {
    parseGoTemplate(template);
  } catch (e) {
    if (e instanceof GoTemplateError) throw new KubectlError(`error parsing template ${template}, ${e.message}`);
    throw e;
  }
  return { kind: 'go-template', template };
}

/**
 * Parses `-o` for get (human formats allowed) or for create/apply/delete.
 * `template` is --template: alone it means go-template, as kubectl keeps for
 * backwards compatibility; with -o go-template or jsonpath it is their template.
 */
export function parseOutput(value: string, human: boolean, template = ''): OutputSpec {
  if (value === '' && template) return goTemplate(template);
  if (template && (GO_TEMPLATE_FORMATS.includes(value) || value === 'jsonpath')) value = `${value}=${template}`;
  if (value === '') return { kind: 'table', wide: false };
  if (value === 'wide' && human) return { kind: 'table', wide: true };
  if (value === 'yaml') return { kind: 'yaml' };
  if (value === 'json') return { kind: 'json' };
  if (value === 'name') return { kind: 'name' };
  const eq = value.indexOf('=');
  const format = eq >= 0 ? value.slice(0, eq) : value;
  const arg = eq >= 0 ? value.slice(eq + 1) : '';
  if (format === 'jsonpath') {
    if (!arg) throw new KubectlError('template format specified but no template given');
    try {
      parseJsonPathTemplate(arg);
    } catch (e) {
      throw new KubectlError(`error parsing jsonpath ${arg}, ${(e as Error).message}`);
    }
    return { kind: 'jsonpath', template: arg };
  }
  if (GO_TEMPLATE_FORMATS.includes(format)) return goTemplate(arg);
  if (format === 'custom-columns' && human) {
    if (!arg) throw new KubectlError('custom-columns format specified but no custom columns given');
    const columns = arg.split(',').map((spec) => {
      const colon = spec.indexOf(':');
      if (colon < 0) throw new KubectlError(`unexpected custom-columns spec: ${spec}, expected <header>:<json-path-expr>`);
      return { header: spec.slice(0, colon), path: spec.slice(colon + 1) };
    });
    return { kind: 'custom-columns', columns };
  }
  throw noMatch(format, human);
}

/** `statefulset.apps/web`. */
export function objectName(obj: KubeObject, info?: ResourceInfo): string {
  if (info) return `${kindGroup(info)}/${obj.metadata.name}`;
  const group = obj.apiVersion.includes('/') ? obj.apiVersion.split('/')[0] : '';
  const kind = obj.kind.toLowerCase();
  return `${group ? `${kind}.${group}` : kind}/${obj.metadata.name}`;
}

export function asList(items: KubeObject[]): Record<string, unknown> {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}

function jsonPath(template: string, value: unknown): string {
  try {
    return executeJsonPath(template, value);
  } catch (e) {
    if (e instanceof JsonPathError) throw new KubectlError(`error executing jsonpath ${JSON.stringify(template)}: ${e.message}`);
    throw e;
  }
}

function goTemplateOutput(template: string, value: unknown): string {
  try {
    return executeGoTemplate(template, value);
  } catch (e) {
    // Go names the failing node (`template: output:L:C: executing "output" at <…>: `); the executor does not
    // track node positions, so this is text/template's form for an error without a node.
    if (e instanceof GoTemplateError) throw new KubectlError(`error executing template ${JSON.stringify(template)}: template: output: ${e.message}`);
    throw e;
  }
}

function customColumnCell(obj: unknown, path: string): string {
  const expr = path.startsWith('{') ? path : `{${path.startsWith('.') ? path : `.${path}`}}`;
  const values = jsonPathValues(expr, obj);
  if (values.length === 0) return '<none>';
  return values.map((v) => (typeof v === 'object' && v !== null ? toCompactJson(v) : String(v))).join(',');
}

export function printCustomColumns(spec: Extract<OutputSpec, { kind: 'custom-columns' }>, items: KubeObject[], noHeaders: boolean): string {
  let out = '';
  const w = new TabWriter((s) => (out += s));
  if (!noHeaders) w.write(spec.columns.map((c) => c.header).join('\t') + '\n');
  for (const item of items) w.write(spec.columns.map((c) => customColumnCell(item, c.path)).join('\t') + '\n');
  w.flush();
  return out;
}

/**
 * Prints one object or a List (generic printers). `single`: print the object
 * itself rather than a List (one named object was asked for).
 */
export function printGeneric(spec: OutputSpec, items: Array<{ obj: KubeObject; info?: ResourceInfo }>, single: boolean): string {
  const objs = items.map((i) => i.obj);
  const value = single && objs.length === 1 ? objs[0] : asList(objs);
  switch (spec.kind) {
    case 'yaml':
      return toYaml(value);
    case 'json':
      return toJson(value);
    case 'name':
      return items.map((i) => objectName(i.obj, i.info) + '\n').join('');
    case 'jsonpath':
      return jsonPath(spec.template, value);
    case 'go-template':
      return goTemplateOutput(spec.template, value);
    case 'custom-columns':
      return printCustomColumns(spec, objs, false);
    default:
      return '';
  }
}
