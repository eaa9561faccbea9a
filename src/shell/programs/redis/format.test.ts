import { describe, expect, it } from 'vitest';
import { formatRaw, formatTty, splitLine } from './format';

const b = (value: string | null) => ({ type: 'bulk' as const, value });

describe('redis-cli reply formats', () => {
  it('prints the TTY form', () => {
    expect(formatTty({ type: 'status', value: 'OK' })).toBe('OK\n');
    expect(formatTty(b('v"1\n'))).toBe('"v\\"1\\n"\n');
    expect(formatTty(b(null))).toBe('(nil)\n');
    expect(formatTty({ type: 'integer', value: 3 })).toBe('(integer) 3\n');
    expect(formatTty({ type: 'array', value: [] })).toBe('(empty array)\n');
    expect(formatTty({ type: 'error', value: 'ERR x' })).toBe('(error) ERR x\n');
    const ten = Array.from({ length: 10 }, (_, i) => b(String(i)));
    expect(formatTty({ type: 'array', value: ten })).toBe(ten.map((x, i) => `${String(i + 1).padStart(2)}) "${x.value}"\n`).join(''));
    expect(formatTty({ type: 'array', value: [b('a'), { type: 'array', value: [b('x'), b('y')] }] })).toBe('1) "a"\n2) 1) "x"\n   2) "y"\n');
  });

  it('prints the raw form', () => {
    expect(formatRaw(b('v'))).toBe('v');
    expect(formatRaw(b(null))).toBe('');
    expect(formatRaw({ type: 'integer', value: 3 })).toBe('3');
    expect(formatRaw({ type: 'array', value: [b('a'), b('b')] })).toBe('a\nb');
    expect(formatRaw({ type: 'error', value: 'ERR x' })).toBe('ERR x');
  });

  it('splits lines with quotes as sdssplitargs does', () => {
    expect(splitLine('set k "a b\\n"')).toEqual(['set', 'k', 'a b\n']);
    expect(splitLine("set k 'x")).toBeUndefined();
  });
});
