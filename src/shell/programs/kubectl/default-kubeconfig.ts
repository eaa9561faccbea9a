/** kubeadm's admin.conf shape, written to a new workstation's ~/.kube/config (kept free of imports so the shell can load it without kubectl). */
const CA_DATA =
  'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURCVENDQWUyZ0F3SUJBZ0lJS3ViZUxhYkNBMHdEUVlKS29aSWh2Y05BUUVMQlFBd0ZURVRNQkVHQTFVRQpBeE1LYTNWaVpYSnVaWFJsY3pBZUZ3MHlOakF4TURFd01EQXdNREJhRncwek5qQXhNREV3TURBd01EQmFNQlV4CkV6QVJCZ05WQkFNVENtdDFZbVZ5Ym1WMFpYTXdnZ0VpTUEwR0NTcUdTSWIzRFFFQkFRVUFBNElCRHdBd2dnRUsKLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=';
const CERT_DATA =
  'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURLVENDQWhHZ0F3SUJBZ0lJS3ViZUxhYkFkbTB3RFFZSktvWklodmNOQVFFTEJRQXdGVEVUTUJFR0ExVUUKQXhNS2EzVmlaWEp1WlhSbGN6QWVGdzB5TmpBeE1ERXdNREF3TURCYUZ3MHlOekF4TURFd01EQXdNREJhTUR3eApIekFkQmdOVkJBb1RGbXQxWW1WaFpHMDZZMngxYzNSbGNpMWhaRzFwYm5NeEdUQVhCZ05WQkFNVEVHdDFZbVZ5Ci0tLS0tRU5EIENFUlRJRklDQVRFLS0tLS0K';
const KEY_DATA =
  'LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpNSUlFcEFJQkFBS0NBUUVBa3ViZUxhYk5vdEFSZWFsS2V5SnVzdFR1dG9yaWFsRGF0YUZvclRoZVNpbXVsYXRlZApDbHVzdGVyQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBCi0tLS0tRU5EIFJTQSBQUklWQVRFIEtFWS0tLS0tCg==';

export const DEFAULT_KUBECONFIG = `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: ${CA_DATA}
    server: https://172.18.0.2:6443
  name: kubernetes
contexts:
- context:
    cluster: kubernetes
    user: kubernetes-admin
  name: kubernetes-admin@kubernetes
current-context: kubernetes-admin@kubernetes
kind: Config
preferences: {}
users:
- name: kubernetes-admin
  user:
    client-certificate-data: ${CERT_DATA}
    client-key-data: ${KEY_DATA}
`;
