import { describe, expect, it } from 'vitest';
import { deploymentStatus, statefulSetStatus } from './status';

const sts = (spec: object, status: object, generation = 1) => ({ metadata: { name: 'web', generation }, spec, status });
const rolling = { type: 'RollingUpdate', rollingUpdate: { partition: 0 } };

describe('statefulSetStatus', () => {
  it('refuses OnDelete sets', () => {
    expect(statefulSetStatus(sts({ replicas: 3, updateStrategy: { type: 'OnDelete' } }, {}))).toEqual({
      message: '',
      done: true,
      error: 'rollout status is only available for RollingUpdate strategy type',
    });
  });

  it('waits for the spec update to be observed', () => {
    expect(statefulSetStatus(sts({ replicas: 3, updateStrategy: rolling }, { observedGeneration: 1 }, 2)).message).toBe(
      'Waiting for statefulset spec update to be observed...\n',
    );
    expect(statefulSetStatus(sts({ replicas: 3, updateStrategy: rolling }, {})).message).toBe('Waiting for statefulset spec update to be observed...\n');
  });

  it('counts pods still to become ready', () => {
    expect(statefulSetStatus(sts({ replicas: 3, updateStrategy: rolling }, { observedGeneration: 1, readyReplicas: 1 }))).toEqual({
      message: 'Waiting for 2 pods to be ready...\n',
      done: false,
    });
  });

  it('reports a partitioned roll out in progress, then complete', () => {
    const spec = { replicas: 3, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 1 } } };
    expect(statefulSetStatus(sts(spec, { observedGeneration: 1, readyReplicas: 3, updatedReplicas: 1 }))).toEqual({
      message: 'Waiting for partitioned roll out to finish: 1 out of 2 new pods have been updated...\n',
      done: false,
    });
    expect(statefulSetStatus(sts(spec, { observedGeneration: 1, readyReplicas: 3, updatedReplicas: 2 }))).toEqual({
      message: 'partitioned roll out complete: 2 new pods have been updated...\n',
      done: true,
    });
  });

  it('uses revision lines when rollingUpdate is absent', () => {
    const spec = { replicas: 3, updateStrategy: { type: 'RollingUpdate' } };
    const rollingStatus = { observedGeneration: 1, readyReplicas: 3, updatedReplicas: 1, currentReplicas: 2, currentRevision: 'web-6c5d', updateRevision: 'web-7f9b' };
    expect(statefulSetStatus(sts(spec, rollingStatus))).toEqual({
      message: 'waiting for statefulset rolling update to complete 1 pods at revision web-7f9b...\n',
      done: false,
    });
    const complete = { ...rollingStatus, updatedReplicas: 3, currentReplicas: 3, currentRevision: 'web-7f9b' };
    expect(statefulSetStatus(sts(spec, complete))).toEqual({ message: 'statefulset rolling update complete 3 pods at revision web-7f9b...\n', done: true });
  });
});

describe('deploymentStatus', () => {
  const d = (status: object) => ({ metadata: { name: 'nginx', generation: 2 }, spec: { replicas: 3 }, status: { observedGeneration: 2, ...status } });

  it('walks through the deployment rollout lines', () => {
    expect(deploymentStatus(d({ updatedReplicas: 1, replicas: 3 })).message).toBe(
      'Waiting for deployment "nginx" rollout to finish: 1 out of 3 new replicas have been updated...\n',
    );
    expect(deploymentStatus(d({ updatedReplicas: 3, replicas: 4 })).message).toBe('Waiting for deployment "nginx" rollout to finish: 1 old replicas are pending termination...\n');
    expect(deploymentStatus(d({ updatedReplicas: 3, replicas: 3, availableReplicas: 2 })).message).toBe(
      'Waiting for deployment "nginx" rollout to finish: 2 of 3 updated replicas are available...\n',
    );
    expect(deploymentStatus(d({ updatedReplicas: 3, replicas: 3, availableReplicas: 3 }))).toEqual({ message: 'deployment "nginx" successfully rolled out\n', done: true });
  });
});
