import { describe, it, expect } from 'vitest';
import { DEFAULT_HEIGHT, optionsFromQuery, parseHeight, parseLanguage, parseOptions, parseScript, parseSpeed } from './options';

const from = (attrs: Record<string, string>, child?: string) => parseOptions((name) => attrs[name] ?? null, child);

describe('widget options', () => {
  it('a bare widget is an interactive dark terminal of the default height, in English, at normal speed', () => {
    expect(from({})).toEqual({
      lesson: undefined,
      step: undefined,
      height: DEFAULT_HEIGHT,
      theme: 'dark',
      mode: 'interactive',
      script: [],
      language: 'en',
      speed: 1,
    });
  });

  it('reads lesson, step, height, theme, language and speed from attributes', () => {
    expect(from({ lesson: '02-first-statefulset', step: 'inspect', height: '480', theme: 'Light', lang: 'zh-CN', speed: '10' })).toEqual({
      lesson: '02-first-statefulset',
      step: 'inspect',
      height: '480px',
      theme: 'light',
      mode: 'interactive',
      script: [],
      language: 'zh-CN',
      speed: 10,
    });
  });

  it('ignores lesson and step ids that are not lesson ids', () => {
    expect(from({ lesson: '../etc', step: 'Step One' })).toMatchObject({ lesson: undefined, step: undefined });
  });

  it('an unknown theme is dark', () => {
    expect(from({ theme: 'solarized' }).theme).toBe('dark');
  });

  it('a script makes a show-me widget; the script attribute wins over a child script', () => {
    expect(from({ script: 'kubectl get pods' }, 'ls')).toMatchObject({ mode: 'show', script: ['kubectl get pods'] });
    expect(from({}, '\n  kubectl get nodes\n  ls\n')).toMatchObject({ mode: 'show', script: ['kubectl get nodes', 'ls'] });
  });

  it('mode=interactive keeps the keyboard even with a script; mode=show without one plays nothing', () => {
    expect(from({ script: 'ls', mode: 'interactive' }).mode).toBe('interactive');
    expect(from({ mode: 'show' })).toMatchObject({ mode: 'show', script: [] });
    expect(from({ show: '' }).mode).toBe('show');
  });

  it('the iframe page reads the same options from its query string', () => {
    expect(optionsFromQuery('?lesson=03-scaling&height=40vh&theme=light&mode=show&script=kubectl%20get%20sts%0Aecho%20hi')).toEqual({
      lesson: '03-scaling',
      step: undefined,
      height: '40vh',
      theme: 'light',
      mode: 'show',
      script: ['kubectl get sts', 'echo hi'],
      language: 'en',
      speed: 1,
    });
  });
});

describe('parseHeight', () => {
  it('takes a number as pixels and passes plain CSS lengths', () => {
    expect(['300', '12.5', '420px', '30em', '50vh', '100%'].map(parseHeight)).toEqual(['300px', '12.5px', '420px', '30em', '50vh', '100%']);
  });

  it('falls back to the default for anything that is not a plain length', () => {
    expect(['', 'auto', '10px; color: red', 'calc(100% - 2px)', '-5px', 'big'].map(parseHeight)).toEqual(Array(6).fill(DEFAULT_HEIGHT));
    expect(parseHeight(null)).toBe(DEFAULT_HEIGHT);
  });
});

describe('parseScript', () => {
  it('keeps one command per line, without blank lines, comments or a leading "$ " prompt', () => {
    expect(parseScript('# set up\n$ kubectl apply -f web.yaml\n\n   kubectl get pods -w  \r\n#done')).toEqual([
      'kubectl apply -f web.yaml',
      'kubectl get pods -w',
    ]);
  });

  it('an empty script has no commands', () => {
    expect(parseScript('  \n \n')).toEqual([]);
  });
});

describe('parseSpeed', () => {
  it('accepts 0 to 100 and treats anything else as 1', () => {
    expect(['0', '10', '100', '2.5', '101', '-1', 'fast', ''].map(parseSpeed)).toEqual([0, 10, 100, 2.5, 1, 1, 1, 1]);
    expect(parseSpeed(null)).toBe(1);
  });
});

describe('parseLanguage', () => {
  it('takes any Chinese tag as zh-CN, as the app does, and anything else as English', () => {
    expect(['zh-CN', 'zh-cn', ' zh ', 'zh-Hans', 'zhx', 'en', 'en-GB', 'fr', ''].map(parseLanguage)).toEqual([
      'zh-CN', 'zh-CN', 'zh-CN', 'zh-CN', 'zh-CN', 'en', 'en', 'en', 'en',
    ]);
    expect(parseLanguage(null)).toBe('en');
  });
});
