/** Files in the learner's home directory when a lab starts. */
export const STARTER_FILES: Record<string, string> = {
  'README.txt': `Welcome to kubelab: a simulated Kubernetes v1.32 cluster in your browser.

Try:
  kubectl get nodes
  kubectl apply -f web.yaml
  kubectl get pods -w -l app=nginx      (Ctrl-C stops watching)

Open a second terminal with "+" to watch in one and act in the other.
Tab completes commands, resource types and names.
`,
  // The StatefulSet from the Kubernetes "StatefulSet Basics" tutorial.
  'web.yaml': `apiVersion: v1
kind: Service
metadata:
  name: nginx
  labels:
    app: nginx
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
  serviceName: "nginx"
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
        ports:
        - containerPort: 80
          name: web
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
`,
};
