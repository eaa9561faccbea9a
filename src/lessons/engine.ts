/**
 * Runs one lesson against a live lab: keeps the current step, re-evaluates
 * its checks after every command and every change of a watched resource,
 * marks steps done and tells listeners (the UI, progress storage).
 */
import type { ResourceType } from '../cluster/api/types';
import type { ClusterClient } from '../cluster/client/types';
import { checkKind } from './checks/index';
import { clusterCapabilities } from './checks/cluster-capabilities';
import type { Check, CheckCapabilities, CheckContext, CheckResult } from './checks/types';
import type { CommandLog } from './command-log';
import { resolveResource } from './resource-types';
import type { Lesson } from './schema';

export interface CheckState extends CheckResult {
  kind: Check['kind'];
}

export interface StepState {
  id: string;
  done: boolean;
  /** How many hints the learner has revealed. */
  hintsShown: number;
  /** Results of the last evaluation ([] until the step was current once). */
  checks: CheckState[];
}

export interface LessonState {
  lessonId: string;
  /** Index of the current step; steps.length once every step is done. */
  current: number;
  complete: boolean;
  steps: StepState[];
}

export type LessonEvent =
  | { type: 'changed'; state: LessonState }
  | { type: 'stepDone'; stepId: string; index: number }
  | { type: 'lessonDone' };

export interface LessonEngineOptions {
  lesson: Lesson;
  client: ClusterClient;
  log: CommandLog;
  /** The namespace checks use when they name none (default: 'default'); see kubeconfigNamespace(). */
  namespace?: () => string;
  /** In-pod file reading and DNS; default: through the client (exec, dns). */
  capabilities?: CheckCapabilities;
  /** Step ids already done (resumed progress) and hints revealed. */
  done?: readonly string[];
  hintsShown?: Readonly<Record<string, number>>;
}

export class LessonEngine {
  private readonly lesson: Lesson;
  private steps: StepState[];
  private current = 0;
  private stepLogStart = 0;
  private baselines: unknown[] = [];
  private listeners = new Set<(event: LessonEvent) => void>();
  private stops: Array<() => void> = [];
  private running: Promise<void> | undefined;
  private dirty = false;
  private lastEmitted = '';
  private stopped = false;
  private readonly ctx: CheckContext;

  constructor(private readonly options: LessonEngineOptions) {
    this.lesson = options.lesson;
    const done = new Set(options.done ?? []);
    this.steps = this.lesson.steps.map((s) => ({ id: s.id, done: done.has(s.id), hintsShown: options.hintsShown?.[s.id] ?? 0, checks: [] }));
    this.current = this.firstUndone(0);
    this.ctx = {
      client: options.client,
      ...(options.capabilities ?? clusterCapabilities(options.client)),
      namespace: options.namespace ?? (() => 'default'),
      commands: (since) => options.log.since(since === 'step' ? this.stepLogStart : 0),
    };
  }

  /** Begins watching and evaluates once; resolves after that first evaluation. */
  async start(): Promise<void> {
    for (const type of this.watchedTypes()) {
      this.stops.push(this.options.client.watch(type, {}, () => this.schedule()));
    }
    this.stops.push(this.options.log.subscribe(() => this.schedule()));
    await this.enter(this.current);
    this.schedule();
    await this.idle();
  }

  stop(): void {
    this.stopped = true;
    for (const stop of this.stops) stop();
    this.stops = [];
  }

  state(): LessonState {
    return {
      lessonId: this.lesson.id,
      current: this.current,
      complete: this.current >= this.steps.length,
      steps: this.steps.map((s) => ({ ...s, checks: s.checks.map((c) => ({ ...c })) })),
    };
  }

  subscribe(listener: (event: LessonEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Reveals the current step's next hint and returns it (undefined when none is left). */
  nextHint(): string | undefined {
    const step = this.lesson.steps[this.current];
    const state = this.steps[this.current];
    if (!step || !state || state.hintsShown >= step.hints.length) return undefined;
    state.hintsShown++;
    this.emitIfChanged();
    return step.hints[state.hintsShown - 1];
  }

  /** Makes a step current (a step URL, "next step"); its checks start from now. */
  async goTo(stepId: string): Promise<void> {
    const index = this.lesson.steps.findIndex((s) => s.id === stepId);
    if (index < 0) throw new Error(`lesson ${this.lesson.id} has no step "${stepId}"`);
    await this.idle();
    await this.enter(index);
    this.schedule();
    await this.idle();
  }

  /** Evaluates the current step now and resolves with the state afterwards. */
  async evaluate(): Promise<LessonState> {
    this.schedule();
    await this.idle();
    return this.state();
  }

  /** Evaluates any step's checks without changing state (the proof uses it before a step's solution). */
  async check(stepIndex: number): Promise<CheckState[]> {
    const step = this.lesson.steps[stepIndex];
    const baselines = stepIndex === this.current ? this.baselines : [];
    return Promise.all(step.checks.map((c, i) => this.run(c, baselines[i])));
  }

  /** Resolves once no evaluation is pending. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    if (this.running) {
      this.dirty = true;
      return;
    }
    this.running = this.loop().finally(() => (this.running = undefined));
  }

  private async loop(): Promise<void> {
    do {
      this.dirty = false;
      await this.evaluateCurrent();
    } while (this.dirty && !this.stopped);
  }

  private async evaluateCurrent(): Promise<void> {
    while (this.current < this.steps.length && !this.stopped) {
      const index = this.current;
      const results = await this.check(index);
      this.steps[index].checks = results;
      if (!results.every((r) => r.passed)) break;
      this.steps[index].done = true;
      this.emit({ type: 'stepDone', stepId: this.steps[index].id, index });
      await this.enter(this.firstUndone(index + 1));
      if (this.current >= this.steps.length) this.emit({ type: 'lessonDone' });
    }
    this.emitIfChanged();
  }

  private emitIfChanged(): void {
    const state = this.state();
    const text = JSON.stringify(state);
    if (text === this.lastEmitted) return;
    this.lastEmitted = text;
    this.emit({ type: 'changed', state });
  }

  private async enter(index: number): Promise<void> {
    this.current = index;
    this.stepLogStart = this.options.log.length;
    const step = this.lesson.steps[index];
    this.baselines = step
      ? await Promise.all(step.checks.map((c) => checkKind(c).baseline?.(c, this.ctx).catch(() => undefined)))
      : [];
  }

  private firstUndone(from: number): number {
    let i = from;
    while (i < this.steps.length && this.steps[i].done) i++;
    return i;
  }

  private async run(check: Check, baseline: unknown): Promise<CheckState> {
    try {
      return { kind: check.kind, ...(await checkKind(check).evaluate(check, this.ctx, baseline)) };
    } catch (e) {
      return { kind: check.kind, passed: false, detail: (e as Error).message };
    }
  }

  private watchedTypes(): ResourceType[] {
    const names = new Set(this.lesson.steps.flatMap((s) => s.checks.flatMap((c) => checkKind(c).watches(c))));
    const types = new Map<string, ResourceType>();
    for (const name of names) {
      try {
        const { type } = resolveResource(this.options.client, name);
        types.set(`${type.group}/${type.resource}`, type);
      } catch {
        // An unknown resource simply fails its check; nothing to watch.
      }
    }
    return [...types.values()];
  }

  private emit(event: LessonEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
