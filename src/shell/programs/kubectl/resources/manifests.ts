/**
 * `-f FILE|DIR|URL|-` as cli-runtime's builder reads it: paths checked up front
 * (a missing one aborts before anything is sent), then every document of every
 * source visited in order, with errors collected so the other documents still go.
 */
import type { KubeObject, ResourceInfo } from '../../../../cluster/api/types';
import { resolvePath } from '../../../path';
import { KubectlError } from '../cli/errors';
import type { Invocation } from '../context';
import { infoForKind } from './mapping';
import { decodeDocument, splitDocuments, YamlSyntaxError } from './yaml-decode';

export interface ManifestItem {
  /** As kubectl names it in messages: the path as typed, `dir/file.yaml`, the URL, or STDIN. */
  source: string;
  object: KubeObject;
  info: ResourceInfo;
}

interface Source {
  name: string;
  read: () => Promise<string>;
}

const EXTENSIONS = ['.json', '.yaml', '.yml'];
const isUrl = (s: string) => /^https?:\/\//.test(s);

function expandPath(inv: Invocation, typed: string, recursive: boolean): Source[] {
  const fs = inv.io.fs;
  const abs = resolvePath(inv.io.cwd, typed);
  if (!fs.exists(abs)) throw new KubectlError(`the path "${typed}" does not exist`);
  if (fs.stat(abs).type === 'file') return [{ name: typed, read: async () => fs.readFile(abs) }];
  const out: Source[] = [];
  const walk = (dirAbs: string, dirTyped: string, top: boolean) => {
    for (const entry of fs.readdir(dirAbs)) {
      const childAbs = `${dirAbs === '/' ? '' : dirAbs}/${entry}`;
      const childTyped = `${dirTyped.replace(/\/$/, '')}/${entry}`;
      if (fs.stat(childAbs).type === 'dir') {
        if (recursive) walk(childAbs, childTyped, false);
        continue;
      }
      if (EXTENSIONS.some((e) => entry.endsWith(e))) out.push({ name: childTyped, read: async () => fs.readFile(childAbs) });
    }
    void top;
  };
  walk(abs, typed, true);
  if (out.length === 0) {
    throw new KubectlError(`error reading [${typed}]: recognized file extensions are [${EXTENSIONS.join(' ')}]`);
  }
  return out;
}

function sourcesFor(inv: Invocation, filenames: string[], recursive: boolean): Source[] {
  const sources: Source[] = [];
  for (const f of filenames) {
    if (f === '-') sources.push({ name: 'STDIN', read: () => inv.io.stdin.readAll() });
    else if (isUrl(f)) sources.push({ name: f, read: () => inv.io.ctx.fetchUrl(f) });
    else sources.push(...expandPath(inv, f, recursive));
  }
  return sources;
}

function mappingError(obj: KubeObject, source: string): KubectlError {
  const name = obj.metadata?.name ?? '';
  const ns = obj.metadata?.namespace ?? '';
  return new KubectlError(
    `resource mapping not found for name: ${JSON.stringify(name)} namespace: ${JSON.stringify(ns)} from ${JSON.stringify(source)}: ` +
      `no matches for kind ${JSON.stringify(obj.kind)} in version ${JSON.stringify(obj.apiVersion)}\nensure CRDs are installed first`,
  );
}

function toItems(value: unknown, source: string, discovery: ResourceInfo[], errors: unknown[]): ManifestItem[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    errors.push(new KubectlError(`error validating ${JSON.stringify(source)}: error validating data: invalid object to validate`));
    return [];
  }
  const obj = value as KubeObject;
  if (!obj.kind || !obj.apiVersion) {
    const missing = [!obj.apiVersion ? 'apiVersion not set' : '', !obj.kind ? 'kind not set' : ''].filter(Boolean);
    errors.push(
      new KubectlError(
        `error validating ${JSON.stringify(source)}: error validating data: [${missing.join(', ')}]; if you choose to ignore these errors, turn validation off with --validate=false`,
      ),
    );
    return [];
  }
  if (obj.kind.endsWith('List') && Array.isArray(obj.items)) {
    return (obj.items as unknown[]).flatMap((item) => toItems(item, source, discovery, errors));
  }
  obj.metadata = obj.metadata ?? {};
  const info = infoForKind(discovery, obj.apiVersion, obj.kind);
  if (!info) {
    errors.push(mappingError(obj, source));
    return [];
  }
  return [{ source, object: obj, info }];
}

/**
 * Visits every object in the sources; `fn` failures and decoding failures are
 * collected and returned (ContinueOnError). Throws only for up-front path errors.
 */
export async function visitManifests(
  inv: Invocation,
  filenames: string[],
  recursive: boolean,
  fn: (item: ManifestItem) => Promise<void>,
): Promise<unknown[]> {
  const sources = sourcesFor(inv, filenames, recursive);
  const errors: unknown[] = [];
  const discovery = inv.discovery();
  for (const source of sources) {
    let text: string;
    try {
      text = await source.read();
    } catch (e) {
      errors.push(new KubectlError(e instanceof Error ? e.message : String(e)));
      continue;
    }
    for (const doc of splitDocuments(text)) {
      let value: unknown;
      try {
        value = decodeDocument(doc);
      } catch (e) {
        if (!(e instanceof YamlSyntaxError)) throw e;
        errors.push(new KubectlError(`error parsing ${source.name}: ${e.message}`));
        break;
      }
      if (value === null) continue;
      for (const item of toItems(value, source.name, discovery, errors)) {
        try {
          await fn(item);
        } catch (e) {
          errors.push(e);
        }
      }
    }
  }
  return errors;
}

/** Sets or checks the namespace of a manifest object against the command's namespace. */
export function applyNamespace(inv: Invocation, item: ManifestItem): void {
  const meta = item.object.metadata;
  if (!item.info.namespaced) {
    delete meta.namespace;
    return;
  }
  if (meta.namespace && inv.namespaceExplicit && meta.namespace !== inv.namespace) {
    throw new KubectlError(
      `the namespace from the provided object "${meta.namespace}" does not match the namespace "${inv.namespace}". You must pass '--namespace=${meta.namespace}' to perform this operation.`,
    );
  }
  if (!meta.namespace) meta.namespace = inv.namespace;
}
