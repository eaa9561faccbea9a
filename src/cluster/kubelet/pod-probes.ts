/**
 * A pod's probe workers and what the kubelet does with their results
 * (prober_manager.go, and computePodActions for liveness/startup): readiness
 * sets the container's ready flag; startup sets started, which opens liveness
 * and readiness; a failed liveness or startup probe has the container killed.
 */
import type { Clock } from '../clock';
import type { KubeObject } from '../api/types';
import type { Obj } from '../controllers/runtime/resources';
import type { ImageFamily } from '../images/catalogue';
import type { ContainerRuntime } from '../containers/runtime';
import type { ContainerView } from './pod-status';
import { runProbe } from './probes';
import { ProbeWorker, type ProbeOutcome, type ProbeType } from './probe-worker';

/** What the prober sees of a container run (the pod worker's Run). */
export interface ProbedRun {
  spec: Obj;
  isInit: boolean;
  view: ContainerView;
  family?: ImageFamily;
  /** Simulated ms the current container started running. */
  startedMs?: number;
}

export interface PodProbesHost {
  clock: Clock;
  runtime?: ContainerRuntime;
  pod(): KubeObject;
  podIP(): string;
  runs(): ProbedRun[];
  /** Pod phase Succeeded or Failed. */
  terminal(): boolean;
  every(ms: number, tick: () => boolean): void;
  unhealthy(run: ProbedRun, message: string): void;
  changed(): void;
  kill(run: ProbedRun, probe: 'liveness' | 'startup'): void;
}

const FIELD: Record<ProbeType, string> = { Liveness: 'livenessProbe', Readiness: 'readinessProbe', Startup: 'startupProbe' };

export class PodProbes {
  private readonly workers = new Map<string, ProbeWorker[]>();

  constructor(private readonly host: PodProbesHost) {}

  /** One worker per probe of each app container, ticking from now (the pod's admission). */
  start(): void {
    const containers: Obj[] = (this.host.pod().spec as Obj)?.containers ?? [];
    for (const c of containers) {
      const list: ProbeWorker[] = [];
      for (const type of ['Startup', 'Liveness', 'Readiness'] as ProbeType[]) {
        const spec = c[FIELD[type]];
        if (spec) list.push(new ProbeWorker(type, spec, this.target(c.name)));
      }
      this.workers.set(c.name, list);
    }
    for (const list of this.workers.values()) for (const w of list) w.start();
  }

  /** A container began running: started at once without a startup probe; ready at once without a readiness probe. */
  containerStarted(run: ProbedRun): void {
    if (run.isInit) return;
    run.view.started = !run.spec.startupProbe;
    run.view.ready = run.view.started && !run.spec.readinessProbe;
    if (run.view.started) this.triggerReadiness(run.spec.name);
  }

  private triggerReadiness(name: string): void {
    this.workers.get(name)?.find((w) => w.type === 'Readiness')?.trigger();
  }

  private find(name: string): ProbedRun | undefined {
    return this.host.runs().find((r) => !r.isInit && r.spec.name === name);
  }

  private target(name: string) {
    const host = this.host;
    const running = (): ProbedRun | undefined => {
      const r = this.find(name);
      return r && 'running' in r.view.state ? r : undefined;
    };
    return {
      containerID: () => this.find(name)?.view.containerID,
      runningSince: () => running()?.startedMs,
      started: () => !!running()?.view.started,
      finished: () => {
        const r = this.find(name);
        const neverAgain = !!r && 'terminated' in r.view.state && (host.pod().spec as Obj)?.restartPolicy === 'Never';
        return host.terminal() || neverAgain;
      },
      now: () => host.clock.now(),
      run: (probe: Obj) => {
        const r = this.find(name)!;
        const instance = host.runtime?.get(host.pod().metadata.uid!, name);
        return runProbe(probe, r.spec, r.family, host.podIP(), instance, host.clock.now());
      },
      unhealthy: (message: string) => host.unhealthy(this.find(name)!, message),
      result: (t: ProbeType, outcome: ProbeOutcome) => this.onResult(name, t, outcome),
      every: (ms: number, tick: () => boolean) => host.every(ms, tick),
    };
  }

  private onResult(name: string, type: ProbeType, outcome: ProbeOutcome): void {
    const run = this.find(name);
    if (!run || !('running' in run.view.state)) return;
    if (type === 'Readiness') {
      const ready = outcome === 'Success' && run.view.started;
      if (run.view.ready !== ready) {
        run.view.ready = ready;
        this.host.changed();
      }
    } else if (type === 'Startup') {
      if (outcome === 'Success' && !run.view.started) {
        run.view.started = true;
        run.view.ready = !run.spec.readinessProbe;
        this.host.changed();
        this.triggerReadiness(name);
      } else if (outcome === 'Failure') this.host.kill(run, 'startup');
    } else if (outcome === 'Failure') this.host.kill(run, 'liveness');
  }
}
