import { describe, expect, it } from 'vitest';
import { describeEvents } from './common';
import { describeEndpoints, describeSecret, describeServiceAccount } from './core';
import { describePod } from './pod';
import { tabbedString } from './prefix-writer';
import { describePersistentVolumeClaim } from './storage';
import { event, NOW, runningPod, T0, webStatefulSet } from './test-objects';
import { countPodPhases, describeStatefulSet } from './workloads';

describe('describePod', () => {
  it('prints every section in kubectl order with aligned values', () => {
    const pod = runningPod('web-0', 0);
    const events = [
      event(pod, 'Scheduled', 'Successfully assigned default/web-0 to kind-worker', { component: 'default-scheduler' }),
      event(pod, 'Pulled', 'Container image "registry.k8s.io/nginx-slim:0.24" already present on machine', { first: '2026-01-01T00:00:03Z' }),
    ];
    expect(describePod(pod, events, NOW)).toBe(`Name:             web-0
Namespace:        default
Priority:         0
Service Account:  default
Node:             kind-worker/172.18.0.3
Start Time:       Thu, 01 Jan 2026 00:00:00 +0000
Labels:           app=nginx
                  apps.kubernetes.io/pod-index=0
                  controller-revision-hash=web-7c5d9f6b8
                  statefulset.kubernetes.io/pod-name=web-0
Annotations:      <none>
Status:           Running
IP:               10.244.1.5
IPs:
  IP:           10.244.1.5
Controlled By:  StatefulSet/web
Containers:
  nginx:
    Container ID:   containerd://4f5e
    Image:          registry.k8s.io/nginx-slim:0.24
    Image ID:       registry.k8s.io/nginx-slim@sha256:8a2c
    Port:           80/TCP
    Host Port:      0/TCP
    State:          Running
      Started:      Thu, 01 Jan 2026 00:00:05 +0000
    Ready:          True
    Restart Count:  0
    Environment:    <none>
    Mounts:
      /usr/share/nginx/html from www (rw)
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-x2k9f (ro)
Conditions:
  Type                        Status
  PodReadyToStartContainers   True 
  Initialized                 True 
  Ready                       True 
  ContainersReady             True 
  PodScheduled                True 
Volumes:
  www:
    Type:       PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)
    ClaimName:  www-web-0
    ReadOnly:   false
  kube-api-access-x2k9f:
    Type:                    Projected (a volume that contains injected data from multiple sources)
    TokenExpirationSeconds:  3607
    ConfigMapName:           kube-root-ca.crt
    ConfigMapOptional:       <nil>
    DownwardAPI:             true
QoS Class:                   BestEffort
Node-Selectors:              <none>
Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:
  Type    Reason     Age   From               Message
  ----    ------     ----  ----               -------
  Normal  Scheduled  2m    default-scheduler  Successfully assigned default/web-0 to kind-worker
  Normal  Pulled     117s  kubelet            Container image "registry.k8s.io/nginx-slim:0.24" already present on machine
`);
  });

  it('shows a waiting container, a terminating pod and no events', () => {
    const pod = runningPod('web-1', 1);
    pod.metadata.deletionTimestamp = '2026-01-01T00:01:55Z';
    pod.metadata.deletionGracePeriodSeconds = 30;
    pod.status.containerStatuses[0].state = { waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image' } };
    pod.status.containerStatuses[0].ready = false;
    const text = describePod(pod, [], NOW);
    expect(text.split('\n').filter((l) => /Status:|State:|Reason:|Grace|Events:/.test(l))).toEqual([
      'Status:                    Terminating (lasts 5s)',
      'Termination Grace Period:  30s',
      '    State:          Waiting',
      '      Reason:       ImagePullBackOff',
      'Events:                      <none>',
    ]);
  });
});

describe('describeEvents', () => {
  it('shows repeated events as last (xN over first)', () => {
    const pod = runningPod('web-0', 0);
    const e = event(pod, 'BackOff', 'Back-off pulling image "nginx:nope"', { first: '2026-01-01T00:00:00Z', last: '2026-01-01T00:01:55Z', count: 3 });
    expect(tabbedString((w) => describeEvents([e], w, NOW))).toBe(
      'Events:\n  Type    Reason   Age              From     Message\n  ----    ------   ----             ----     -------\n' +
        '  Normal  BackOff  5s (x3 over 2m)  kubelet  Back-off pulling image "nginx:nope"\n',
    );
  });
});

describe('describeStatefulSet', () => {
  it('matches kubectl 1.32 section for section', () => {
    const sts = webStatefulSet();
    const pods = [runningPod('web-0', 0), runningPod('web-1', 1), runningPod('web-2', 2)];
    pods[2].status.phase = 'Pending';
    pods[2].metadata.ownerReferences[0].uid = 'sts-uid';
    const events = [
      event(sts, 'SuccessfulCreate', 'create Claim www-web-0 Pod web-0 in StatefulSet web success', { component: 'statefulset-controller' }),
      event(sts, 'SuccessfulCreate', 'create Pod web-0 in StatefulSet web successful', { component: 'statefulset-controller' }),
    ];
    expect(describeStatefulSet(sts, countPodPhases(pods, 'sts-uid'), events, NOW)).toBe(`Name:               web
Namespace:          default
CreationTimestamp:  Thu, 01 Jan 2026 00:00:00 +0000
Selector:           app=nginx
Labels:             <none>
Annotations:        <none>
Replicas:           3 desired | 3 total
Update Strategy:    RollingUpdate
  Partition:        0
Pods Status:        2 Running / 1 Waiting / 0 Succeeded / 0 Failed
Pod Template:
  Labels:  app=nginx
  Containers:
   nginx:
    Image:        registry.k8s.io/nginx-slim:0.24
    Port:         80/TCP
    Host Port:    0/TCP
    Environment:  <none>
    Mounts:
      /usr/share/nginx/html from www (rw)
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Volume Claims:
  Name:          www
  StorageClass:  
  Labels:        <none>
  Annotations:   <none>
  Capacity:      1Gi
  Access Modes:  [ReadWriteOnce]
Events:
  Type    Reason            Age   From                    Message
  ----    ------            ----  ----                    -------
  Normal  SuccessfulCreate  2m    statefulset-controller  create Claim www-web-0 Pod web-0 in StatefulSet web success
  Normal  SuccessfulCreate  2m    statefulset-controller  create Pod web-0 in StatefulSet web successful
`);
  });
});

describe('describePersistentVolumeClaim', () => {
  it('shows binding details and the pods using the claim', () => {
    const pvc = {
      metadata: {
        name: 'www-web-0',
        namespace: 'default',
        labels: { app: 'nginx' },
        annotations: { 'pv.kubernetes.io/bind-completed': 'yes', 'volume.kubernetes.io/storage-provisioner': 'rancher.io/local-path' },
        finalizers: ['kubernetes.io/pvc-protection'],
        creationTimestamp: T0,
      },
      spec: { storageClassName: 'standard', volumeName: 'pvc-7d0c0b4e', volumeMode: 'Filesystem', accessModes: ['ReadWriteOnce'] },
      status: { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' } },
    };
    expect(describePersistentVolumeClaim(pvc, [runningPod('web-0', 0)], [], NOW)).toBe(`Name:          www-web-0
Namespace:     default
StorageClass:  standard
Status:        Bound
Volume:        pvc-7d0c0b4e
Labels:        app=nginx
Annotations:   pv.kubernetes.io/bind-completed: yes
               volume.kubernetes.io/storage-provisioner: rancher.io/local-path
Finalizers:    [kubernetes.io/pvc-protection]
Capacity:      1Gi
Access Modes:  RWO
VolumeMode:    Filesystem
Used By:       web-0
Events:        <none>
`);
  });
});

describe('describeServiceAccount', () => {
  it('lists the secret sections under fixed-width headers', () => {
    const sa = { metadata: { name: 'default', namespace: 'default' } };
    expect(describeServiceAccount(sa, [], NOW)).toBe(`Name:                default
Namespace:           default
Labels:              <none>
Annotations:         <none>
Image pull secrets:  <none>
Mountable secrets:   <none>
Tokens:              <none>
Events:              <none>
`);
  });
});

describe('describeEndpoints', () => {
  it('lists addresses per subset and the port table', () => {
    const ep = {
      metadata: { name: 'nginx', namespace: 'default', labels: { app: 'nginx' } },
      subsets: [{ addresses: [{ ip: '10.244.1.2' }, { ip: '10.244.2.2' }], ports: [{ name: 'web', port: 80, protocol: 'TCP' }] }],
    };
    expect(describeEndpoints(ep, [], NOW)).toBe(`Name:         nginx
Namespace:    default
Labels:       app=nginx
Annotations:  <none>
Subsets:
  Addresses:          10.244.1.2,10.244.2.2
  NotReadyAddresses:  <none>
  Ports:
    Name  Port  Protocol
    ----  ----  --------
    web   80    TCP

Events:  <none>
`);
  });
});

describe('describeSecret', () => {
  it('shows the type and only the size of each value, and a service account token in full', () => {
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db-pass', namespace: 'shop' }, type: 'Opaque', data: { user: 'cm9vdA==', password: 'czNjcmV0' } };
    expect(describeSecret(secret)).toBe(
      'Name:         db-pass\nNamespace:    shop\nLabels:       <none>\nAnnotations:  <none>\n\nType:  Opaque\n\nData\n====\npassword:  6 bytes\nuser:      4 bytes\n',
    );
    const token = { ...secret, type: 'kubernetes.io/service-account-token', data: { token: btoa('abc.def'), 'ca.crt': btoa('x'.repeat(10)) } };
    expect(describeSecret(token)).toBe(
      'Name:         db-pass\nNamespace:    shop\nLabels:       <none>\nAnnotations:  <none>\n\nType:  kubernetes.io/service-account-token\n\nData\n====\nca.crt:  10 bytes\ntoken:   abc.def\n',
    );
  });
});
