import { describe, expect, it } from 'vitest';
import { summarizePod } from './pod';

const now = Date.UTC(2026, 0, 1, 0, 10, 0);
const pod = (status: object, extra: object = {}) => ({
  metadata: { name: 'web-0', creationTimestamp: '2026-01-01T00:00:00Z', ...extra },
  spec: { containers: [{ name: 'nginx' }] },
  status,
});

describe('pod READY / STATUS / RESTARTS (printPod)', () => {
  it('shows Pending with no container statuses', () => {
    expect(summarizePod(pod({ phase: 'Pending' }), now)).toEqual({ ready: '0/1', status: 'Pending', restarts: '0' });
  });

  it('shows the waiting reason of a container', () => {
    const s = { phase: 'Pending', containerStatuses: [{ ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } }] };
    expect(summarizePod(pod(s), now).status).toBe('ContainerCreating');
  });

  it('counts running ready containers', () => {
    const s = { phase: 'Running', containerStatuses: [{ ready: true, restartCount: 0, state: { running: {} } }] };
    expect(summarizePod(pod(s), now)).toEqual({ ready: '1/1', status: 'Running', restarts: '0' });
  });

  it('shows Terminating once a deletionTimestamp is set', () => {
    const s = { phase: 'Running', containerStatuses: [{ ready: true, restartCount: 0, state: { running: {} } }] };
    expect(summarizePod(pod(s, { deletionTimestamp: '2026-01-01T00:09:00Z' }), now).status).toBe('Terminating');
  });

  it('shows restarts with the age of the last termination', () => {
    const s = {
      phase: 'Running',
      containerStatuses: [
        { ready: false, restartCount: 3, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, finishedAt: '2026-01-01T00:09:48Z' } } },
      ],
    };
    expect(summarizePod(pod(s), now)).toEqual({ ready: '0/1', status: 'CrashLoopBackOff', restarts: '3 (12s ago)' });
  });

  it('shows Init:i/n while an init container runs', () => {
    const p = {
      ...pod({ phase: 'Pending', initContainerStatuses: [{ name: 'init', restartCount: 0, state: { running: {} } }] }),
      spec: { initContainers: [{ name: 'init' }], containers: [{ name: 'nginx' }] },
    };
    expect(summarizePod(p, now).status).toBe('Init:0/1');
  });

  it('shows ExitCode:N for a terminated container without a reason', () => {
    const s = { phase: 'Failed', containerStatuses: [{ ready: false, restartCount: 0, state: { terminated: { exitCode: 2 } } }] };
    expect(summarizePod(pod(s), now).status).toBe('ExitCode:2');
  });
});
