/** curl (7.88, as Debian bookworm ships it) over the pod network, or from the learner's machine. */
import type { Program, ProgramIO } from '../../program';
import { resolvePath } from '../../path';
import { parseUrl, podFetch, type FetchOutcome, type ParsedUrl } from './http-client';

const VERSION = '7.88.1';

/** How one request reaches its server: from inside a pod, or from the learner's machine. */
export type Fetcher = (io: ProgramIO, url: ParsedUrl, method: 'GET' | 'HEAD', userAgent: string) => Promise<FetchOutcome>;

export const makeCurl = (fetch: Fetcher): Program => async (io) => {
  let head = false, include = false, silent = false, fail = false;
  let output: string | undefined;
  let url: string | undefined;
  const argv = io.argv.slice(1);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-o' || a === '--output') output = argv[++i];
    else if (a === '-I' || a === '--head') head = true;
    else if (a === '-i' || a === '--include') include = true;
    else if (a === '-f' || a === '--fail') fail = true;
    else if (a === '-H' || a === '-X' || a === '-m' || a === '--connect-timeout' || a === '-A') i++;
    else if (a.startsWith('-') && !a.startsWith('--') && a.length > 1) {
      for (const ch of a.slice(1)) {
        if (ch === 's') silent = true;
        else if (ch === 'I') head = true;
        else if (ch === 'i') include = true;
        else if (ch === 'f') fail = true;
      }
    } else if (!a.startsWith('-')) url = a;
  }
  if (!url) {
    io.stderr.write("curl: try 'curl --help' or 'curl --manual' for more information\n");
    return 2;
  }
  const parsed = parseUrl(url);
  if (!parsed) {
    io.stderr.write(`curl: (3) URL using bad/illegal format or missing URL\n`);
    return 3;
  }
  const outcome = await fetch(io, parsed, head ? 'HEAD' : 'GET', `curl/${VERSION}`);
  if (outcome.kind === 'unresolved') {
    if (!silent) io.stderr.write(`curl: (6) Could not resolve host: ${parsed.host}\n`);
    return 6;
  }
  const { result } = outcome;
  if (!result.ok) {
    if (result.error === 'timeout') {
      await io.sleep(133_000);
      if (!silent) io.stderr.write(`curl: (28) Failed to connect to ${parsed.host} port ${parsed.port} after 133000 ms: Couldn't connect to server\n`);
      return 28;
    }
    if (!silent) io.stderr.write(`curl: (7) Failed to connect to ${parsed.host} port ${parsed.port} after 0 ms: Couldn't connect to server\n`);
    return 7;
  }
  const res = result.response;
  if (fail && res.status >= 400) {
    if (!silent) io.stderr.write(`curl: (22) The requested URL returned error: ${res.status}\n`);
    return 22;
  }
  const headers = `HTTP/1.1 ${res.status} ${res.statusText}\r\n${res.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
  const text = (head || include ? headers : '') + (head ? '' : res.body);
  if (output && output !== '-') {
    io.fs.writeFile(resolvePath(io.cwd, output), text);
    return 0;
  }
  io.stdout.write(text);
  return 0;
};

export const curl: Program = makeCurl(podFetch);
