/** The one wiring of the simulated cluster: API server, bootstrap objects, controllers, scheduler and kubelets. */
import type { Clock } from './clock';
import type { ClusterClient } from './client/types';
import { SeededRandom } from './random';
import { ApiServer } from './api/server';
import { bootstrapCluster } from './bootstrap';
import { nodePlans } from './bootstrap/nodes';
import { GarbageCollector } from './controllers/garbage-collector';
import { NamespaceController } from './controllers/namespace';
import { StatefulSetController } from './controllers/statefulset/stateful-set';
import { PersistentVolumeController } from './controllers/volume/pv-controller';
import { EndpointsController } from './controllers/endpoints';
import { EndpointSliceController } from './controllers/endpointslice/controller';
import { ReplicaSetController } from './controllers/replicaset';
import { DeploymentController } from './controllers/deployment';
import { DisruptionController } from './controllers/disruption/controller';
import { TaintEvictionController } from './controllers/taint-eviction';
import { NodeTaintController } from './controllers/node-taints';
import { Scheduler } from './scheduler/scheduler';
import { Kubelet } from './kubelet/kubelet';
import { PodConnections } from './api/connect';
import { EventTtl } from './api/event-ttl';
import { ContainerRuntime } from './containers/runtime';
import { PodNetwork } from './containers/network';
import { ClusterDns } from './dns';
import { MemoryVolumeBackend, type VolumeBackend } from './storage/volume-backend';
import { VolumeReclaimer } from './storage/reclaimer';
import { restoreInto, snapshotOf, type ClusterSnapshot } from './snapshot';
import type { RuntimeState } from './containers/runtime-state';

export interface Cluster {
  client: ClusterClient;
  clock: Clock;
  random: SeededRandom;
  /** The API server itself, for in-process components (e.g. a kubelet registering pod termination). */
  server: ApiServer;
  /** One simulated kubelet per node. */
  kubelets: Kubelet[];
  /** Containers' files, environments and logs, across all nodes (always set by createCluster; optional for hand-built test clusters). */
  runtime?: ContainerRuntime;
  /** Where PersistentVolumes keep their files. */
  volumes?: VolumeBackend;
  dns?: ClusterDns;
  /** The API objects, counters and time, to save and restore later (always set by createCluster). */
  snapshot?(): ClusterSnapshot;
  /** Containers' own files, emptyDirs and logs (also inside snapshot()), to save apart. */
  runtimeState?(): RuntimeState;
  /** Moves whenever runtimeState() would differ: save again only when it moved. */
  runtimeVersion?(): number;
  stop(): void;
}

export interface ClusterOptions {
  seed: number;
  clock: Clock;
  /** PersistentVolume storage; memory when absent (the browser and CLI inject persistent ones). */
  storage?: VolumeBackend;
  /**
   * A saved state to continue from instead of bootstrapping (the clock must not
   * be behind its clockTime); controllers and kubelets resync from its objects.
   */
  restore?: ClusterSnapshot;
}

export function createCluster(options: ClusterOptions): Cluster {
  const { clock } = options;
  const random = new SeededRandom(options.seed);
  const server = new ApiServer(clock, random);
  const { caCert } = options.restore ? restoreInto(server, options.restore) : bootstrapCluster(server);
  const volumes = options.storage ?? new MemoryVolumeBackend(() => clock.now());
  const runtime = new ContainerRuntime(server.store, volumes, clock);
  if (options.restore?.runtime) runtime.importState(options.restore.runtime);
  const dns = new ClusterDns(server.store);
  server.setConnections(new PodConnections(server.store, runtime, new PodNetwork(server.store, runtime, clock), dns));
  const kubelets = nodePlans().map((p) => new Kubelet(server, clock, random, { name: p.name, ip: p.ip, podCIDR: p.podCIDR }, runtime, { resume: !!options.restore }));
  server.setPodTerminationHandler((pod) => {
    const nodeName = (pod.spec as { nodeName?: string }).nodeName;
    kubelets.find((k) => k.node.name === nodeName)?.terminate(pod);
  });
  const components: Array<{ start(): void; stop(): void }> = [
    // First, so it follows the Events every other component writes (and drops a restore's expired ones).
    new EventTtl(server.store, clock),
    new GarbageCollector(server),
    new NamespaceController(server, clock, caCert),
    new PersistentVolumeController(server, clock, random),
    new Scheduler(server, clock, random),
    new StatefulSetController(server, clock),
    new ReplicaSetController(server, clock, random),
    new DeploymentController(server, clock),
    new EndpointsController(server, clock),
    new DisruptionController(server, clock),
    new TaintEvictionController(server, clock),
    new NodeTaintController(server, clock),
    new EndpointSliceController(server, clock),
    new VolumeReclaimer(server, volumes),
    ...kubelets,
  ];
  for (const c of components) c.start();
  return {
    client: server,
    clock,
    random,
    server,
    kubelets,
    runtime,
    volumes,
    dns,
    snapshot: () => snapshotOf(server, runtime.exportState()),
    runtimeState: () => runtime.exportState(),
    runtimeVersion: () => runtime.version(),
    stop() {
      for (const c of components) c.stop();
      server.setPodTerminationHandler(undefined);
      server.setConnections(undefined);
    },
  };
}
