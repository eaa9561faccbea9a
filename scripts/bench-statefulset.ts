// Figures for `npm run bench`: a StatefulSet scaled from 0 to 1 000 replicas under Parallel
// in a headless session, driven on its VirtualClock. Figures only.
import { createSession } from '../src/headless';

const STATEFULSETS = { group: 'apps', version: 'v1', resource: 'statefulsets' };

const MANIFEST = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: bench
spec:
  serviceName: bench
  replicas: 0
  podManagementPolicy: Parallel
  selector:
    matchLabels:
      app: bench
  template:
    metadata:
      labels:
        app: bench
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
`;

export interface ScaleFigures {
  replicas: number;
  /** Simulated seconds until status.replicas reached the target (every pod created). */
  simulatedSecondsToAllCreated: number;
  /** Simulated seconds until readyReplicas stopped changing for 30 simulated seconds. */
  simulatedSecondsToSettled: number;
  /** readyReplicas once settled (three workers hold 110 pods each, as kind's nodes do). */
  readyReplicas: number;
  /** Wall milliseconds of the reconcile, from `kubectl scale` to the last readiness change. */
  wallMs: number;
  /** Simulated over wall time from `kubectl scale` to the last readiness change. */
  simulatedSecondsPerWallSecond: number;
  /** The same over the whole run, including the 30 quiet simulated seconds after it. */
  simulatedSecondsPerWallSecondIncludingQuiet: number;
}

export async function statefulSetScaleFigures(replicas = 1000): Promise<ScaleFigures> {
  const session = createSession({ seed: 7, files: { 'bench.yaml': MANIFEST } });
  const client = session.lab.cluster.client;
  const status = async () => ((await client.get(STATEFULSETS, 'default', 'bench')).status ?? {}) as { replicas?: number; readyReplicas?: number };
  await session.exec('kubectl apply -f bench.yaml');
  const wallStart = performance.now();
  const simStart = session.clock.now();
  await session.exec(`kubectl scale statefulset bench --replicas=${replicas}`);
  let allCreatedAt = -1;
  let lastReady = -1;
  let lastChange = session.clock.now();
  let wallAtLastChange = performance.now();
  // One simulated second at a time, until readiness has not moved for 30 s (or 30 simulated minutes).
  while (session.clock.now() - simStart < 30 * 60_000) {
    await session.advance(1000);
    const s = await status();
    if (allCreatedAt < 0 && (s.replicas ?? 0) >= replicas) allCreatedAt = session.clock.now();
    if ((s.readyReplicas ?? 0) !== lastReady) {
      lastReady = s.readyReplicas ?? 0;
      lastChange = session.clock.now();
      wallAtLastChange = performance.now();
    } else if (allCreatedAt >= 0 && session.clock.now() - lastChange >= 30_000) break;
  }
  const wallMs = performance.now() - wallStart;
  session.close();
  return {
    replicas,
    simulatedSecondsToAllCreated: allCreatedAt < 0 ? -1 : (allCreatedAt - simStart) / 1000,
    simulatedSecondsToSettled: (lastChange - simStart) / 1000,
    readyReplicas: lastReady,
    wallMs: Math.round(wallAtLastChange - wallStart),
    simulatedSecondsPerWallSecond: Math.round(((lastChange - simStart) / (wallAtLastChange - wallStart)) * 100) / 100,
    simulatedSecondsPerWallSecondIncludingQuiet: Math.round(((session.clock.now() - simStart) / wallMs) * 100) / 100,
  };
}

// `npx tsx scripts/bench-statefulset.ts` prints these figures alone.
if (process.argv[1]?.endsWith('bench-statefulset.ts')) {
  statefulSetScaleFigures().then((f) => console.log(JSON.stringify(f, null, 2)));
}
