/** The one wiring of the simulated cluster: API server, bootstrap objects and the core controllers. */
import type { Clock } from './clock';
import type { ClusterClient } from './client/types';
import { SeededRandom } from './random';
import { ApiServer } from './api/server';
import { bootstrapCluster } from './bootstrap';
import { GarbageCollector } from './controllers/garbage-collector';
import { NamespaceController } from './controllers/namespace';

export interface Cluster {
  client: ClusterClient;
  clock: Clock;
  random: SeededRandom;
  /** The API server itself, for in-process components (e.g. a kubelet registering pod termination). */
  server: ApiServer;
  stop(): void;
}

export interface ClusterOptions {
  seed: number;
  clock: Clock;
}

export function createCluster(options: ClusterOptions): Cluster {
  const random = new SeededRandom(options.seed);
  const server = new ApiServer(options.clock, random);
  const { caCert } = bootstrapCluster(server);
  const gc = new GarbageCollector(server);
  const namespaces = new NamespaceController(server, options.clock, caCert);
  gc.start();
  namespaces.start();
  return {
    client: server,
    clock: options.clock,
    random,
    server,
    stop() {
      gc.stop();
      namespaces.stop();
    },
  };
}
