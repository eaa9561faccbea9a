import { afterEach, describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../src/headless';

const MANIFEST = `apiVersion: v1
kind: Service
metadata:
  name: kv
  namespace: cache
spec:
  clusterIP: None
  selector:
    app: kv
  ports:
  - port: 6379
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: r
  namespace: cache
spec:
  serviceName: kv
  replicas: 3
  selector:
    matchLabels:
      app: kv
  template:
    metadata:
      labels:
        app: kv
    spec:
      containers:
      - name: redis
        image: redis:7.2
        ports:
        - containerPort: 6379
        readinessProbe:
          exec:
            command: ["redis-cli", "ping"]
        volumeMounts:
        - name: data
          mountPath: /data
  volumeClaimTemplates:
  - metadata:
      name: data
    spec:
      accessModes: ["ReadWriteOnce"]
      resources:
        requests:
          storage: 1Gi
`;

let session: Session;
afterEach(() => session?.close());

describe('redis as a StatefulSet', () => {
  it('keeps a key across the pod’s deletion: saved on SIGTERM to the PVC, loaded at the next start', async () => {
    session = createSession({ seed: 5, files: { 'redis.yaml': MANIFEST } });
    await session.exec('kubectl create namespace cache');
    await session.exec('kubectl apply -f redis.yaml');
    await session.advance(60_000);
    const run = async (line: string) => {
      const r = await session.exec(line);
      return r.output;
    };
    expect(await run('kubectl get pods -n cache')).toBe(`NAME   READY   STATUS    RESTARTS   AGE
r-0    1/1     Running   0          60s
r-1    1/1     Running   0          58s
r-2    1/1     Running   0          55s
`);
    expect(await run('kubectl exec -n cache r-0 -- redis-cli set k v')).toBe('OK\n');
    expect(await run('kubectl exec -n cache r-1 -- redis-cli -h r-0.kv get k')).toBe('v\n');
    expect(await run('kubectl exec -n cache r-1 -- redis-cli get k')).toBe('\n');
    expect(await run('kubectl delete pod -n cache r-0')).toBe('pod "r-0" deleted\n');
    await session.advance(30_000);
    expect(await run('kubectl exec -n cache r-0 -- redis-cli get k')).toBe('v\n');
    expect(await run('kubectl exec -n cache r-0 -- ls /data')).toBe('dump.rdb\n');
    expect(await run('kubectl logs -n cache r-0')).toBe(`1:C 01 Jan 2026 00:01:01.454 * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo
1:C 01 Jan 2026 00:01:01.454 * Redis version=7.2.5, bits=64, commit=00000000, modified=0, pid=1, just started
1:C 01 Jan 2026 00:01:01.454 # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf
1:M 01 Jan 2026 00:01:01.455 * monotonic clock: POSIX clock_gettime
1:M 01 Jan 2026 00:01:01.455 * Running mode=standalone, port=6379.
1:M 01 Jan 2026 00:01:01.456 * Server initialized
1:M 01 Jan 2026 00:01:01.456 * Loading RDB produced by version 7.2.5
1:M 01 Jan 2026 00:01:01.456 * RDB age 0 seconds
1:M 01 Jan 2026 00:01:01.456 * RDB memory usage when created 0.83 Mb
1:M 01 Jan 2026 00:01:01.456 * Done loading RDB, keys loaded: 1, keys expired: 0.
1:M 01 Jan 2026 00:01:01.456 * DB loaded from disk: 0.000 seconds
1:M 01 Jan 2026 00:01:01.457 * Ready to accept connections tcp
`);
  });
});
