/**
 * The workstation's kubeconfig: kubeadm's admin.conf shape, read from
 * $HOME/.kube/config (or $KUBECONFIG / --kubeconfig) so every terminal shares
 * it, and written back when `kubectl config` changes it.
 */
import { parseDocument } from 'yaml';
import type { FileSystem } from '../../fs-types';
import { dirname, resolvePath } from '../../path';
import { toYaml } from './output/yaml';

export { DEFAULT_KUBECONFIG } from './default-kubeconfig';
import { DEFAULT_KUBECONFIG } from './default-kubeconfig';

export interface NamedCluster {
  name: string;
  cluster: { server?: string; [k: string]: unknown };
}
export interface NamedContext {
  name: string;
  context: { cluster?: string; user?: string; namespace?: string; [k: string]: unknown };
}
export interface NamedUser {
  name: string;
  user: Record<string, unknown>;
}

export interface Kubeconfig {
  apiVersion?: string;
  kind?: string;
  preferences?: Record<string, unknown>;
  clusters: NamedCluster[];
  contexts: NamedContext[];
  users: NamedUser[];
  'current-context'?: string;
  [k: string]: unknown;
}

// Every kubectl run reads the same file: parsing YAML was a fixed cost of each command.
const parsed = new Map<string, Kubeconfig>();
const PARSED_LIMIT = 8;

/** A fresh object each call (kubectl config changes what it gets), parsed once per distinct text. */
export function parseKubeconfig(text: string): Kubeconfig {
  let config = parsed.get(text);
  if (!config) {
    const raw = (parseDocument(text).toJS() ?? {}) as Partial<Kubeconfig>;
    config = { ...raw, clusters: raw.clusters ?? [], contexts: raw.contexts ?? [], users: raw.users ?? [] } as Kubeconfig;
    if (parsed.size >= PARSED_LIMIT) parsed.clear();
    parsed.set(text, config);
  }
  return structuredClone(config);
}

/** As clientcmd writes it: keys sorted, empty sections as `null`, like kubectl's own files. */
export function serializeKubeconfig(config: Kubeconfig): string {
  const out: Record<string, unknown> = {
    apiVersion: config.apiVersion ?? 'v1',
    clusters: config.clusters.length ? config.clusters : null,
    contexts: config.contexts.length ? config.contexts : null,
    'current-context': config['current-context'] ?? '',
    kind: config.kind ?? 'Config',
    preferences: config.preferences ?? {},
    users: config.users.length ? config.users : null,
  };
  return toYaml(out);
}

/** Where this kubectl reads and writes its configuration. */
export function kubeconfigPath(env: Record<string, string>, cwd: string, flag: string | undefined): string {
  if (flag) return resolvePath(cwd, flag);
  const fromEnv = (env.KUBECONFIG ?? '').split(':').find((p) => p !== '');
  if (fromEnv) return resolvePath(cwd, fromEnv);
  return resolvePath('/', `${env.HOME || '/root'}/.kube/config`);
}

/** Reads the kubeconfig; a missing file reads as the default admin config. */
export function readKubeconfig(fs: FileSystem, path: string): Kubeconfig {
  if (!fs.exists(path)) return parseKubeconfig(DEFAULT_KUBECONFIG);
  return parseKubeconfig(fs.readFile(path));
}

export function writeKubeconfig(fs: FileSystem, path: string, config: Kubeconfig): void {
  const dir = dirname(path);
  if (!fs.exists(dir)) fs.mkdir(dir, { recursive: true });
  fs.writeFile(path, serializeKubeconfig(config));
}

export function findContext(config: Kubeconfig, name: string | undefined): NamedContext | undefined {
  return name ? config.contexts.find((c) => c.name === name) : undefined;
}

/** The namespace a command runs in when no -n is given. */
export function contextNamespace(config: Kubeconfig, contextName?: string): string {
  const ctx = findContext(config, contextName || config['current-context']);
  return ctx?.context.namespace || 'default';
}
