/**
 * spf13/pflag parsing as kubectl's commands see it: `--f=v`, `--f v`, `-f v`,
 * `-fv`, `-f=v`, combined bool shorthands, `--` ends flags, flags and
 * arguments interleave. Errors carry pflag's texts.
 */
export type FlagType = 'bool' | 'string' | 'int' | 'stringArray' | 'stringSlice';

export interface FlagSpec {
  name: string;
  short?: string;
  type: FlagType;
  /** Value used when the flag is given without `=value` (pflag NoOptDefVal); bools use 'true'. */
  noOptDefault?: string;
  default?: string | number | boolean | string[];
  usage?: string;
  /** Shown in help as `--name=...`; hidden flags are parsed but not listed. */
  hidden?: boolean;
}

export type FlagValue = string | number | boolean | string[];

export class FlagError extends Error {}

export interface ParsedFlags {
  values: Map<string, FlagValue>;
  changed: Set<string>;
  args: string[];
  /** Number of positional args before `--`, or -1. */
  argsLenAtDash: number;
}

function parseBool(raw: string, display: string): boolean {
  const t = ['1', 't', 'T', 'TRUE', 'true', 'True'];
  const f = ['0', 'f', 'F', 'FALSE', 'false', 'False'];
  if (t.includes(raw)) return true;
  if (f.includes(raw)) return false;
  throw new FlagError(`invalid argument "${raw}" for "${display}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`);
}

function parseInt64(raw: string, display: string): number {
  if (!/^[+-]?\d+$/.test(raw.trim()) || raw.trim() !== raw) {
    throw new FlagError(`invalid argument "${raw}" for "${display}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`);
  }
  return Number(raw);
}

/** Splits a stringSlice value like pflag (CSV, no quoting support needed here). */
function splitSlice(raw: string): string[] {
  return raw === '' ? [] : raw.split(',');
}

export class FlagSet {
  private byName = new Map<string, FlagSpec>();
  private byShort = new Map<string, FlagSpec>();

  constructor(specs: FlagSpec[]) {
    for (const s of specs) this.add(s);
  }

  add(spec: FlagSpec): void {
    this.byName.set(spec.name, spec);
    if (spec.short) this.byShort.set(spec.short, spec);
  }

  lookup(name: string): FlagSpec | undefined {
    return this.byName.get(name);
  }

  lookupShort(short: string): FlagSpec | undefined {
    return this.byShort.get(short);
  }

  specs(): FlagSpec[] {
    return [...this.byName.values()];
  }

  /** Whether `--name`/`-x` consumes the next argument (used to find the command word). */
  takesValue(arg: string): boolean {
    if (arg.startsWith('--')) {
      if (arg.includes('=')) return false;
      const spec = this.byName.get(arg.slice(2));
      return Boolean(spec && spec.type !== 'bool' && spec.noOptDefault === undefined);
    }
    if (arg.startsWith('-') && arg.length === 2) {
      const spec = this.byShort.get(arg[1]);
      return Boolean(spec && spec.type !== 'bool' && spec.noOptDefault === undefined);
    }
    return false;
  }

  parse(argv: string[]): ParsedFlags {
    const values = new Map<string, FlagValue>();
    const changed = new Set<string>();
    const args: string[] = [];
    let argsLenAtDash = -1;
    for (const s of this.byName.values()) {
      if (s.default !== undefined) values.set(s.name, Array.isArray(s.default) ? [...s.default] : s.default);
      else values.set(s.name, s.type === 'bool' ? false : s.type === 'int' ? 0 : s.type === 'string' ? '' : []);
    }
    const set = (spec: FlagSpec, raw: string, display: string) => {
      let value: FlagValue;
      const prev = values.get(spec.name);
      switch (spec.type) {
        case 'bool':
          value = parseBool(raw, display);
          break;
        case 'int':
          value = parseInt64(raw, display);
          break;
        case 'string':
          value = raw;
          break;
        case 'stringArray':
          value = changed.has(spec.name) ? [...(prev as string[]), raw] : [raw];
          break;
        case 'stringSlice':
          value = changed.has(spec.name) ? [...(prev as string[]), ...splitSlice(raw)] : splitSlice(raw);
          break;
      }
      values.set(spec.name, value);
      changed.add(spec.name);
    };

    for (let i = 0; i < argv.length; i++) {
      const a = argv[i];
      if (a === '--') {
        argsLenAtDash = args.length;
        args.push(...argv.slice(i + 1));
        break;
      }
      if (a.startsWith('--') && a.length > 2) {
        const eq = a.indexOf('=');
        const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
        const spec = this.byName.get(name);
        if (!spec) throw new FlagError(`unknown flag: --${name}`);
        const display = `--${name}`;
        if (eq >= 0) set(spec, a.slice(eq + 1), display);
        else if (spec.type === 'bool') set(spec, 'true', display);
        else if (spec.noOptDefault !== undefined) set(spec, spec.noOptDefault, display);
        else if (i + 1 < argv.length) set(spec, argv[++i], display);
        else throw new FlagError(`flag needs an argument: --${name}`);
        continue;
      }
      if (a.startsWith('-') && a.length > 1 && a !== '-') {
        let rest = a.slice(1);
        while (rest.length > 0) {
          const c = rest[0];
          const spec = this.byShort.get(c);
          if (!spec) throw new FlagError(`unknown shorthand flag: '${c}' in ${a}`);
          const display = `-${c}, --${spec.name}`;
          if (rest.length > 2 && rest[1] === '=') {
            set(spec, rest.slice(2), display);
            rest = '';
          } else if (spec.type === 'bool' || spec.noOptDefault !== undefined) {
            set(spec, spec.type === 'bool' ? 'true' : spec.noOptDefault!, display);
            rest = rest.slice(1);
          } else if (rest.length > 1) {
            set(spec, rest.slice(1), display);
            rest = '';
          } else if (i + 1 < argv.length) {
            set(spec, argv[++i], display);
            rest = '';
          } else {
            throw new FlagError(`flag needs an argument: '${c}' in -${c}`);
          }
        }
        continue;
      }
      args.push(a);
    }
    return { values, changed, args, argsLenAtDash };
  }
}

/** Typed reads of parsed flags. */
export class Flags {
  constructor(private readonly parsed: ParsedFlags) {}
  get args(): string[] {
    return this.parsed.args;
  }
  get argsLenAtDash(): number {
    return this.parsed.argsLenAtDash;
  }
  string(name: string): string {
    return String(this.parsed.values.get(name) ?? '');
  }
  bool(name: string): boolean {
    return Boolean(this.parsed.values.get(name));
  }
  int(name: string): number {
    return Number(this.parsed.values.get(name) ?? 0);
  }
  list(name: string): string[] {
    const v = this.parsed.values.get(name);
    return Array.isArray(v) ? v : [];
  }
  changed(name: string): boolean {
    return this.parsed.changed.has(name);
  }
}
