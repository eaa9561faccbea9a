import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../src/headless';
import { golden, seedLines } from './seed-replay';

// Seed 003: a StatefulSet reference card (nginx-svc + web on the standard class): ordered
// creation, scaling both ways, rolling update, partition, rollout verbs, describe, deletion
// with and without orphaning, PVC cleanup, troubleshooting reads.
const STATEFULSET = `apiVersion: v1
kind: Service
metadata:
  name: nginx-svc
  labels:
    app: nginx
spec:
  ports:
  - port: 80
    name: web
  clusterIP: None  # Headless service
  selector:
    app: nginx
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: "nginx-svc"  # Must match the headless service
  replicas: 3
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
        image: nginx:1.21
        ports:
        - containerPort: 80
          name: web
        volumeMounts:
        - name: www
          mountPath: /usr/share/nginx/html
  volumeClaimTemplates:  # Creates PVC for each pod
  - metadata:
      name: www
    spec:
      accessModes: [ "ReadWriteOnce" ]
      storageClassName: "standard"  # Use your storage class
      resources:
        requests:
          storage: 1Gi
`;

// The Volume Claim Templates snippet: template data on the seed's fast-ssd class, which a
// learner creates first (the seed ran on a cluster that had it).
const DATA_ON_FAST_SSD = STATEFULSET.replace('name: www\n', 'name: data\n')
  .replace('name: www\n', 'name: data\n')
  .replace('"standard"  # Use your storage class', '"fast-ssd"')
  .replace('storage: 1Gi', 'storage: 10Gi');

const FAST_SSD = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: fast-ssd
provisioner: pd.csi.storage.gke.io
parameters:
  type: pd-ssd
reclaimPolicy: Delete
volumeBindingMode: WaitForFirstConsumer
`;

// The seed's complete MySQL example, as printed; it mounts ConfigMap mysql-config, which the seed never creates.
const MYSQL = `apiVersion: v1
kind: Service
metadata:
  name: mysql
spec:
  clusterIP: None
  selector:
    app: mysql
  ports:
  - port: 3306
    name: mysql
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: mysql
spec:
  serviceName: mysql
  replicas: 3
  selector:
    matchLabels:
      app: mysql
  template:
    metadata:
      labels:
        app: mysql
    spec:
      containers:
      - name: mysql
        image: mysql:8.0
        env:
        - name: MYSQL_ROOT_PASSWORD
          value: "password"
        ports:
        - containerPort: 3306
          name: mysql
        volumeMounts:
        - name: data
          mountPath: /var/lib/mysql
        - name: config
          mountPath: /etc/mysql/conf.d
      volumes:
      - name: config
        configMap:
          name: mysql-config
  volumeClaimTemplates:
  - metadata:
      name: data
    spec:
      accessModes: [ "ReadWriteOnce" ]
      storageClassName: "standard"
      resources:
        requests:
          storage: 10Gi
`;

// The seed names a ConfigMap mysql-config without showing it: the stateful-app lesson's is used.
const MYSQL_CONFIG = readFileSync(join(__dirname, '../../lessons/09-stateful-app/files/mysql-config.yaml'), 'utf8');

let session: Session;
afterEach(() => session?.close());

describe('seed 003: the StatefulSet reference card', () => {
  it('replays every kubectl step as kubectl v1.32 prints it', async () => {
    session = createSession({ seed: 1, files: { 'statefulset.yaml': STATEFULSET } });
    const [actual, expected] = await seedLines(session, TRANSCRIPT);
    expect(actual).toEqual(expected);
  });

  it('names claims of a template called data after it, on the fast-ssd class, and shows them in describe, events and yaml', async () => {
    session = createSession({ seed: 1, files: { 'statefulset.yaml': DATA_ON_FAST_SSD, 'fast-ssd.yaml': FAST_SSD } });
    const [actual, expected] = await seedLines(session, DATA_TRANSCRIPT);
    expect(actual).toEqual(expected);
  });
});

// Differences from the seed, by design (reference README and k8s-behavior.md):
// - its PVC tables are cut to a few columns; v1.32 prints all of them;
// - its rollout status lines are kubectl 1.1x's; v1.32 prints "Waiting for partitioned roll out
//   to finish: ..." and repeats a line for each status write of the controller;
// - rollout pause/resume are refused for a StatefulSet;
// - describe pvc data-web-0 is NotFound: the claims of template www are www-web-N;
// - the watches show every update (each pod's scheduling as a second Pending row).
const TRANSCRIPT = golden('seed-003.txt');

const DATA_TRANSCRIPT = golden('seed-003-data.txt');

const BANNER = `Welcome to the MySQL monitor.  Commands end with ; or \\g.
Your MySQL connection id is 8
Server version: 8.0.40 MySQL Community Server - GPL

Copyright (c) 2000, 2024, Oracle and/or its affiliates.

Oracle is a registered trademark of Oracle Corporation and/or its
affiliates. Other names may be trademarks of their respective
owners.

Type 'help;' or '\\h' for help. Type '\\c' to clear the current input statement.

`;

const ITEMS = `+----+-------+
| id | name  |
+----+-------+
|  1 | apple |
|  2 | pear  |
+----+-------+
`;

describe('seed 003: connecting to a MySQL instance of the StatefulSet', () => {
  it('keeps rows written through mysql-client on mysql-0 after the pod is deleted, on its claim', async () => {
    session = createSession({ seed: 1, files: { 'mysql.yaml': MYSQL, 'mysql-config.yaml': MYSQL_CONFIG } });
    await session.exec('kubectl apply -f mysql-config.yaml');
    await session.exec('kubectl apply -f mysql.yaml');
    expect((await session.exec('kubectl rollout status sts/mysql', { waitMs: 120_000 })).exitCode).toBe(0);
    const run = await session.exec('kubectl run -it --rm mysql-client --image=mysql:8.0 --restart=Never -- mysql -h mysql-0.mysql.default.svc.cluster.local -p');
    expect({ output: run.output, prompt: run.prompt }).toEqual({ output: "If you don't see a command prompt, try pressing enter.\n", prompt: 'Enter password: ' });
    const typed: Array<[string, string, string]> = [
      ['password', BANNER, 'mysql> '],
      ['CREATE DATABASE shop;', 'Query OK, 1 row affected (0.01 sec)\n\n', 'mysql> '],
      ['USE shop;', 'Database changed\n', 'mysql> '],
      ['CREATE TABLE items (id INT AUTO_INCREMENT PRIMARY KEY,', '', '    -> '],
      ['name VARCHAR(50) NOT NULL);', 'Query OK, 0 rows affected (0.01 sec)\n\n', 'mysql> '],
      ["INSERT INTO items (name) VALUES ('apple'), ('pear');", 'Query OK, 2 rows affected (0.01 sec)\nRecords: 2  Duplicates: 0  Warnings: 0\n\n', 'mysql> '],
      ['SELECT * FROM items;', `${ITEMS}2 rows in set (0.00 sec)\n\n`, 'mysql> '],
      ['exit', 'Bye\npod "mysql-client" deleted\n', '$ '],
    ];
    for (const [line, output, prompt] of typed) {
      const r = await session.exec(line);
      expect({ line, output: r.output, prompt: r.prompt }).toEqual({ line, output, prompt });
    }
    expect((await session.exec('kubectl delete pod mysql-0')).output).toBe('pod "mysql-0" deleted\n');
    await session.advance(30_000);
    expect((await session.exec('kubectl rollout status sts/mysql', { waitMs: 120_000 })).exitCode).toBe(0);
    const again = await session.exec("kubectl exec -it mysql-0 -- mysql -uroot -ppassword -e 'SELECT id, name FROM shop.items ORDER BY id'");
    expect(again).toEqual({
      output: `mysql: [Warning] Using a password on the command line interface can be insecure.\n${ITEMS}`,
      exitCode: 0,
      running: false,
      prompt: '$ ',
    });
  });

  it("cannot reach mysql-0 while the seed's pods wait for their ConfigMap: the headless name does not resolve", async () => {
    session = createSession({ seed: 1, files: { 'mysql.yaml': MYSQL } });
    await session.exec('kubectl apply -f mysql.yaml');
    await session.advance(30_000);
    expect((await session.exec('kubectl run -it --rm mysql-client --image=mysql:8.0 --restart=Never -- mysql -h mysql-0.mysql.default.svc.cluster.local -p')).prompt).toBe('Enter password: ');
    const r = await session.exec('password');
    expect(r.output).toBe(
      "ERROR 2005 (HY000): Unknown MySQL server host 'mysql-0.mysql.default.svc.cluster.local' (-2)\n" + 'pod "mysql-client" deleted\npod default/mysql-client terminated (Error)\n',
    );
    expect(r.exitCode).toBe(1);
  });
});
