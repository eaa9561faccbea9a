import { RealClock } from './cluster/clock';
import { createLab } from './worker/create-lab';
import { kubelabHome, openFsVolumes } from './node/fs-volumes';

/** `npm run shell`: the same lab as the browser, in this terminal. Ctrl-D on an empty line twice, or Ctrl-\, quits. */
const clock = new RealClock({
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
});

const lab = createLab({
  seed: Number(process.env.KUBELAB_SEED ?? Date.now() % 100_000),
  clock,
  // Volume files are real files under $KUBELAB_HOME/volumes/<pid>/ (~/.kubelab by default) while this runs.
  storage: openFsVolumes({ home: kubelabHome(), session: String(process.pid), now: () => clock.now() }),
  fetchUrl: async (url) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`unable to read URL "${url}", server reported ${response.status} ${response.statusText}, status code=${response.status}`);
    return response.text();
  },
});

const out = process.stdout;
const terminal = lab.openTerminal(
  {
    output: (text) => out.write(text.replace(/\r?\n/g, '\r\n')),
    echo: (ansi) => out.write(ansi),
    clear: () => out.write('\x1b[H\x1b[2J\x1b[3J'),
  },
  { cols: out.columns ?? 120, rows: out.rows ?? 40 },
);

out.on('resize', () => terminal.resize(out.columns, out.rows));
if (process.stdin.isTTY) process.stdin.setRawMode(true);
process.stdin.setEncoding('utf8');
process.stdin.on('data', (data: string) => {
  if (data === '\x1c') quit();
  // Piped input ends lines with \n; a terminal sends \r for Enter.
  terminal.input(process.stdin.isTTY ? data : data.replace(/\r?\n/g, '\r'));
});
process.stdin.on('end', quit);

function quit(): void {
  lab.close();
  out.write('\r\n');
  process.exit(0);
}
