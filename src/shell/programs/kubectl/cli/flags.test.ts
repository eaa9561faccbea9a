import { describe, expect, it } from 'vitest';
import { FlagSet, Flags } from './flags';

const set = () =>
  new FlagSet([
    { name: 'namespace', short: 'n', type: 'string' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'watch', short: 'w', type: 'bool' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'replicas', type: 'int' },
    { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background' },
    { name: 'label-columns', short: 'L', type: 'stringSlice' },
  ]);

describe('pflag-style parsing', () => {
  it('accepts every value form and interleaves flags with arguments', () => {
    const f = new Flags(set().parse(['get', '-nns1', 'pods', '-lapp=nginx', '--replicas=3', '-wA', '-L', 'a,b', '-L=c']));
    expect([f.string('namespace'), f.string('selector'), f.int('replicas'), f.bool('watch'), f.bool('all-namespaces')]).toEqual(['ns1', 'app=nginx', 3, true, true]);
    expect(f.list('label-columns')).toEqual(['a', 'b', 'c']);
    expect(f.args).toEqual(['get', 'pods']);
  });

  it('stops at -- and records where', () => {
    const p = set().parse(['exec', 'web-0', '--', 'ls', '-l']);
    expect(p.args).toEqual(['exec', 'web-0', 'ls', '-l']);
    expect(p.argsLenAtDash).toBe(2);
  });

  it('uses the no-option default when a value-optional flag has no =', () => {
    expect(new Flags(set().parse(['--cascade', 'x'])).string('cascade')).toBe('background');
  });

  it('reports pflag errors', () => {
    expect(() => set().parse(['--foo'])).toThrow('unknown flag: --foo');
    expect(() => set().parse(['-z'])).toThrow("unknown shorthand flag: 'z' in -z");
    expect(() => set().parse(['-n'])).toThrow("flag needs an argument: 'n' in -n");
    expect(() => set().parse(['--replicas=x'])).toThrow('invalid argument "x" for "--replicas" flag: strconv.ParseInt: parsing "x": invalid syntax');
  });
});
