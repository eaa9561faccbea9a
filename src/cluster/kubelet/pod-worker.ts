/**
 * One pod's life on a node, as the kubelet's pod worker drives it. Stages
 * (condition → delay → status change + event):
 *   bound, claims Bound        → 0s      → configMap/secret volumes set up (see pod-volumes.ts): a failure
 *                                          keeps the pod ContainerCreating without an IP, FailedMount events,
 *                                          retries 0.5s, 1s … 2m2s
 *   volumes set up             → 0s      → ContainerCreating, pod IP, startTime
 *   sandbox ready              → ~0.5s   → each container in turn: Pulling … Pulled (pull time
 *                                          from image size) or "already present", Created, Started
 *   container started          → 0s      → Running; Ready at once, or after its startup and readiness probes pass
 *   probes (see pod-probes.ts) → every periodSeconds; a failed liveness/startup probe → Killing, stopped
 *                                          within its grace period (137 if it ignores SIGTERM), restarted as a crash is
 *   env source missing         → 0s      → CreateContainerConfigError; retry after 10–15s
 *   pull failed                → ~1s     → ErrImagePull, then ImagePullBackOff; retry after 10s, 20s … 300s
 *   running, every 60s         → pod sync: configMap/secret volumes get their objects' updates
 *   process exited             → 0s      → Completed/Error; restart at once, then CrashLoopBackOff 10s … 300s
 *   deletion (graceful)        → ~0.5s or the grace period (a process that ignores SIGTERM)
 *                                         → containers terminated, not ready; sandbox gone; final delete
 */
import type { Clock, TimerId } from '../clock';
import { toRFC3339 } from '../clock';
import type { ClusterClient } from '../client/types';
import { recordEvent, type EventType } from '../api/events';
import type { KubeObject } from '../api/types';
import type { SeededRandom } from '../random';
import { planProcess, type ProcessPlan } from '../images/process';
import { familyFor } from '../images/catalogue';
import { parseImage } from '../images/reference';
import type { ImageFamily } from '../images/catalogue';
import { PODS, PVCS, podClaimNames, type Obj } from '../controllers/runtime/resources';
import { deepClone } from '../api/object-utils';
import { backOffMs, type NodeImages } from './images';
import { buildPodStatus, freshContainer, type ContainerView, type PodView } from './pod-status';
import { PodProbes } from './pod-probes';
import { runSteps } from './process-steps';
import { isSucceeded, podPhase } from './pod-phase';
import type { ContainerRuntime } from '../containers/runtime';
import { PodVolumes } from './pod-volumes';
import { CONFIG_ERROR_JITTER_MS, CONFIG_ERROR_RETRY_MS, envConfigError, usesEnvSources } from './env-check';

export interface KubeletHost {
  client: ClusterClient;
  clock: Clock;
  random: SeededRandom;
  nodeName: string;
  nodeIP: string;
  images: NodeImages;
  allocateIP(): string;
  releaseIP(ip: string): void;
  /** Where containers' files and processes live (exec, logs, the pod network). */
  runtime?: ContainerRuntime;
}

interface Run {
  spec: Obj;
  isInit: boolean;
  view: ContainerView;
  family?: ImageFamily;
  plan?: ProcessPlan;
  pullFailures: number;
  crashes: number;
  /** Simulated ms the current container started running. */
  startedMs?: number;
}

export class PodWorker {
  private view: PodView | undefined;
  private runs: Run[] = [];
  private timers = new Set<TimerId>();
  private writes: Promise<unknown> = Promise.resolve();
  private events: Promise<unknown> = Promise.resolve();
  private stopped = false;
  private terminating = false;
  private ownsIP = false;
  private waitingShown = false;
  private readonly volumes: PodVolumes;
  private readonly probes: PodProbes;

  constructor(
    private readonly host: KubeletHost,
    private pod: KubeObject,
  ) {
    this.volumes = new PodVolumes({
      client: host.client,
      runtime: host.runtime,
      pod: () => this.pod,
      after: (ms, fn) => this.after(ms, fn),
      event: (type, reason, message) => this.event(type, reason, message),
    });
    this.probes = new PodProbes({
      clock: host.clock,
      runtime: host.runtime,
      pod: () => this.pod,
      podIP: () => this.view?.podIP ?? '',
      runs: () => this.runs,
      terminal: () => !!this.view && ['Succeeded', 'Failed'].includes(this.phase()),
      every: (ms, tick) => this.every(ms, tick),
      unhealthy: (run, message) => this.event('Warning', 'Unhealthy', message, run as Run),
      changed: () => this.flush(),
      kill: (run, probe) => this.kill(run as Run, probe),
    });
  }

  observe(pod: KubeObject): void {
    this.pod = pod;
  }

  start(): void {
    this.after(0, () => this.prepare());
    this.probes.start();
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers) this.host.clock.clearTimer(t);
    this.timers.clear();
    if (this.ownsIP && this.view?.podIP) this.host.releaseIP(this.view.podIP);
    this.ownsIP = false;
  }

  /** Takes over a pod this kubelet did not start (it was running already): its view comes from its status. */
  adopt(): void {
    const status = (this.pod.status ?? {}) as Obj;
    const statuses: Obj[] = status.containerStatuses ?? [];
    if (!statuses.length) return;
    this.runs = (this.spec.containers ?? []).map((c: Obj) => {
      const s = statuses.find((x) => x.name === c.name) ?? freshContainer(c, 'ContainerCreating');
      const view: ContainerView = { ...s, lastState: s.lastState ?? {} };
      const startedMs = 'running' in view.state ? Date.parse(view.state.running.startedAt) : undefined;
      return { spec: c, isInit: false, view, plan: { kind: 'runs', stopsOnSigterm: true }, pullFailures: 0, crashes: 0, startedMs } as Run;
    });
    this.view = {
      phase: status.phase ?? 'Running',
      hostIP: status.hostIP ?? this.host.nodeIP,
      podIP: status.podIP,
      sandboxReady: true,
      startTime: status.startTime ?? this.now(),
      init: [],
      containers: this.runs.map((r) => r.view),
    };
    this.probes.start();
  }

  /** A restored lab: takes the pod over from its status and gives its running containers their file systems back. */
  resume(): void {
    this.adopt();
    for (const run of this.runs) {
      const family = familyFor(parseImage(run.spec.image).name);
      if (!('running' in (run.view.state ?? {})) || !family) continue;
      run.family = family;
      run.plan = planProcess(family, run.spec);
      if (run.view.imageID) this.host.images.remember(run.spec.image, family, run.view.imageID);
      this.host.runtime?.start(this.pod, run.spec, family, this.view?.podIP ?? '');
    }
    if (this.runs.some((r) => 'running' in r.view.state)) this.volumes.startSync();
  }

  private get spec(): Obj {
    return this.pod.spec as Obj;
  }

  private after(ms: number, fn: () => void | Promise<void>): void {
    if (this.stopped) return;
    const id = this.host.clock.setTimer(ms, () => {
      this.timers.delete(id);
      if (!this.stopped) void fn();
    });
    this.timers.add(id);
  }

  /** Runs tick every ms until it returns false (or the worker stops). */
  private every(ms: number, tick: () => boolean): void {
    this.after(ms, () => {
      if (tick()) this.every(ms, tick);
    });
  }

  private now(): string {
    return toRFC3339(this.host.clock.now());
  }

  private event(type: EventType, reason: string, message: string, run?: Run): void {
    const pod = this.pod;
    const fieldPath = run ? `spec.${run.isInit ? 'initContainers' : 'containers'}{${run.spec.name}}` : undefined;
    const { client, clock, nodeName } = this.host;
    this.events = this.events.then(() => recordEvent(client, clock, pod, type, reason, message, { component: 'kubelet', host: nodeName }, fieldPath));
  }

  /** Writes the current view as the pod's status (writes are serialized, each from the latest pod). */
  private flush(): void {
    const view = this.view;
    if (!view) return;
    view.phase = this.phase();
    const snapshot = deepClone(view);
    const now = this.now();
    const { client } = this.host;
    this.writes = this.writes.then(async () => {
      if (this.stopped && !this.terminating) return;
      try {
        const current = await client.get(PODS, this.pod.metadata.namespace, this.pod.metadata.name!);
        if (current.metadata.uid !== this.pod.metadata.uid) return;
        await client.updateStatus(PODS, { ...current, status: buildPodStatus(current, snapshot, now) });
      } catch {
        /* the pod is gone: nothing to report */
      }
    });
  }

  private async prepare(): Promise<void> {
    if (this.terminating) return;
    for (const claim of podClaimNames(this.pod)) {
      const pvc = await this.host.client.get(PVCS, this.pod.metadata.namespace, claim).catch(() => undefined);
      if ((pvc?.status as Obj)?.phase !== 'Bound') {
        this.after(2000, () => this.prepare());
        return;
      }
    }
    if (!this.view) this.view = this.initialView();
    if (this.volumes.projected && !(await this.volumes.setUp(() => this.prepare()))) {
      if (this.stopped || this.terminating) return;
      // The sandbox waits for the volumes: Pending, ContainerCreating, no pod IP yet (written once).
      if (!this.waitingShown) this.flush();
      this.waitingShown = true;
      return;
    }
    const hostNetwork = !!this.spec.hostNetwork;
    this.view.podIP = hostNetwork ? this.host.nodeIP : this.host.allocateIP();
    this.view.sandboxReady = true;
    this.ownsIP = !hostNetwork;
    this.flush();
    this.after(300 + this.host.random.int(400), () => this.nextStage());
    this.volumes.startSync();
  }

  /** Every container waiting to be created, before the sandbox has an IP. */
  private initialView(): PodView {
    const init: Obj[] = this.spec.initContainers ?? [];
    const apps: Obj[] = this.spec.containers ?? [];
    this.runs = [
      ...init.map((c) => ({ spec: c, isInit: true, view: freshContainer(c, 'PodInitializing'), pullFailures: 0, crashes: 0 })),
      ...apps.map((c) => ({ spec: c, isInit: false, view: freshContainer(c, init.length ? 'PodInitializing' : 'ContainerCreating'), pullFailures: 0, crashes: 0 })),
    ];
    return {
      phase: 'Pending',
      hostIP: this.host.nodeIP,
      sandboxReady: false,
      startTime: this.now(),
      init: this.runs.filter((r) => r.isInit).map((r) => r.view),
      containers: this.runs.filter((r) => !r.isInit).map((r) => r.view),
    };
  }

  /** Runs the first unfinished init container, or starts the app containers one after another. */
  private nextStage(): void {
    const pendingInit = this.runs.find((r) => r.isInit && !isSucceeded(r.view));
    if (pendingInit) {
      for (const r of this.runs) if (!r.isInit && r.view.restartCount === 0 && 'waiting' in r.view.state) r.view.state = { waiting: { reason: 'PodInitializing' } };
      this.startContainer(pendingInit, () => undefined);
      return;
    }
    const apps = this.runs.filter((r) => !r.isInit);
    for (const r of apps) if ('waiting' in r.view.state && r.view.state.waiting.reason === 'PodInitializing') r.view.state = { waiting: { reason: 'ContainerCreating' } };
    const chain = (i: number): void => {
      if (i < apps.length) this.startContainer(apps[i], () => chain(i + 1));
    };
    chain(0);
  }

  private startContainer(run: Run, next: () => void): void {
    const pull = this.host.images.plan(run.spec.image, run.spec.imagePullPolicy);
    if (pull.pulling) this.event('Normal', 'Pulling', `Pulling image "${run.spec.image}"`, run);
    this.after(pull.durationMs, async () => {
      const outcome = pull.finish();
      for (const [type, reason, message] of outcome.events) this.event(type, reason, message, run);
      if (outcome.ok && usesEnvSources(run.spec)) {
        const configError = await envConfigError(this.host.client, this.pod, run.spec);
        if (this.stopped || this.terminating) return;
        if (configError) return this.configError(run, configError, next);
      }
      if (!outcome.ok) {
        run.pullFailures++;
        run.view.state = { waiting: { reason: outcome.reason, message: outcome.message } };
        this.flush();
        if (!run.isInit) next();
        this.after(1000, () => {
          run.view.state = { waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${run.spec.image}": ${outcome.reason}: ${outcome.message}` } };
          this.event('Normal', 'BackOff', `Back-off pulling image "${run.spec.image}"`, run);
          this.event('Warning', 'Failed', 'Error: ImagePullBackOff', run);
          this.flush();
          this.after(backOffMs(run.pullFailures), () => this.startContainer(run, () => undefined));
        });
        return;
      }
      run.pullFailures = 0;
      run.family = outcome.family;
      run.view.imageID = outcome.imageID;
      run.view.containerID = `containerd://${this.host.random.hex(64)}`;
      this.event('Normal', 'Created', `Created container: ${run.spec.name}`, run);
      this.event('Normal', 'Started', `Started container ${run.spec.name}`, run);
      run.view.state = { running: { startedAt: this.now() } };
      run.startedMs = this.host.clock.now();
      run.view.started = true;
      run.view.ready = false;
      run.plan = planProcess(outcome.family, run.spec);
      const instance = this.host.runtime?.start(this.pod, run.spec, outcome.family, this.view?.podIP ?? '');
      const id = run.view.containerID;
      const current = (): boolean => run.view.containerID === id && 'running' in run.view.state;
      if (instance && run.plan.steps) runSteps(run.plan.steps, instance, (ms, fn) => this.after(ms, fn), current);
      this.probes.containerStarted(run);
      // A process that exits within the kubelet's 1s relist is never seen running.
      if (run.plan.kind !== 'exits' || run.plan.afterMs >= 1000) this.flush();
      if (run.plan.kind === 'exits') {
        const code = run.plan.exitCode;
        this.after(run.plan.afterMs, () => {
          if (current()) this.exited(run, code);
        });
      }
      next();
    });
  }

  /** generateContainerConfig failed: the container is not created; the pod worker syncs again after its backoff. */
  private configError(run: Run, message: string, next: () => void): void {
    run.view.state = { waiting: { reason: 'CreateContainerConfigError', message } };
    this.event('Warning', 'Failed', `Error: ${message}`, run);
    this.flush();
    if (!run.isInit) next();
    this.after(CONFIG_ERROR_RETRY_MS + this.host.random.int(CONFIG_ERROR_JITTER_MS), () => this.startContainer(run, () => undefined));
  }

  /** The container's process is gone: terminated (Completed on 0, else Error), not ready, its runtime instance stopped. */
  private markTerminated(run: Run, exitCode: number, signal?: 'SIGTERM' | 'SIGKILL'): void {
    const startedAt = 'running' in run.view.state ? run.view.state.running.startedAt : undefined;
    run.view.state = {
      terminated: { containerID: run.view.containerID, exitCode, finishedAt: this.now(), reason: exitCode === 0 ? 'Completed' : 'Error', ...(startedAt ? { startedAt } : {}) },
    };
    run.view.ready = false;
    run.view.started = false;
    this.host.runtime?.stopped(this.pod.metadata.uid!, run.spec.name, signal);
  }

  private exited(run: Run, exitCode: number): void {
    this.markTerminated(run, exitCode);
    const policy = this.spec.restartPolicy ?? 'Always';
    const restart = policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0);
    if (run.isInit && exitCode === 0) {
      this.flush();
      this.after(100, () => this.nextStage());
      return;
    }
    this.flush();
    if (restart) this.restart(run, 1000);
  }

  /** A failed liveness or startup probe (computePodActions): Killing, stop within the grace period, restart unless Never. */
  private kill(run: Run, probe: 'liveness' | 'startup'): void {
    const restart = (this.spec.restartPolicy ?? 'Always') !== 'Never';
    this.event('Normal', 'Killing', `Container ${run.spec.name} failed ${probe} probe${restart ? ', will be restarted' : ''}`, run);
    const probeGrace = (probe === 'liveness' ? run.spec.livenessProbe : run.spec.startupProbe)?.terminationGracePeriodSeconds;
    const grace = Math.max(2, this.pod.metadata.deletionGracePeriodSeconds ?? probeGrace ?? this.spec.terminationGracePeriodSeconds ?? 30);
    const ignoresTerm = !!run.plan && !run.plan.stopsOnSigterm;
    const id = run.view.containerID;
    this.after(ignoresTerm ? grace * 1000 : 300 + this.host.random.int(700), () => {
      if (run.view.containerID !== id || !('running' in run.view.state)) return;
      this.markTerminated(run, ignoresTerm ? 137 : 0, ignoresTerm ? 'SIGKILL' : 'SIGTERM');
      // The same sync starts it again: the stopped container is seen only as lastState.
      if (restart) this.restart(run, 0);
      else this.flush();
    });
  }

  /** Restarts a stopped container: at once the first time, then after CrashLoopBackOff 10s, 20s … 300s. */
  private restart(run: Run, relistMs: number): void {
    run.crashes++;
    if (run.crashes === 1) {
      this.after(relistMs, () => {
        run.view.lastState = run.view.state;
        run.view.restartCount++;
        this.startContainer(run, () => undefined);
      });
      return;
    }
    const delay = backOffMs(run.crashes - 1);
    const podRef = `${this.pod.metadata.name}_${this.pod.metadata.namespace}(${this.pod.metadata.uid})`;
    this.after(relistMs, () => {
      run.view.lastState = run.view.state;
      run.view.state = { waiting: { reason: 'CrashLoopBackOff', message: `back-off ${delay / 1000}s restarting failed container=${run.spec.name} pod=${podRef}` } };
      this.event('Warning', 'BackOff', `Back-off restarting failed container ${run.spec.name} in pod ${podRef}`, run);
      this.flush();
      this.after(delay, () => {
        run.view.restartCount++;
        this.startContainer(run, () => undefined);
      });
    });
  }

  private phase(): PodView['phase'] {
    return podPhase(this.runs, this.spec.restartPolicy);
  }

  /** Graceful termination: Killing, stop within the grace period, report, then the final delete. */
  terminate(pod: KubeObject): void {
    if (this.terminating) return;
    this.terminating = true;
    this.pod = pod;
    for (const t of this.timers) this.host.clock.clearTimer(t);
    this.timers.clear();
    const grace = pod.metadata.deletionGracePeriodSeconds ?? this.spec.terminationGracePeriodSeconds ?? 30;
    const running = this.runs.filter((r) => 'running' in r.view.state);
    for (const r of running) this.event('Normal', 'Killing', `Stopping container ${r.spec.name}`, r);
    const ignoresTerm = running.some((r) => r.plan && !r.plan.stopsOnSigterm);
    const stopMs = running.length === 0 ? 100 : ignoresTerm ? grace * 1000 : 300 + this.host.random.int(700);
    this.after(stopMs, () => {
      for (const r of running) this.markTerminated(r, r.plan && !r.plan.stopsOnSigterm ? 137 : 0, r.plan && !r.plan.stopsOnSigterm ? 'SIGKILL' : 'SIGTERM');
      for (const r of this.runs) r.view.ready = false;
      if (this.view) this.flush();
      this.after(200, () => {
        if (this.view) {
          this.view.sandboxReady = false;
          this.flush();
        }
        this.after(100, () => this.finalDelete());
      });
    });
  }

  private async finalDelete(): Promise<void> {
    await this.writes;
    await this.events;
    const { client } = this.host;
    try {
      await client.delete(PODS, this.pod.metadata.namespace, this.pod.metadata.name!, { gracePeriodSeconds: 0 });
    } catch {
      /* already gone */
    }
    this.stop();
  }
}
