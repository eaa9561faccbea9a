/**
 * Field-by-field validation of parsed YAML that collects every problem as
 * "<file>: <path>.<field>: <message>", so an author sees all mistakes at once.
 */
export class LessonValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'LessonValidationError';
  }
}

export type Raw = Record<string, unknown>;

export function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads fields of one mapping at one path, recording problems instead of throwing. */
export class Fields {
  constructor(
    readonly file: string,
    readonly path: string,
    readonly raw: Raw,
    readonly problems: string[],
  ) {}

  /** A nested mapping's reader (path "steps[2]" → "steps[2].checks[0]"). */
  child(path: string, raw: Raw): Fields {
    return new Fields(this.file, this.at(path), raw, this.problems);
  }

  at(field: string): string {
    if (!this.path) return field;
    return field.startsWith('[') ? `${this.path}${field}` : `${this.path}.${field}`;
  }

  problem(field: string, message: string): void {
    this.problems.push(`${this.file}: ${this.at(field)}: ${message}`);
  }

  /** Flags keys the format does not know (a typo would otherwise be ignored silently). */
  only(known: string[]): void {
    for (const key of Object.keys(this.raw)) {
      if (!known.includes(key)) this.problem(key, `unknown field (expected one of: ${known.join(', ')})`);
    }
  }

  has(field: string): boolean {
    return this.raw[field] !== undefined && this.raw[field] !== null;
  }

  string(field: string, required: true): string;
  string(field: string, required?: false): string | undefined;
  string(field: string, required = false): string | undefined {
    const value = this.raw[field];
    if (value === undefined || value === null) {
      if (required) this.problem(field, 'required');
      return required ? '' : undefined;
    }
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (typeof value !== 'string') {
      this.problem(field, 'must be a string');
      return required ? '' : undefined;
    }
    if (required && value.trim() === '') this.problem(field, 'must not be empty');
    return value;
  }

  number(field: string, required: true): number;
  number(field: string, required?: false): number | undefined;
  number(field: string, required = false): number | undefined {
    const value = this.raw[field];
    if (value === undefined || value === null) {
      if (required) this.problem(field, 'required');
      return required ? 0 : undefined;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.problem(field, 'must be a number');
      return required ? 0 : undefined;
    }
    return value;
  }

  boolean(field: string): boolean | undefined {
    const value = this.raw[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'boolean') {
      this.problem(field, 'must be true or false');
      return undefined;
    }
    return value;
  }

  oneOf<T extends string>(field: string, allowed: readonly T[], required: true): T;
  oneOf<T extends string>(field: string, allowed: readonly T[], required?: false): T | undefined;
  oneOf<T extends string>(field: string, allowed: readonly T[], required = false): T | undefined {
    const value = required ? this.string(field, true) : this.string(field);
    if (value === undefined || (required && value === '')) return required ? allowed[0] : undefined;
    if (!allowed.includes(value as T)) {
      this.problem(field, `must be one of: ${allowed.join(', ')} (got "${value}")`);
      return required ? allowed[0] : undefined;
    }
    return value as T;
  }

  /** A list of non-empty strings; a single string is not accepted (authors mean a list). */
  strings(field: string): string[] {
    const value = this.raw[field];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.problem(field, 'must be a list');
      return [];
    }
    const out: string[] = [];
    value.forEach((item, i) => {
      if (typeof item !== 'string' || item.trim() === '') this.problem(`${field}[${i}]`, 'must be a non-empty string');
      else out.push(item);
    });
    return out;
  }

  /** A list of mappings, each handed to `each` with its own reader. */
  records<T>(field: string, each: (item: Fields, index: number) => T | undefined): T[] {
    const value = this.raw[field];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.problem(field, 'must be a list');
      return [];
    }
    const out: T[] = [];
    value.forEach((item, i) => {
      if (!isRecord(item)) {
        this.problem(`${field}[${i}]`, 'must be a mapping');
        return;
      }
      const result = each(this.child(`${field}[${i}]`, item), i);
      if (result !== undefined) out.push(result);
    });
    return out;
  }

  /** A regular expression source that compiles. */
  regex(field: string, required: true): string;
  regex(field: string, required?: false): string | undefined;
  regex(field: string, required = false): string | undefined {
    const value = required ? this.string(field, true) : this.string(field);
    if (value === undefined) return undefined;
    try {
      new RegExp(value);
    } catch (e) {
      this.problem(field, `not a valid regular expression: ${(e as Error).message}`);
    }
    return value;
  }
}
