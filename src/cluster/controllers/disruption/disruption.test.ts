import { describe, expect, it } from 'vitest';
import { ApiServer } from '../../api/server';
import { VirtualClock } from '../../clock';
import { SeededRandom } from '../../random';
import { harness } from '../../testing/harness';
import { statefulSet } from '../../testing/fixtures';
import { PDBS, PODS, STATEFULSETS, scaledValueFromIntOrPercent, type Obj } from '../runtime/resources';
import { expectedAndDesired, selectorString } from './status';

const settle = () => new Promise<void>((r) => setImmediate(r));

const pdb = (spec: Obj, name = 'web-pdb') => ({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name }, spec: { selector: { matchLabels: { app: 'nginx' } }, ...spec } });

const errorOf = async (p: Promise<unknown>) => p.then(() => 'no error', (e: Error & { code?: number; reason?: string }) => `${e.code} ${e.reason}: ${e.message}`);

describe('disruption arithmetic', () => {
  it('scales percentages up, as GetScaledValueFromIntOrPercent does with roundUp', () => {
    const up = (v: number | string) => scaledValueFromIntOrPercent(v, 3, true);
    expect([up('50%'), up('20%'), up(2), scaledValueFromIntOrPercent('50%', 3, false)]).toEqual([2, 1, 2, 1]);
  });

  it('takes desired healthy from maxUnavailable against the controllers scale, and an integer minAvailable against the pods', () => {
    expect(expectedAndDesired({ maxUnavailable: 1 }, 2, 3)).toEqual({ expectedCount: 3, desiredHealthy: 2 });
    expect(expectedAndDesired({ minAvailable: 2 }, 1, 3)).toEqual({ expectedCount: 1, desiredHealthy: 2 });
    expect(expectedAndDesired({ minAvailable: '50%' }, 2, 3)).toEqual({ expectedCount: 3, desiredHealthy: 2 });
    expect(expectedAndDesired({}, 3, 3)).toEqual({ expectedCount: 0, desiredHealthy: 0 });
  });

  it('prints a selector as metav1.LabelSelector String() does', () => {
    expect(selectorString({ matchLabels: { foo: 'bar' } })).toBe('&LabelSelector{MatchLabels:map[string]string{foo: bar,},MatchExpressions:[]LabelSelectorRequirement{},}');
  });
});

describe('PodDisruptionBudget API', () => {
  it('creates a budget with zeroed status and generation 1', async () => {
    const h = harness(settle);
    const created = await h.cluster.client.create(PDBS, pdb({ maxUnavailable: 1 }));
    expect(created.status).toEqual({ currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 });
    expect(created.metadata.generation).toBe(1);
  });

  it('rejects both minAvailable and maxUnavailable, bad percents and negatives as the policy validation does', async () => {
    const { client } = harness(settle).cluster;
    expect(await errorOf(client.create(PDBS, pdb({ minAvailable: '150%' })))).toBe(
      '422 Invalid: PodDisruptionBudget.policy "web-pdb" is invalid: spec.minAvailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"150%"}: must not be greater than 100%',
    );
    expect(await errorOf(client.create(PDBS, pdb({ maxUnavailable: -1 })))).toBe(
      '422 Invalid: PodDisruptionBudget.policy "web-pdb" is invalid: spec.maxUnavailable: Invalid value: -1: must be greater than or equal to 0',
    );
    expect(await errorOf(client.create(PDBS, pdb({ maxUnavailable: 'half' })))).toBe(
      `422 Invalid: PodDisruptionBudget.policy "web-pdb" is invalid: spec.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"half"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')`,
    );
    const exprs = [
      { key: 'a', operator: 'Exists', values: ['x'] },
      { key: 'b', operator: 'In' },
      { key: 'c', operator: 'Near' },
    ];
    expect(await errorOf(client.create(PDBS, pdb({ minAvailable: 1, selector: { matchExpressions: exprs } })))).toBe(
      `422 Invalid: PodDisruptionBudget.policy "web-pdb" is invalid: [spec.selector.matchExpressions[0].values: Forbidden: may not be specified when \`operator\` is 'Exists' or 'DoesNotExist', spec.selector.matchExpressions[1].values: Required value: must be specified when \`operator\` is 'In' or 'NotIn', spec.selector.matchExpressions[2].operator: Invalid value: "Near": not a valid selector operator]`,
    );
    expect(await errorOf(client.create(PDBS, pdb({ minAvailable: 1, maxUnavailable: 1 })))).toMatch(/^422 Invalid: PodDisruptionBudget.policy "web-pdb" is invalid: spec: Invalid value: policy.PodDisruptionBudgetSpec\{.*\}: minAvailable and maxUnavailable cannot be both set$/);
  });
});

describe('disruption controller and the eviction subresource', () => {
  it('keeps status from the StatefulSet scale and ready pods, with the DisruptionAllowed condition', async () => {
    const h = harness(settle);
    const { client } = h.cluster;
    await client.create(STATEFULSETS, statefulSet({ replicas: 3 }));
    await client.create(PDBS, pdb({ maxUnavailable: 1 }));
    await h.readyReplicas(3);
    await h.run(1000);
    const status = (await client.get(PDBS, 'default', 'web-pdb')).status as Obj;
    expect({ ...status, conditions: status.conditions.map((c: Obj) => ({ ...c, lastTransitionTime: 'T' })) }).toEqual({
      currentHealthy: 3,
      desiredHealthy: 2,
      disruptionsAllowed: 1,
      expectedPods: 3,
      observedGeneration: 1,
      conditions: [{ type: 'DisruptionAllowed', status: 'True', reason: 'SufficientPods', message: '', observedGeneration: 1, lastTransitionTime: 'T' }],
    });
  });

  it('evicts one pod within budget, records it in disruptedPods, then answers 429 with the budget cause', async () => {
    const h = harness(settle);
    const { client } = h.cluster;
    await client.create(STATEFULSETS, statefulSet({ replicas: 3 }));
    await client.create(PDBS, pdb({ maxUnavailable: 1 }));
    await h.readyReplicas(3);
    await h.run(1000);
    await client.evict('default', 'web-1');
    const after = (await client.get(PDBS, 'default', 'web-pdb')).status as Obj;
    expect([after.disruptionsAllowed, Object.keys(after.disruptedPods), after.conditions[0].reason]).toEqual([0, ['web-1'], 'InsufficientPods']);
    expect((await client.get(PODS, 'default', 'web-1')).metadata.deletionTimestamp).toBeDefined();
    await h.run(500);
    let caught: Obj | undefined;
    await client.evict('default', 'web-2').catch((e) => (caught = e));
    expect([caught?.code, caught?.reason, caught?.message, caught?.details.causes]).toEqual([
      429,
      'TooManyRequests',
      "Cannot evict pod as it would violate the pod's disruption budget.",
      [{ reason: 'DisruptionBudget', message: 'The disruption budget web-pdb needs 2 healthy pods and has 2 currently' }],
    ]);
    expect((await client.get(PODS, 'default', 'web-2')).metadata.deletionTimestamp).toBeUndefined();
  });

  it('refuses a pod two budgets select with 500, and deletes a Pending pod without asking any budget', async () => {
    const h = harness(settle);
    const { client } = h.cluster;
    await client.create(STATEFULSETS, statefulSet({ replicas: 1 }));
    await h.readyReplicas(1);
    await client.create(PDBS, pdb({ minAvailable: 1 }, 'a'));
    await client.create(PDBS, pdb({ minAvailable: 1 }, 'b'));
    await h.run(1000);
    expect(await errorOf(client.evict('default', 'web-0'))).toBe('500 : This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.');
    await client.create(PODS, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'stuck', labels: { app: 'nginx' } }, spec: { nodeSelector: { disk: 'none' }, containers: [{ name: 'c', image: 'nginx' }] } });
    await client.evict('default', 'stuck');
    expect(await errorOf(client.get(PODS, 'default', 'stuck'))).toBe('404 NotFound: pods "stuck" not found');
  });
});

describe('evicting an unready pod', () => {
  const T = Date.UTC(2026, 0, 1);
  /** A bare API server: a Running pod on a node, unready, and a budget already spent. */
  function setup(policy?: string): ApiServer {
    const s = new ApiServer(new VirtualClock(T), new SeededRandom(1));
    s.createNow({ group: '', version: 'v1', resource: 'namespaces' }, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
    const pod = s.createNow(PODS, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-0', labels: { app: 'nginx' } }, spec: { nodeName: 'n1', containers: [{ name: 'c', image: 'nginx' }] } });
    s.updateStatusNow(PODS, { ...pod, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'False', lastProbeTime: null, lastTransitionTime: '2026-01-01T00:00:00Z' }] } });
    const budget = s.createNow(PDBS, pdb({ minAvailable: 2, ...(policy ? { unhealthyPodEvictionPolicy: policy } : {}) }));
    s.updateStatusNow(PDBS, { ...budget, status: { currentHealthy: 1, desiredHealthy: 2, disruptionsAllowed: 0, expectedPods: 2, observedGeneration: 1 } });
    return s;
  }

  it('asks the spent budget under the default IfHealthyBudget policy', async () => {
    const s = setup();
    expect(await errorOf(s.evict('default', 'web-0'))).toBe("429 TooManyRequests: Cannot evict pod as it would violate the pod's disruption budget.");
    expect((await s.get(PODS, 'default', 'web-0')).status).toEqual({
      phase: 'Running',
      conditions: [{ type: 'Ready', status: 'False', lastProbeTime: null, lastTransitionTime: '2026-01-01T00:00:00Z' }],
    });
  });

  it('deletes it at once under AlwaysAllow, marked DisruptionTarget first, leaving the budget alone', async () => {
    const s = setup('AlwaysAllow');
    const seen: string[] = [];
    s.store.subscribe((e) => {
      if (e.resource === 'pods') seen.push(`${e.type} ${((e.object.status as Obj).conditions as Obj[]).map((c) => `${c.type}=${c.status} ${c.reason ?? ''} ${c.message ?? ''}`).join(', ')}`);
    });
    await s.evict('default', 'web-0');
    expect(seen).toEqual([
      'MODIFIED Ready=False  , DisruptionTarget=True EvictionByEvictionAPI Eviction API: evicting',
      'DELETED Ready=False  , DisruptionTarget=True EvictionByEvictionAPI Eviction API: evicting',
    ]);
    expect(((await s.get(PDBS, 'default', 'web-pdb')).status as Obj).disruptionsAllowed).toBe(0);
  });

  it('writes no condition on a dry run', async () => {
    const s = setup('AlwaysAllow');
    await s.evict('default', 'web-0', { dryRun: true });
    expect((await s.get(PODS, 'default', 'web-0')).metadata.deletionTimestamp).toBeUndefined();
    expect(((await s.get(PODS, 'default', 'web-0')).status as Obj).conditions.map((c: Obj) => c.type)).toEqual(['Ready']);
  });
});
