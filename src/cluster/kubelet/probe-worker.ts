/**
 * One probe of one container, as the kubelet's prober worker runs it
 * (pkg/kubelet/prober/worker.go): a tick every periodSeconds from when the pod
 * was added; nothing before initialDelaySeconds of the container's run; startup
 * gates liveness and readiness; a result counts once it repeats failureThreshold
 * (or successThreshold) times; a failed liveness or startup probe holds the
 * worker until a new container appears. Every failed run is an Unhealthy event.
 */
import type { Obj } from '../controllers/runtime/resources';

export type ProbeType = 'Liveness' | 'Readiness' | 'Startup';
export type ProbeOutcome = 'Success' | 'Failure' | 'Unknown';

export type ProbeRun = { ok: true } | { ok: false; output: string };

/** What the worker reads of its container and how it reports, given by the pod worker. */
export interface ProbeTarget {
  /** The current container's id; undefined before one is created. */
  containerID(): string | undefined;
  /** Simulated ms when the current container started running; undefined when it is not running. */
  runningSince(): number | undefined;
  started(): boolean;
  /** The pod is done (Succeeded/Failed) or the container will not run again: probing stops. */
  finished(): boolean;
  now(): number;
  run(probe: Obj): ProbeRun;
  unhealthy(message: string): void;
  /** The result manager's value changed (the kubelet acts on it). */
  result(type: ProbeType, outcome: ProbeOutcome): void;
  every(ms: number, tick: () => boolean): void;
}

const INITIAL: Record<ProbeType, ProbeOutcome> = { Readiness: 'Failure', Liveness: 'Success', Startup: 'Unknown' };

export class ProbeWorker {
  private containerID: string | undefined;
  private lastResult: ProbeOutcome = 'Unknown';
  private resultRun = 0;
  private onHold = false;
  private stored: ProbeOutcome | undefined;

  constructor(
    readonly type: ProbeType,
    private readonly spec: Obj,
    private readonly target: ProbeTarget,
  ) {}

  /** Probes now, then on every tick while the container may run again. */
  start(): void {
    if (!this.doProbe()) return;
    this.target.every((this.spec.periodSeconds ?? 10) * 1000, () => this.doProbe());
  }

  /** The kubelet's manual trigger (readiness of a started, unready container): one extra run. */
  trigger(): void {
    this.doProbe();
  }

  private set(outcome: ProbeOutcome): void {
    if (this.stored === outcome) return;
    this.stored = outcome;
    this.target.result(this.type, outcome);
  }

  /** One pass of worker.go's doProbe; false ends the worker. */
  doProbe(): boolean {
    const t = this.target;
    if (t.finished()) return false;
    const id = t.containerID();
    if (!id) return true;
    if (id !== this.containerID) {
      this.containerID = id;
      this.stored = undefined;
      this.set(INITIAL[this.type]);
      this.onHold = false;
    }
    if (this.onHold) return true;
    const since = t.runningSince();
    if (since === undefined) {
      this.set('Failure');
      return true;
    }
    if (Math.floor((t.now() - since) / 1000) < (this.spec.initialDelaySeconds ?? 0)) return true;
    if (t.started() ? this.type === 'Startup' : this.type !== 'Startup') return true;
    const run = t.run(this.spec);
    const result: ProbeOutcome = run.ok ? 'Success' : 'Failure';
    if (!run.ok) t.unhealthy(`${this.type} probe failed: ${run.output}`);
    if (this.lastResult === result) this.resultRun++;
    else {
      this.lastResult = result;
      this.resultRun = 1;
    }
    if ((result === 'Failure' && this.resultRun < (this.spec.failureThreshold ?? 3)) || (result === 'Success' && this.resultRun < (this.spec.successThreshold ?? 1))) return true;
    this.set(result);
    if (this.type !== 'Readiness' && result === 'Failure') {
      // Stop probing until a new container: the kubelet kills this one.
      this.onHold = true;
      this.resultRun = 0;
    }
    return true;
  }
}
