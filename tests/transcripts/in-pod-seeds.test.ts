import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSession, type Session } from '../../src/headless';
import { replayWithPrompts } from './in-pod-replay';
import { maskDrawn } from './mask';

// The in-pod steps of seeds 000, 003 and 004 on the seed's StatefulSet (nginx, headless Service),
// with v1.32's answers where the seeds show older behaviour.
const WEB = readFileSync(join(__dirname, 'fixtures/web.yaml'), 'utf8');

const WRITE_AND_SERVE = `$ kubectl apply -f web.yaml
service/nginx created
statefulset.apps/web created
$ kubectl get pods -w -l app=nginx
NAME    READY   STATUS    RESTARTS   AGE
web-0   0/1     Pending   0          0s
web-0   0/1     Pending   0          0s
web-0   0/1     ContainerCreating   0          0s
web-0   1/1     Running             0          3s
web-1   0/1     Pending             0          0s
web-1   0/1     Pending             0          1s
web-1   0/1     ContainerCreating   0          1s
web-1   1/1     Running             0          4s
^C
$ kubectl exec web-1 ls /usr/share/nginx/html
error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead
See 'kubectl exec -h' for help and examples
$ kubectl exec web-1 -- touch /usr/share/nginx/html/statefulset
$ kubectl exec web-1 -- ls /usr/share/nginx/html
statefulset
$ kubectl exec web-0 -- sh -c 'hostname'
web-0
$ kubectl exec web-1 -- sh -c 'echo hello Desotech Student > /usr/share/nginx/html/index.html'
$ kubectl exec -it web-1 -- curl localhost
hello Desotech Student
$ kubectl delete pod web-1
pod "web-1" deleted
$ kubectl get pods -w -l app=nginx
NAME    READY   STATUS    RESTARTS   AGE
web-0   1/1     Running   0          30s
web-1   0/1     Pending   0          0s
web-1   0/1     ContainerCreating   0          0s
web-1   1/1     Running             0          2s
^C
$ kubectl exec web-1 -- ls /usr/share/nginx/html
index.html  statefulset
$ kubectl exec -it web-1 -- curl localhost
hello Desotech Student
`;

let session: Session;
afterEach(() => session?.close());

function commandsOf(transcript: string): string[] {
  return transcript.split('\n').flatMap((l) => {
    const m = /^(\$ |bash-5\.0# |\/ # |root@[^:]+:[^#]*# )(.*)$/.exec(l);
    return m ? [m[2]] : [];
  });
}

async function expectTranscript(transcript: string): Promise<void> {
  // Ping times are drawn at random; seq=0's is seed 003's.
  expect(maskDrawn(await replayWithPrompts(session, commandsOf(transcript)))).toBe(maskDrawn(transcript));
}

describe('inside the pods of a StatefulSet', () => {
  it('writes into a volume with kubectl exec, serves it with nginx and keeps it when the pod is recreated', async () => {
    session = createSession({ seed: 1, files: { 'web.yaml': WEB } });
    await expectTranscript(WRITE_AND_SERVE);
  });

  it('resolves pods and the headless Service from netshoot and busybox debug pods, then opens a shell in nginx', async () => {
    session = createSession({ seed: 1, files: { 'web.yaml': WEB } });
    await replayWithPrompts(session, commandsOf(WRITE_AND_SERVE));
    await expectTranscript(`$ kubectl run -i --tty --image r.deso.tech/library/netshoot testdns --restart=Never --rm /bin/bash
If you don't see a command prompt, try pressing enter.
bash-5.0# nslookup nginx
Server:		10.96.0.10
Address:	10.96.0.10#53

Name:	nginx.default.svc.cluster.local
Address: 10.244.2.2
Name:	nginx.default.svc.cluster.local
Address: 10.244.3.3

bash-5.0# nslookup web-0.nginx
Server:		10.96.0.10
Address:	10.96.0.10#53

Name:	web-0.nginx.default.svc.cluster.local
Address: 10.244.2.2

bash-5.0# nslookup web-5.nginx
Server:		10.96.0.10
Address:	10.96.0.10#53

** server can't find web-5.nginx: NXDOMAIN

bash-5.0# curl web-0.nginx/missing.html
<html>
<head><title>404 Not Found</title></head>
<body>
<center><h1>404 Not Found</h1></center>
<hr><center>nginx/1.27.3</center>
</body>
</html>
bash-5.0# exit
exit
pod "testdns" deleted
$ kubectl run -it --rm debug --image=busybox:1.28 --restart=Never -- sh
If you don't see a command prompt, try pressing enter.
/ # nslookup web-0.nginx
Server:    10.96.0.10
Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local

Name:      web-0.nginx
Address 1: 10.244.2.2 web-0.nginx.default.svc.cluster.local
/ # ping -c 2 web-0.nginx
PING web-0.nginx (10.244.2.2): 56 data bytes
64 bytes from 10.244.2.2: seq=0 ttl=64 time=0.123 ms
64 bytes from 10.244.2.2: seq=1 ttl=64 time=0.090 ms

--- web-0.nginx ping statistics ---
2 packets transmitted, 2 packets received, 0% packet loss
round-trip min/avg/max = 0.090/0.106/0.123 ms
/ # dig web-0.nginx
sh: dig: not found
/ # exit
pod "debug" deleted
pod default/debug terminated (Error)
$ kubectl exec -it web-0 -- bash
root@web-0:/# hostname
web-0
root@web-0:/# cd /usr/share/nginx/html
root@web-0:/usr/share/nginx/html# echo hi > index.html
root@web-0:/usr/share/nginx/html# cat index.html
hi
root@web-0:/usr/share/nginx/html# exit
exit
`);
  });
});
