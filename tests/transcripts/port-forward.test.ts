import { afterEach, describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../src/headless';

const SHOP = `apiVersion: v1
kind: Service
metadata:
  name: front
  namespace: shop
spec:
  selector: {app: front}
  ports: [{name: http, port: 8000, targetPort: web}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: front
  namespace: shop
spec:
  serviceName: front
  replicas: 1
  selector: {matchLabels: {app: front}}
  template:
    metadata: {labels: {app: front}}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports: [{name: web, containerPort: 80}]
`;

let session: Session;
afterEach(() => session?.close());

async function started(): Promise<Session> {
  session = createSession({ seed: 9, files: { 'shop.yaml': SHOP } });
  await session.exec('kubectl create namespace shop');
  await session.exec('kubectl apply -f shop.yaml');
  await session.advance(30_000);
  return session;
}

describe('kubectl port-forward', () => {
  it("carries a local port of the learner's machine to the pod until Ctrl-C", async () => {
    const s = await started();
    expect(await s.exec('curl -s localhost:8080')).toMatchObject({ output: '', exitCode: 7 });
    expect(await s.exec('kubectl -n shop port-forward pod/front-0 8080:80', { waitMs: 100 })).toMatchObject({
      output: 'Forwarding from 127.0.0.1:8080 -> 80\nForwarding from [::1]:8080 -> 80\n',
      running: true,
    });
    const other = s.openTerminal();
    const page = await other.exec('curl -s http://localhost:8080/ | head -4');
    expect(page).toMatchObject({ output: '<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n', exitCode: 0 });
    expect(await s.read()).toBe('Handling connection for 8080\n');
    expect(await other.exec('kubectl -n shop port-forward pod/front-0 8080:80')).toMatchObject({
      output:
        'Unable to listen on port 8080: Listeners failed to create with the following errors: [unable to create listener: Error listen tcp4 127.0.0.1:8080: bind: address already in use unable to create listener: Error listen tcp6 [::1]:8080: bind: address already in use]\n' +
        'error: unable to listen on any of the requested ports: [{8080 80}]\n',
      exitCode: 1,
    });
    await s.interrupt();
    expect(await other.exec('curl localhost:8080')).toMatchObject({ output: 'curl: (7) Failed to connect to localhost port 8080 after 0 ms: Couldn\'t connect to server\n', exitCode: 7 });
  });

  it("reaches a Service's named target port through one of its pods, and ends when that pod goes", async () => {
    const s = await started();
    expect(await s.exec('kubectl -n shop port-forward svc/front 9000:http', { waitMs: 100 })).toMatchObject({
      output: 'Forwarding from 127.0.0.1:9000 -> 80\nForwarding from [::1]:9000 -> 80\n',
      running: true,
    });
    const other = s.openTerminal();
    expect(await other.exec('curl -s localhost:9000 | head -1')).toMatchObject({ output: '<!DOCTYPE html>\n', exitCode: 0 });
    expect(await other.exec('kubectl -n shop delete pod front-0 --wait=false')).toMatchObject({ exitCode: 0 });
    await s.advance(35_000);
    expect(await s.read()).toBe('Handling connection for 9000\nerror: lost connection to pod\n');
  });

  it("gives kubectl's errors for missing ports, unknown named ports and pods not running", async () => {
    const s = await started();
    expect(await s.exec('kubectl -n shop port-forward front-0')).toMatchObject({
      output: "error: TYPE/NAME and list of ports are required for port-forward\nSee 'kubectl port-forward -h' for help and examples\n",
      exitCode: 1,
    });
    expect(await s.exec('kubectl -n shop port-forward front-0 8080:metrics')).toMatchObject({ output: "error: Pod 'front-0' does not have a named port 'metrics'\n", exitCode: 1 });
    expect(await s.exec('kubectl -n shop port-forward svc/front 8080:81')).toMatchObject({ output: 'error: Service front does not have a service port 81\n', exitCode: 1 });
    await s.exec('kubectl -n shop run late --image=nginx:1.27');
    expect(await s.exec('kubectl -n shop port-forward late 8080:80')).toMatchObject({ output: 'error: unable to forward port because pod is not running. Current status=Pending\n', exitCode: 1 });
  });

  it("does not resolve a running pod's cluster DNS name on the learner's machine", async () => {
    const s = await started();
    expect(await s.exec('curl front-0.front.shop.svc.cluster.local')).toMatchObject({
      output: 'curl: (6) Could not resolve host: front-0.front.shop.svc.cluster.local\n',
      exitCode: 6,
    });
  });
});
