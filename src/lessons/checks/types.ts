import type { ClusterClient } from '../../cluster/client/types';
import type { Fields } from '../validate';
import type { CommandRecord } from '../command-log';

/** One declarative assertion of a lesson step, as written in lesson.yaml (after validation). */
export type Check =
  | ResourceExistsCheck
  | ResourceGoneCheck
  | JsonPathCheck
  | PodsInOrderCheck
  | PvcBoundCheck
  | FileContainsCheck
  | DnsResolvesCheck
  | CommandRanCheck
  | OutputContainedCheck;

interface Namespaced {
  /** Defaults to the namespace of the learner's current kubeconfig context. */
  namespace?: string;
}

export interface ResourceExistsCheck extends Namespaced {
  kind: 'resourceExists';
  /** A kind, plural or short name as kubectl accepts it: pod, pods, po, StatefulSet, sts. */
  resource: string;
  name: string;
  /** Passes only once the object was deleted and created again since the step began (a new uid). */
  recreated?: boolean;
}

export interface ResourceGoneCheck extends Namespaced {
  kind: 'resourceGone';
  resource: string;
  name: string;
}

export interface JsonPathCheck extends Namespaced {
  kind: 'jsonPath';
  resource: string;
  /** One object by name, or (with selector or neither) the list of all objects of the resource. */
  name?: string;
  selector?: string;
  /** A kubectl jsonpath template, e.g. '{.status.readyReplicas}'. */
  jsonPath: string;
  equals?: string;
  matches?: string;
  atLeast?: number;
}

export interface PodsInOrderCheck extends Namespaced {
  kind: 'podsInOrder';
  statefulSet: string;
  /** Pods <set>-0 … <set>-(replicas-1) exist, Running and Ready, and no other ordinal exists. */
  replicas: number;
  /** Also require creation times that rise with the ordinal (OrderedReady creation). */
  createdInOrder?: boolean;
}

export interface PvcBoundCheck extends Namespaced {
  kind: 'pvcBound';
  name: string;
  /** Also require the same volume as when the step began (the claim was kept, not recreated). */
  sameVolume?: boolean;
}

export interface FileContainsCheck extends Namespaced {
  kind: 'fileContains';
  pod: string;
  container?: string;
  path: string;
  text: string;
}

export interface DnsResolvesCheck extends Namespaced {
  kind: 'dnsResolves';
  /** The name as a pod would look it up: 'web-0.nginx' or a full name. */
  host: string;
  /** The pod whose current IP the name must resolve to. */
  pod: string;
}

export interface CommandRanCheck {
  kind: 'commandRan';
  /** A regular expression matched against each command line the learner ran. */
  pattern: string;
  /** Which commands count: those since the step began (default) or since the lesson began. */
  since?: 'step' | 'lesson';
}

export interface OutputContainedCheck {
  kind: 'outputContained';
  /** Text the output must contain, or a regular expression it must match (one of the two). */
  text?: string;
  pattern?: string;
  /** Only the output of commands matching this regular expression counts. */
  command?: string;
  since?: 'step' | 'lesson';
}

export interface CheckResult {
  passed: boolean;
  /** A short English explanation of what is missing (or what was found). */
  detail: string;
}

/** Reads a file inside a running pod's container (kubectl exec cat); rejects when it cannot. */
export interface PodFileReader {
  readFile(namespace: string, pod: string, path: string, container?: string): Promise<string>;
}

/** Resolves a name the way a pod in `namespace` would (cluster DNS search path); [] when NXDOMAIN. */
export interface DnsLookup {
  resolve(name: string, namespace: string): Promise<string[]>;
}

/** Capabilities some check kinds need beyond the ClusterClient. */
export interface CheckCapabilities {
  podFiles?: PodFileReader;
  dns?: DnsLookup;
}

export interface CheckContext extends CheckCapabilities {
  client: ClusterClient;
  /** The namespace checks use when they name none. */
  namespace(): string;
  /** Commands the learner ran since the step began, or since the lesson began. */
  commands(since: 'step' | 'lesson'): readonly CommandRecord[];
}

/** One check kind: how to validate it, what to watch, how to evaluate it. */
export interface CheckKind<C extends Check = Check> {
  kind: C['kind'];
  /** Names the capability the kind needs; without it lessons using the kind fail validation. */
  requires?: keyof CheckCapabilities;
  fields: string[];
  parse(fields: Fields): Omit<C, 'kind'>;
  /** Resources whose changes can change the result (watched by the engine). */
  watches(check: C): string[];
  /** Something remembered when the step begins (a uid, a volume name) that evaluate compares against. */
  baseline?(check: C, ctx: CheckContext): Promise<unknown>;
  evaluate(check: C, ctx: CheckContext, baseline: unknown): Promise<CheckResult>;
}
