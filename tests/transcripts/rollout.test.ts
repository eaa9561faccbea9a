import { afterEach, describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../src/headless';
import { replay } from './run-transcript';

let session: Session;
afterEach(() => session?.close());

const manifest = `apiVersion: v1
kind: Service
metadata:
  name: cache
spec:
  clusterIP: None
  selector:
    app: cache
  ports:
  - port: 6379
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: cache
spec:
  serviceName: cache
  replicas: 2
  selector:
    matchLabels:
      app: cache
  template:
    metadata:
      labels:
        app: cache
    spec:
      containers:
      - name: main
        image: nginx:1.25
`;

describe('rollout status follows a StatefulSet rollout event by event', () => {
  it('waits for ordered creation, then for each pod of an image update in reverse order', async () => {
    session = createSession({ seed: 11, files: { 'cache.yaml': manifest } });
    const out = await replay(
      session,
      `$ kubectl apply -f cache.yaml
$ kubectl rollout status statefulset/cache
$ kubectl set image statefulset/cache main=nginx:1.27
$ kubectl rollout status sts cache`,
    );
    const lines = out.split('\n');
    // Each status write is a watch event, so a line can repeat; the sequence is what matters.
    const distinct = lines.filter((l, i) => l !== lines[i - 1]);
    expect(distinct).toEqual([
      '$ kubectl apply -f cache.yaml',
      'service/cache created',
      'statefulset.apps/cache created',
      '$ kubectl rollout status statefulset/cache',
      'Waiting for 2 pods to be ready...',
      'Waiting for 1 pods to be ready...',
      'partitioned roll out complete: 2 new pods have been updated...',
      '$ kubectl set image statefulset/cache main=nginx:1.27',
      'statefulset.apps/cache image updated',
      '$ kubectl rollout status sts cache',
      'Waiting for partitioned roll out to finish: 0 out of 2 new pods have been updated...',
      'Waiting for 1 pods to be ready...',
      'Waiting for partitioned roll out to finish: 1 out of 2 new pods have been updated...',
      'Waiting for 1 pods to be ready...',
      'partitioned roll out complete: 2 new pods have been updated...',
      '',
    ]);
    expect((await session.exec('kubectl get sts cache -o jsonpath={.status.updatedReplicas}/{.status.currentRevision}={.status.updateRevision}')).output).toMatch(
      /^2\/(cache-[a-z0-9]+)=\1$/,
    );
  });
});
