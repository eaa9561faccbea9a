import { afterEach, describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../src/headless';
import { maskDrawn } from './mask';

// kubernetes/website content/en/examples/pods/probe/exec-liveness.yaml, as published.
const EXEC_LIVENESS = `apiVersion: v1
kind: Pod
metadata:
  labels:
    test: liveness
  name: liveness-exec
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/busybox:1.27.2
    args:
    - /bin/sh
    - -c
    - touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600
    livenessProbe:
      exec:
        command:
        - cat
        - /tmp/healthy
      initialDelaySeconds: 5
      periodSeconds: 5
`;

let session: Session;
afterEach(() => session?.close());

const eventsOf = (describeOutput: string): string => describeOutput.slice(describeOutput.indexOf('Events:'));

describe('liveness probes (the exec tutorial from the Kubernetes docs)', () => {
  it('reports three failed probes, kills the container and restarts it with lastState Error 137', async () => {
    session = createSession({ seed: 1, files: { 'exec-liveness.yaml': EXEC_LIVENESS } });
    expect((await session.exec('kubectl apply -f exec-liveness.yaml')).output).toBe('pod/liveness-exec created\n');
    await session.advance(50_000);
    // The pull time is drawn at random.
    expect(maskDrawn(eventsOf((await session.exec('kubectl describe pod liveness-exec')).output))).toBe(
      maskDrawn([
        'Events:',
        '  Type     Reason     Age               From               Message',
        '  ----     ------     ----              ----               -------',
        '  Normal   Scheduled  50s               default-scheduler  Successfully assigned default/liveness-exec to k8s-worker02',
        '  Normal   Pulling    50s               kubelet            Pulling image "registry.k8s.io/busybox:1.27.2"',
        '  Normal   Pulled     49s               kubelet            Successfully pulled image "registry.k8s.io/busybox:1.27.2" in 489ms (489ms including waiting). Image size: 2166802 bytes.',
        '  Normal   Created    49s               kubelet            Created container: liveness',
        '  Normal   Started    49s               kubelet            Started container liveness',
        "  Warning  Unhealthy  5s (x3 over 15s)  kubelet            Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory",
        '  Normal   Killing    5s                kubelet            Container liveness failed liveness probe, will be restarted',
        '',
      ].join('\n')),
    );
    // busybox's sh as PID 1 ignores SIGTERM: the container dies after the 30s grace period, then starts again.
    expect((await session.exec('kubectl get pod liveness-exec')).output).toBe('NAME            READY   STATUS    RESTARTS   AGE\nliveness-exec   1/1     Running   0          50s\n');
    await session.advance(30_000);
    expect((await session.exec('kubectl get pod liveness-exec')).output).toBe('NAME            READY   STATUS    RESTARTS     AGE\nliveness-exec   1/1     Running   1 (5s ago)   80s\n');
    expect((await session.exec(`kubectl get pod liveness-exec -o jsonpath='{.status.containerStatuses[0].lastState.terminated.reason} {.status.containerStatuses[0].lastState.terminated.exitCode}'`)).output).toBe('Error 137');
  });
});
