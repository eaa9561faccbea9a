import { afterEach, describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../../../headless';

let session: Session;
afterEach(() => session?.close());

/** Runs each `$ ` line of a transcript and prints it as a transcript. */
async function replay(transcript: string): Promise<string> {
  let out = '';
  for (const line of transcript.split('\n').filter((l) => l.startsWith('$ '))) out += `${line}\n${(await session.exec(line.slice(2))).output}`;
  return out;
}

describe('EndpointSlices through kubectl v1.32', () => {
  it('lists, describes and prints the apiserver and kube-dns slices of a fresh cluster, and describe svc reads them', async () => {
    session = createSession({ seed: 1 });
    const transcript = `$ kubectl get endpointslices -A
NAMESPACE     NAME             ADDRESSTYPE   PORTS        ENDPOINTS               AGE
default       kubernetes       IPv4          6443         172.18.0.2              0s
kube-system   kube-dns-h45kb   IPv4          53,53,9153   10.244.0.2,10.244.0.3   0s
$ kubectl get endpointslices -A -o wide
NAMESPACE     NAME             ADDRESSTYPE   PORTS        ENDPOINTS               AGE
default       kubernetes       IPv4          6443         172.18.0.2              0s
kube-system   kube-dns-h45kb   IPv4          53,53,9153   10.244.0.2,10.244.0.3   0s
$ kubectl describe endpointslice kubernetes
Name:         kubernetes
Namespace:    default
Labels:       kubernetes.io/service-name=kubernetes
Annotations:  <none>
AddressType:  IPv4
Ports:
  Name   Port  Protocol
  ----   ----  --------
  https  6443  TCP
Endpoints:
  - Addresses:  172.18.0.2
    Conditions:
      Ready:   true
    Hostname:  <unset>
    NodeName:  <unset>
    Zone:      <unset>
Events:        <none>
$ kubectl describe svc kubernetes
Name:                     kubernetes
Namespace:                default
Labels:                   component=apiserver
                          provider=kubernetes
Annotations:              <none>
Selector:                 
Type:                     ClusterIP
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       10.96.0.1
IPs:                      10.96.0.1
Port:                     https  443/TCP
TargetPort:               6443/TCP
Endpoints:                172.18.0.2:6443
Session Affinity:         None
Internal Traffic Policy:  Cluster
Events:                   <none>
$ kubectl -n kube-system describe endpointslices
Name:         kube-dns-h45kb
Namespace:    kube-system
Labels:       endpointslice.kubernetes.io/managed-by=endpointslice-controller.k8s.io
              k8s-app=kube-dns
              kubernetes.io/cluster-service=true
              kubernetes.io/name=CoreDNS
              kubernetes.io/service-name=kube-dns
Annotations:  endpoints.kubernetes.io/last-change-trigger-time: 2026-01-01T00:00:00Z
AddressType:  IPv4
Ports:
  Name     Port  Protocol
  ----     ----  --------
  dns      53    UDP
  dns-tcp  53    TCP
  metrics  9153  TCP
Endpoints:
  - Addresses:  10.244.0.2
    Conditions:
      Ready:    true
    Hostname:   <unset>
    TargetRef:  Pod/coredns-668d6bf9bc-zzpsr
    NodeName:   k8s-control-plane
    Zone:       <unset>
  - Addresses:  10.244.0.3
    Conditions:
      Ready:    true
    Hostname:   <unset>
    TargetRef:  Pod/coredns-668d6bf9bc-qglrd
    NodeName:   k8s-control-plane
    Zone:       <unset>
Events:         <none>
$ kubectl -n kube-system describe svc kube-dns
Name:                     kube-dns
Namespace:                kube-system
Labels:                   k8s-app=kube-dns
                          kubernetes.io/cluster-service=true
                          kubernetes.io/name=CoreDNS
Annotations:              prometheus.io/port: 9153
                          prometheus.io/scrape: true
Selector:                 k8s-app=kube-dns
Type:                     ClusterIP
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       10.96.0.10
IPs:                      10.96.0.10
Port:                     dns  53/UDP
TargetPort:               53/UDP
Endpoints:                10.244.0.2:53,10.244.0.3:53
Port:                     dns-tcp  53/TCP
TargetPort:               53/TCP
Endpoints:                10.244.0.2:53,10.244.0.3:53
Port:                     metrics  9153/TCP
TargetPort:               9153/TCP
Endpoints:                10.244.0.2:9153,10.244.0.3:9153
Session Affinity:         None
Internal Traffic Policy:  Cluster
Events:                   <none>
$ kubectl api-resources --api-group=discovery.k8s.io
NAME             SHORTNAMES   APIVERSION            NAMESPACED   KIND
endpointslices                discovery.k8s.io/v1   true         EndpointSlice
$ kubectl get endpointslice kubernetes -o yaml
addressType: IPv4
apiVersion: discovery.k8s.io/v1
endpoints:
- addresses:
  - 172.18.0.2
  conditions:
    ready: true
kind: EndpointSlice
metadata:
  creationTimestamp: "2026-01-01T00:00:00Z"
  labels:
    kubernetes.io/service-name: kubernetes
  name: kubernetes
  namespace: default
  resourceVersion: "23"
  uid: 14643ece-578d-4bfa-b771-cea11e7e39ae
ports:
- name: https
  port: 6443
  protocol: TCP
`;
    expect(await replay(transcript)).toBe(transcript);
  });
});
