/**
 * redis-server's configuration from its command line, as loadServerConfig
 * reads it: an optional config file first, then `--name value …` options
 * appended to it; the docker image starts with no file (cwd /data).
 */

export interface RedisConfig {
  port: number;
  dir: string;
  dbfilename: string;
  appendonly: boolean;
  appendfilename: string;
  appenddirname: string;
  requirepass: string;
  /** Save points: [seconds, changes]. */
  save: Array<[number, number]>;
  databases: number;
  /** The server was started with a config file or options (else it warns it uses the defaults). */
  configured: boolean;
  /** The config file named on the command line, if any. */
  configFile?: string;
}

export const DEFAULT_SAVE: Array<[number, number]> = [
  [3600, 1],
  [300, 100],
  [60, 10000],
];

export type ParsedConfig = { ok: true; config: RedisConfig } | { ok: false; error: string[] };

/** Splits a config line as sdssplitargs does (double and single quotes). */
export function splitArgs(line: string): string[] | undefined {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && /\s/.test(line[i])) i++;
    if (i >= line.length) break;
    let cur = '';
    let quote: string | undefined;
    for (; i < line.length; i++) {
      const c = line[i];
      if (quote) {
        if (c === '\\' && quote === '"' && i + 1 < line.length) {
          const n = line[++i];
          cur += n === 'n' ? '\n' : n === 't' ? '\t' : n === 'r' ? '\r' : n;
        } else if (c === quote) {
          quote = undefined;
          if (i + 1 < line.length && !/\s/.test(line[i + 1])) return undefined;
        } else cur += c;
      } else if (c === '"' || c === "'") quote = c;
      else if (/\s/.test(c)) break;
      else cur += c;
    }
    if (quote) return undefined;
    out.push(cur);
  }
  return out;
}

const yesNo = (v: string): boolean | undefined => (v.toLowerCase() === 'yes' ? true : v.toLowerCase() === 'no' ? false : undefined);

/** Applies one directive; an error message when redis would reject it. */
function apply(c: RedisConfig, name: string, values: string[], saveSeen: { reset: boolean }): string | undefined {
  const v = values[0] ?? '';
  switch (name) {
    case 'port': {
      const n = Number(v);
      if (!/^\d+$/.test(v) || n > 65535) return 'argument couldn\'t be parsed into an integer';
      c.port = n;
      return;
    }
    case 'dir':
      c.dir = v.replace(/\/+$/, '') || '/';
      return;
    case 'dbfilename':
      c.dbfilename = v;
      return;
    case 'appendfilename':
      c.appendfilename = v;
      return;
    case 'appenddirname':
      c.appenddirname = v;
      return;
    case 'requirepass':
      c.requirepass = v;
      return;
    case 'databases':
      c.databases = Number(v) || 16;
      return;
    case 'appendonly': {
      const b = yesNo(v);
      if (b === undefined) return 'argument must be \'yes\' or \'no\'';
      c.appendonly = b;
      return;
    }
    case 'save': {
      // The first `save` line replaces the defaults; `save ""` turns snapshots off.
      if (!saveSeen.reset) (c.save = [], (saveSeen.reset = true));
      const parts = values.length === 1 ? v.split(/\s+/).filter(Boolean) : values;
      if (parts.length % 2 !== 0) return 'Invalid save parameters';
      for (let i = 0; i < parts.length; i += 2) c.save.push([Number(parts[i]), Number(parts[i + 1])]);
      return;
    }
    default:
      // Other directives are accepted and have no effect in kubelab.
      return;
  }
}

/**
 * The server's configuration from argv (after `redis-server`) and a reader
 * for the config file; an error in redis's `*** FATAL CONFIG FILE ERROR` form.
 */
export function parseServerArgs(args: string[], readFile: (path: string) => string | undefined, version = '7.2.5'): ParsedConfig {
  const c: RedisConfig = { port: 6379, dir: '/data', dbfilename: 'dump.rdb', appendonly: false, appendfilename: 'appendonly.aof', appenddirname: 'appendonlydir', requirepass: '', save: DEFAULT_SAVE.map((s) => [...s] as [number, number]), databases: 16, configured: args.length > 0 };
  let text = '';
  let rest = args;
  if (args[0] && !args[0].startsWith('-')) {
    c.configFile = args[0];
    const file = readFile(args[0]);
    if (file === undefined) return { ok: false, error: [`Fatal error, can't open config file '${args[0]}': No such file or directory`] };
    text = file + '\n';
    rest = args.slice(1);
  }
  // Options become config lines: `--save 60 1 --port 7000` → `save 60 1\nport 7000`.
  const lines: string[] = [];
  for (const a of rest) {
    if (a.startsWith('--')) lines.push(a.slice(2));
    else if (lines.length) lines[lines.length - 1] += ` "${a.replace(/(["\\])/g, '\\$1')}"`;
  }
  text += lines.join('\n');
  const saveSeen = { reset: false };
  const all = text.split('\n');
  for (let n = 0; n < all.length; n++) {
    const line = all[n].trim();
    if (line === '' || line.startsWith('#')) continue;
    const words = splitArgs(line);
    if (!words) return { ok: false, error: fatal(n + 1, line, 'Unbalanced quotes in configuration line', version) };
    const problem = apply(c, words[0].toLowerCase(), words.slice(1), saveSeen);
    if (problem) return { ok: false, error: fatal(n + 1, line, problem, version) };
  }
  return { ok: true, config: c };
}

function fatal(line: number, text: string, why: string, version: string): string[] {
  return ['', `*** FATAL CONFIG FILE ERROR (Redis ${version}) ***`, `Reading the configuration file, at line ${line}`, `>>> '${text}'`, why];
}
