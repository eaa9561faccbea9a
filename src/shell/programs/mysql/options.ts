/** The mysql client's command line (my_getopt: `-uroot`, `-u root`, `--user=root`, `-p[PASS]`, a database argument). */

export interface MysqlOptions {
  host?: string;
  user: string;
  /** undefined: no password; '': prompt for one (-p alone). */
  password?: string;
  /** The password came on the command line (warned about). */
  passwordOnCommandLine: boolean;
  port: number;
  database?: string;
  execute?: string;
  vertical: boolean;
  table: boolean;
  batch: boolean;
  skipColumnNames: boolean;
}

export type ParsedOptions = { ok: true; options: MysqlOptions } | { ok: false; error: string };

const WITH_VALUE: Record<string, keyof MysqlOptions> = { h: 'host', u: 'user', P: 'port', D: 'database', e: 'execute' };
const LONG: Record<string, keyof MysqlOptions> = { host: 'host', user: 'user', port: 'port', database: 'database', execute: 'execute' };

export function parseOptions(args: string[]): ParsedOptions {
  const o: MysqlOptions = { user: 'root', port: 3306, passwordOnCommandLine: false, vertical: false, table: false, batch: false, skipColumnNames: false };
  const set = (key: keyof MysqlOptions, value: string) => {
    if (key === 'port') o.port = Number(value);
    else (o as unknown as Record<string, unknown>)[key] = value;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('--')) {
      const [name, value] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      if (name === 'password') {
        o.password = value ?? '';
        o.passwordOnCommandLine = value !== undefined;
      } else if (LONG[name]) {
        const v = value ?? args[++i];
        if (v === undefined) return { ok: false, error: `mysql: [ERROR] mysql: option '--${name}' requires an argument.` };
        set(LONG[name], v);
      } else if (name === 'vertical') o.vertical = true;
      else if (name === 'table') o.table = true;
      else if (name === 'batch' || name === 'silent') o.batch = true;
      else if (name === 'skip-column-names') o.skipColumnNames = true;
      else if (name === 'protocol' || name === 'default-character-set' || name === 'connect-timeout') {
        if (value === undefined) i++;
      } else return { ok: false, error: `mysql: [ERROR] unknown option '--${name}'.` };
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let k = 1; k < a.length; k++) {
        const f = a[k];
        if (f === 'p') {
          const rest = a.slice(k + 1);
          o.password = rest;
          o.passwordOnCommandLine = rest !== '';
          break;
        }
        const key = WITH_VALUE[f];
        if (key) {
          const rest = a.slice(k + 1);
          const v = rest !== '' ? rest : args[++i];
          if (v === undefined) return { ok: false, error: `mysql: [ERROR] mysql: option '-${f}' requires an argument.` };
          set(key, v);
          break;
        }
        if (f === 'E') o.vertical = true;
        else if (f === 't') o.table = true;
        else if (f === 'B' || f === 's') o.batch = true;
        else if (f === 'N') o.skipColumnNames = true;
        else return { ok: false, error: `mysql: [ERROR] unknown option '-${f}'.` };
      }
      continue;
    }
    o.database = a;
  }
  return { ok: true, options: o };
}
