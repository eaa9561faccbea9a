/** busybox wget over the pod network: `wget -qO- URL`, or saving the file it names. */
import type { Program } from '../../program';
import { resolvePath } from '../../path';
import { parseUrl, podFetch } from './http-client';

export const wget: Program = async (io) => {
  let quiet = false;
  let output: string | undefined;
  let url: string | undefined;
  const argv = io.argv.slice(1);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-O') output = argv[++i];
    else if (a.startsWith('-O')) output = a.slice(2);
    else if (a === '-q') quiet = true;
    else if (a === '-qO' || a === '-qO-') {
      quiet = true;
      output = a === '-qO-' ? '-' : argv[++i];
    } else if (a === '-T' || a === '-U') i++;
    else if (!a.startsWith('-')) url = a;
  }
  if (!url) {
    io.stderr.write('BusyBox v1.36.1 multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n');
    return 1;
  }
  const parsed = parseUrl(url);
  if (!parsed) return 1;
  const outcome = await podFetch(io, parsed, 'GET', 'Wget');
  if (outcome.kind === 'unresolved') {
    io.stderr.write(`wget: bad address '${parsed.host}'\n`);
    return 1;
  }
  if (!quiet) io.stderr.write(`Connecting to ${parsed.hostHeader} (${outcome.ip}:${parsed.port})\n`);
  const { result } = outcome;
  if (!result.ok) {
    io.stderr.write(result.error === 'refused' ? `wget: can't connect to remote host (${outcome.ip}): Connection refused\n` : `wget: can't connect to remote host (${outcome.ip}): Connection timed out\n`);
    return 1;
  }
  const res = result.response;
  if (res.status >= 400) {
    io.stderr.write(`wget: server returned error: HTTP/1.1 ${res.status} ${res.statusText}\n`);
    return 1;
  }
  const file = output ?? (parsed.path.replace(/\/$/, '').split('/').pop() || 'index.html');
  const size = String(new TextEncoder().encode(res.body).length);
  if (file === '-') {
    if (!quiet) io.stderr.write('writing to stdout\n');
    io.stdout.write(res.body);
    if (!quiet) io.stderr.write(`-                    100% |********************************|  ${size.padStart(4)}  0:00:00 ETA\nwritten to stdout\n`);
    return 0;
  }
  if (!quiet) io.stderr.write(`saving to '${file}'\n`);
  io.fs.writeFile(resolvePath(io.cwd, file), res.body);
  if (!quiet) io.stderr.write(`${file.padEnd(20)} 100% |********************************|  ${size.padStart(4)}  0:00:00 ETA\n'${file}' saved\n`);
  return 0;
};
