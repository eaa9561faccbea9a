import { afterEach, describe, expect, it } from 'vitest';
import { createSession } from '../../../../headless';
import { startWeb, type WebSession } from './mutate-session.testkit';

let web: WebSession | undefined;
afterEach(() => web?.session.close());

const err = (text: string) => ({ output: `error: ${text}\n`, exitCode: 1 });

describe('kubectl expose', () => {
  it('refuses a StatefulSet as v1.32 does, and exposing its Service selects the set\'s pods', async () => {
    web = await startWeb(createSession);
    expect(await web.exec('kubectl expose sts web --port=80')).toEqual(err('cannot expose a StatefulSet.apps'));
    expect(await web.exec('kubectl expose statefulset/web --port=80')).toEqual(err('cannot expose a StatefulSet.apps'));
    expect(await web.exec('kubectl expose svc nginx --name=web-lb')).toEqual({ output: 'service/web-lb exposed\n', exitCode: 0 });
    await web.session.advance(5_000);
    const ips = (await web.exec("kubectl get pods -l app=nginx -o jsonpath='{.items[*].status.podIP}'")).output.split(' ');
    expect(await web.exec('kubectl get endpoints web-lb -o jsonpath={.subsets[0].addresses[*].ip}')).toEqual({ output: ips.join(' '), exitCode: 0 });
    expect(await web.exec("kubectl get endpointslices -l kubernetes.io/service-name=web-lb -o jsonpath='{.items[0].endpoints[*].addresses[0]}'")).toEqual({
      output: ips.join(' '),
      exitCode: 0,
    });
    const clusterIP = (await web.exec('kubectl get svc web-lb -o jsonpath={.spec.clusterIP}')).output;
    expect(await web.exec('kubectl run -it --rm dns-check --image=busybox:1.28 --restart=Never -- nslookup web-lb')).toEqual({
      output:
        "If you don't see a command prompt, try pressing enter.\n" +
        'Server:    10.96.0.10\n' +
        'Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n' +
        'Name:      web-lb\n' +
        `Address 1: ${clusterIP} web-lb.default.svc.cluster.local\n` +
        'pod "dns-check" deleted\n',
      exitCode: 0,
    });
  });

  it('takes selector, labels and ports from the object (a pod: all its labels)', async () => {
    web = await startWeb(createSession);
    const hash = (await web.exec("kubectl get pod web-0 -o jsonpath='{.metadata.labels.controller-revision-hash}'")).output;
    expect(await web.exec('kubectl expose pod web-0 --port=8080 --target-port=80 --name=web-0-direct --dry-run=client -o yaml')).toEqual({
      output:
        'apiVersion: v1\n' +
        'kind: Service\n' +
        'metadata:\n' +
        '  creationTimestamp: null\n' +
        '  labels:\n' +
        '    app: nginx\n' +
        '    apps.kubernetes.io/pod-index: "0"\n' +
        `    controller-revision-hash: ${hash}\n` +
        '    statefulset.kubernetes.io/pod-name: web-0\n' +
        '  name: web-0-direct\n' +
        'spec:\n' +
        '  ports:\n' +
        '  - port: 8080\n' +
        '    protocol: TCP\n' +
        '    targetPort: 80\n' +
        '  selector:\n' +
        '    app: nginx\n' +
        '    apps.kubernetes.io/pod-index: "0"\n' +
        `    controller-revision-hash: ${hash}\n` +
        '    statefulset.kubernetes.io/pod-name: web-0\n' +
        'status:\n' +
        '  loadBalancer: {}\n',
      exitCode: 0,
    });
    expect(await web.exec('kubectl expose pod web-0 --name=web-0-direct')).toEqual(err("couldn't find port via --port flag or introspection"));
    expect(await web.exec('kubectl expose pod web-0 --name=web-0-headless --cluster-ip=None --selector=statefulset.kubernetes.io/pod-name=web-0 -l team=a')).toEqual({
      output: 'service/web-0-headless exposed\n',
      exitCode: 0,
    });
    expect(await web.exec("kubectl get svc web-0-headless -o jsonpath='{.spec.clusterIP} {.spec.selector} {.metadata.labels} {.spec.ports}'")).toEqual({
      output: 'None {"statefulset.kubernetes.io/pod-name":"web-0"} {"team":"a"} ',
      exitCode: 0,
    });
  });

  it('exposes a Deployment on its container ports, several ports named port-N', async () => {
    web = await startWeb(createSession);
    expect(await web.exec('kubectl create deployment hello --image=nginx --port=8080')).toEqual({ output: 'deployment.apps/hello created\n', exitCode: 0 });
    expect(await web.exec('kubectl expose deployment hello --type=NodePort')).toEqual({ output: 'service/hello exposed\n', exitCode: 0 });
    expect(await web.exec("kubectl get svc hello -o jsonpath='{.spec.type} {.spec.selector} {.spec.ports[0].port} {.spec.ports[0].targetPort}'")).toEqual({
      output: 'NodePort {"app":"hello"} 8080 8080',
      exitCode: 0,
    });
    expect(await web.exec("kubectl expose svc nginx --name=multi --port=80,81 --protocol=UDP --dry-run=client -o jsonpath='{.spec.ports}'")).toEqual({
      output: '[{"name":"port-1","port":80,"protocol":"UDP","targetPort":80},{"name":"port-2","port":81,"protocol":"UDP","targetPort":81}]',
      exitCode: 0,
    });
    expect(await web.exec('kubectl expose svc nginx --name=bad --port=http')).toEqual(err('strconv.Atoi: parsing "http": invalid syntax'));
    expect(await web.exec('kubectl expose deploy/hello --name=hello --port=80')).toEqual({ output: 'Error from server (AlreadyExists): services "hello" already exists\n', exitCode: 1 });
  });

  it('reports the resource builder\'s and the API\'s errors', async () => {
    web = await startWeb(createSession);
    expect(await web.exec('kubectl expose deployment nope --port=80')).toEqual({ output: 'Error from server (NotFound): deployments.apps "nope" not found\n', exitCode: 1 });
    expect(await web.exec('kubectl expose deployment')).toEqual(err('resource(s) were provided, but no name was specified'));
    expect(await web.exec('kubectl expose pvc www-web-0 --port=80')).toEqual(err('cannot expose a PersistentVolumeClaim'));
    expect(await web.exec('kubectl expose svc nginx --port=80 --labels=bad')).toEqual(err('unexpected label spec: bad'));
    expect(await web.exec('kubectl expose svc nginx --port=80 --session-affinity=Sticky')).toEqual(err('unknown session affinity: Sticky'));
  });
});
