/**
 * Test kit for scale/patch/label/annotate: a headless session running the
 * tutorial's two-replica `web` set. Tests pass in headless createSession (the
 * layering rule keeps src/shell from importing it outside test files).
 */

/** The part of a headless Session these tests use. */
export interface SessionLike {
  exec(line: string, options?: { waitMs?: number }): Promise<{ output: string; exitCode: number }>;
  advance(ms: number): Promise<void>;
  close(): void;
}

export type CreateSession = (options: { files: Record<string, string> }) => SessionLike | Promise<SessionLike>;

export const WEB_YAML = `apiVersion: v1
kind: Service
metadata:
  name: nginx
spec:
  ports:
  - port: 80
    name: web
  clusterIP: None
  selector:
    app: nginx
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: 2
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.24
        volumeMounts:
        - name: www
          mountPath: /usr/share/nginx/html
  volumeClaimTemplates:
  - metadata:
      name: www
    spec:
      accessModes: [ "ReadWriteOnce" ]
      resources:
        requests:
          storage: 1Gi
`;

export interface WebSession {
  session: SessionLike;
  /** Runs a line; output (stdout and stderr as the terminal shows them) and exit code. */
  exec(line: string): Promise<{ output: string; exitCode: number }>;
  /** `kubectl get <what> -o json`, for "nothing changed" checks. */
  snapshot(what: string): Promise<string>;
}

/** Applies web.yaml and lets a minute of simulated time pass: web-0 and web-1 Running. */
export async function startWeb(createSession: CreateSession, files: Record<string, string> = {}): Promise<WebSession> {
  const session = await createSession({ files: { 'web.yaml': WEB_YAML, ...files } });
  const exec = async (line: string) => {
    const r = await session.exec(line, { waitMs: 120_000 });
    return { output: r.output, exitCode: r.exitCode };
  };
  await exec('kubectl apply -f web.yaml');
  await session.advance(60_000);
  const snapshot = async (what: string) => (await exec(`kubectl get ${what} -o json`)).output;
  return { session, exec, snapshot };
}
