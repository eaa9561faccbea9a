/** The root file tree a container starts from: the image's files plus what the kubelet writes into /etc. */
import type { ImageContents } from '../images/contents';
import { MemoryTree } from '../storage/memory-tree';

export const NGINX_INDEX = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

const NGINX_50X = `<!DOCTYPE html>
<html>
<head>
<title>Error</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>An error occurred.</h1>
<p>Sorry, the page you are looking for is currently unavailable.<br/>
Please try again later.</p>
<p>If you are the system administrator of this resource then you should check
the error log for details.</p>
<p><em>Faithfully yours, nginx.</em></p>
</body>
</html>
`;

const ROOT_DIRS = ['/bin', '/dev', '/etc', '/home', '/proc', '/root', '/sbin', '/sys', '/tmp', '/usr/bin', '/usr/local/bin', '/usr/sbin', '/var/log', '/var/tmp'];

export interface KubeletFiles {
  hostname: string;
  /** `<hostname>.<subdomain>.<ns>.svc.cluster.local` when the pod has a subdomain. */
  fqdn?: string;
  podIP: string;
  searches: string[];
  nameserver: string;
}

/** The kubelet's managed /etc/hosts (kubelet_pods.go managedHostsFileContent). */
export function hostsFile(f: KubeletFiles): string {
  const own = f.fqdn ? `${f.podIP}\t${f.fqdn}\t${f.hostname}` : `${f.podIP}\t${f.hostname}`;
  return `# Kubernetes-managed hosts file.
127.0.0.1\tlocalhost
::1\tlocalhost ip6-localhost ip6-loopback
fe00::0\tip6-localnet
fe00::0\tip6-mcastprefix
fe00::1\tip6-allnodes
fe00::2\tip6-allrouters
${own}
`;
}

export function resolvConf(f: KubeletFiles): string {
  return `search ${f.searches.join(' ')}\nnameserver ${f.nameserver}\noptions ndots:5\n`;
}

export function buildImageFs(contents: ImageContents, files: KubeletFiles, now: () => number, onChange?: () => void): MemoryTree {
  const fs = new MemoryTree(now, onChange);
  for (const d of ROOT_DIRS) fs.mkdir(d, { recursive: true });
  // Busybox applets live in /bin; Debian puts most programs in /usr/bin.
  const binDir = contents.prompt === 'ash' ? '/bin' : '/usr/bin';
  for (const s of contents.shells) fs.writeFile(`/bin/${s}`, '');
  for (const p of contents.programs) fs.writeFile(`${binDir}/${p}`, '');
  if (contents.osRelease) fs.writeFile('/etc/os-release', contents.osRelease);
  fs.writeFile('/etc/hostname', files.hostname + '\n');
  fs.writeFile('/etc/hosts', hostsFile(files));
  fs.writeFile('/etc/resolv.conf', resolvConf(files));
  fs.writeFile('/etc/passwd', 'root:x:0:0:root:/root:/bin/' + (contents.shells.includes('bash') ? 'bash' : 'sh') + '\n');
  if (contents.workingDir) fs.mkdir(contents.workingDir, { recursive: true });
  if (contents.webRoot) {
    fs.mkdir(contents.webRoot, { recursive: true });
    fs.writeFile(`${contents.webRoot}/index.html`, NGINX_INDEX);
    fs.writeFile(`${contents.webRoot}/50x.html`, NGINX_50X);
    fs.mkdir('/etc/nginx/conf.d', { recursive: true });
    fs.mkdir('/var/log/nginx', { recursive: true });
    fs.writeFile('/var/log/nginx/access.log', '');
    fs.writeFile('/var/log/nginx/error.log', '');
  }
  return fs;
}
