import { describe, expect, it } from 'vitest';
import { createLab, run } from '../testing/harness';

const configmaps = { group: '', version: 'v1', resource: 'configmaps' };
const namespaces = { group: '', version: 'v1', resource: 'namespaces' };

describe('kubectl get across namespaces', () => {
  it('orders rows by the namespace/name key, so a namespace that prefixes another comes after it', async () => {
    const lab = createLab();
    const client = lab.cluster.client;
    for (const ns of ['a', 'a-b', 'b']) await client.create(namespaces, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
    for (const [ns, name] of [['b', 'x'], ['a', 'z'], ['a-b', 'y'], ['a', 'c'], ['a-b', 'd']]) {
      await client.create(configmaps, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns, labels: { t: '1' } }, data: { k: 'v' } });
    }
    const r = await run(lab, 'kubectl get configmaps -A -l t=1');
    expect(r).toEqual({
      stdout:
        'NAMESPACE   NAME   DATA   AGE\n' +
        'a-b         d      1      0s\n' +
        'a-b         y      1      0s\n' +
        'a           c      1      0s\n' +
        'a           z      1      0s\n' +
        'b           x      1      0s\n',
      stderr: '',
      code: 0,
    });
  });
});

const pods = { group: '', version: 'v1', resource: 'pods' };

describe('kubectl get with Go templates', () => {
  async function labWithPods() {
    const lab = createLab();
    for (const [name, image] of [['web-0', 'nginx:1.25'], ['web-1', 'nginx:1.27']]) {
      await lab.cluster.client.create(pods, { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image }] } });
    }
    return lab;
  }

  it('takes --template alone as a go-template for one object, printing no newline of its own', async () => {
    const r = await run(await labWithPods(), "kubectl get pod web-0 --template '{{range $i, $c := .spec.containers}}{{$c.image}}{{end}}'");
    expect(r).toEqual({ stdout: 'nginx:1.25', stderr: '', code: 0 });
  });

  it('runs -o go-template= over a List when a selector is given', async () => {
    const r = await run(await labWithPods(), `kubectl get pods -l app=web -o go-template='{{range .items}}{{.metadata.name}} {{.kind}}{{"\\n"}}{{end}}{{.kind}}'`);
    expect(r).toEqual({ stdout: 'web-0 Pod\nweb-1 Pod\nList', stderr: '', code: 0 });
  });

  it('uses --template as the template of -o jsonpath, and rejects a bad go-template before asking the server', async () => {
    const lab = await labWithPods();
    expect(await run(lab, "kubectl get pod web-1 -o jsonpath --template '{.spec.containers[0].image}'")).toEqual({ stdout: 'nginx:1.27', stderr: '', code: 0 });
    expect(await run(lab, "kubectl get pods -o go-template='{{if .items}}'")).toEqual({
      stdout: '',
      stderr: 'error: error parsing template {{if .items}}, template: output:1: unexpected EOF\n',
      code: 1,
    });
  });
});
