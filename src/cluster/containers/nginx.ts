/** nginx in a container: serves its web root over the pod network, with its error pages and log lines. */
import type { ContainerInstance } from './runtime';
import { utf8Length } from '../storage/utf8';
import { MONTHS, WEEKDAYS } from '../calendar';

export interface HttpRequest {
  method: string;
  path: string;
  host: string;
  clientIP: string;
  userAgent: string;
}

export interface HttpResponse {
  status: number;
  statusText: string;
  headers: Array<[string, string]>;
  body: string;
}

const p2 = (n: number) => String(n).padStart(2, '0');

/** nginx's error-log time: 2024/12/12 10:00:00. */
export function errorLogTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
}

function accessLogTime(ms: number): string {
  const d = new Date(ms);
  return `${p2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`;
}

export function httpDate(ms: number): string {
  const d = new Date(ms);
  return `${WEEKDAYS[d.getUTCDay()]}, ${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} GMT`;
}

/** What the official image's entrypoint and nginx print as the container starts. */
export function nginxStartupLog(now: number, version: string): string[] {
  const t = errorLogTime(now);
  return [
    '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
    '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
    '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
    '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
    '/docker-entrypoint.sh: Configuration complete; ready for start up',
    `${t} [notice] 1#1: using the "epoll" event method`,
    `${t} [notice] 1#1: nginx/${version}`,
    `${t} [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) `,
    `${t} [notice] 1#1: OS: Linux 6.8.0-1017-gcp`,
    `${t} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576`,
    `${t} [notice] 1#1: start worker processes`,
    `${t} [notice] 1#1: start worker process 29`,
  ];
}

function errorPage(status: number, text: string, version: string): string {
  return `<html>\r\n<head><title>${status} ${text}</title></head>\r\n<body>\r\n<center><h1>${status} ${text}</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;
}

function contentType(path: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  const types: Record<string, string> = { html: 'text/html', htm: 'text/html', txt: 'text/plain', css: 'text/css', js: 'application/javascript', json: 'application/json', xml: 'text/xml', png: 'image/png' };
  return (ext && types[ext]) || 'application/octet-stream';
}

/** Serves one request from the container's web root and logs it as nginx does. */
export function nginxServe(c: ContainerInstance, req: HttpRequest, now: number): HttpResponse {
  const root = c.contents.webRoot!;
  const version = c.contents.serverVersion ?? '';
  let path = decodeURIComponent(req.path.split('?')[0] || '/');
  if (!path.startsWith('/')) path = '/' + path;
  const base: Array<[string, string]> = [['Server', `nginx/${version}`], ['Date', httpDate(now)]];
  const fail = (status: number, text: string, extra: Array<[string, string]> = []): HttpResponse => {
    const body = errorPage(status, text, version);
    return { status, statusText: text, headers: [...base, ['Content-Type', 'text/html'], ['Content-Length', String(utf8Length(body))], ['Connection', 'keep-alive'], ...extra], body };
  };
  let res: HttpResponse;
  let file = root + (path === '/' ? '' : path.replace(/\/$/, ''));
  const fs = c.fs;
  if (fs.exists(file) && fs.stat(file).type === 'dir') {
    if (!path.endsWith('/')) res = fail(301, 'Moved Permanently', [['Location', `http://${req.host}${path}/`]]);
    else if (fs.exists(`${file}/index.html`)) file = `${file}/index.html`;
    else {
      res = fail(403, 'Forbidden');
      c.log(`${errorLogTime(now)} [error] 29#29: *1 directory index of "${file}/" is forbidden, client: ${req.clientIP}, server: localhost, request: "${req.method} ${req.path} HTTP/1.1", host: "${req.host}"`);
    }
  }
  res ??= (() => {
    if (!fs.exists(file) || fs.stat(file).type !== 'file') {
      c.log(`${errorLogTime(now)} [error] 29#29: *1 open() "${file}" failed (2: No such file or directory), client: ${req.clientIP}, server: localhost, request: "${req.method} ${req.path} HTTP/1.1", host: "${req.host}"`);
      return fail(404, 'Not Found');
    }
    const body = fs.readFile(file);
    const st = fs.stat(file);
    const etag = `"${Math.floor(st.mtimeMs / 1000).toString(16)}-${utf8Length(body).toString(16)}"`;
    return {
      status: 200,
      statusText: 'OK',
      headers: [...base, ['Content-Type', contentType(file)], ['Content-Length', String(utf8Length(body))], ['Last-Modified', httpDate(st.mtimeMs)], ['Connection', 'keep-alive'], ['ETag', etag], ['Accept-Ranges', 'bytes']],
      body,
    };
  })();
  const sent = req.method === 'HEAD' ? 0 : utf8Length(res.body);
  c.log(`${req.clientIP} - - [${accessLogTime(now)}] "${req.method} ${req.path} HTTP/1.1" ${res.status} ${sent} "-" "${req.userAgent}" "-"`);
  return req.method === 'HEAD' ? { ...res, body: '' } : res;
}
