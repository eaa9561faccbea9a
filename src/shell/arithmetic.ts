/**
 * Bash arithmetic expansion, `$(( … ))`: integers only, C operator precedence,
 * unset or non-numeric names count as 0 — evaluated by a small parser, never eval.
 */
export class ArithmeticError extends Error {}

type Lookup = (name: string) => string | undefined;

/** Binary operators by precedence, loosest first. */
const BINARY: string[][] = [['||'], ['&&'], ['==', '!='], ['<=', '>=', '<', '>'], ['+', '-'], ['*', '/', '%']];

function apply(op: string, a: number, b: number, source: string): number {
  switch (op) {
    case '||': return Number(a !== 0 || b !== 0);
    case '&&': return Number(a !== 0 && b !== 0);
    case '==': return Number(a === b);
    case '!=': return Number(a !== b);
    case '<=': return Number(a <= b);
    case '>=': return Number(a >= b);
    case '<': return Number(a < b);
    case '>': return Number(a > b);
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '**': return a ** b;
    default:
      if (b === 0) throw new ArithmeticError(`${source}: division by 0 (error token is "${source.split(op).pop()?.trim() ?? ''}")`);
      return op === '/' ? Math.trunc(a / b) : a % b;
  }
}

export function evaluateArithmetic(source: string, lookup: Lookup): number {
  const tokens = source.match(/\*\*|\|\||&&|==|!=|<=|>=|[A-Za-z_][A-Za-z0-9_]*|\d+|\S/g) ?? [];
  let i = 0;
  const peek = () => tokens[i];

  function primary(): number {
    const t = tokens[i++];
    if (t === undefined) throw new ArithmeticError(`${source}: syntax error: operand expected (error token is "${source}")`);
    if (t === '(') {
      const v = binary(0);
      if (tokens[i++] !== ')') throw new ArithmeticError(`${source}: syntax error: missing ')'`);
      return v;
    }
    if (t === '-') return -primary();
    if (t === '+') return primary();
    if (t === '!') return Number(primary() === 0);
    if (/^\d+$/.test(t)) return Number(t);
    if (/^[A-Za-z_]/.test(t)) {
      const value = (lookup(t) ?? '').trim();
      return value === '' ? 0 : /^-?\d+$/.test(value) ? Number(value) : evaluateArithmetic(value, lookup);
    }
    throw new ArithmeticError(`${source}: syntax error: operand expected (error token is "${tokens.slice(i - 1).join(' ')}")`);
  }

  function power(): number {
    const base = primary();
    if (peek() === '**') {
      i++;
      return apply('**', base, power(), source);
    }
    return base;
  }

  function binary(level: number): number {
    if (level >= BINARY.length) return power();
    let left = binary(level + 1);
    while (BINARY[level].includes(peek() ?? '')) {
      const op = tokens[i++];
      left = apply(op, left, binary(level + 1), source);
    }
    return left;
  }

  const value = binary(0);
  if (i < tokens.length) {
    throw new ArithmeticError(`${source}: syntax error in expression (error token is "${tokens.slice(i).join(' ')}")`);
  }
  return value;
}
