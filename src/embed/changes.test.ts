import { describe, it, expect } from 'vitest';
import { showChange } from './changes';

const terminal = { lesson: undefined, step: undefined, mode: 'interactive' as const, script: [] };
const demo = { ...terminal, mode: 'show' as const, script: ['kubectl get nodes'] };

describe('showChange', () => {
  it('a terminal given a lesson, another lesson or none switches lesson on its own lab', () => {
    expect(showChange(terminal, { ...terminal, lesson: '03-scaling' })).toBe('lesson');
    expect(showChange({ ...terminal, lesson: '03-scaling' }, { ...terminal, lesson: '05-scaling', step: 'up' })).toBe('lesson');
    expect(showChange({ ...terminal, lesson: '03-scaling', step: 'up' }, terminal)).toBe('lesson');
  });

  it('a terminal given another step (or no step) of its lesson goes to that step', () => {
    const lesson = { ...terminal, lesson: '03-scaling' };
    expect(showChange(lesson, { ...lesson, step: 'down' })).toBe('step');
    expect(showChange({ ...lesson, step: 'down' }, lesson)).toBe('step');
  });

  it('a script set on a terminal the learner types in changes nothing', () => {
    expect(showChange(terminal, { ...terminal, script: ['ls'] })).toBe('none');
  });

  it('a demonstration plays again for a new script, lesson or step, and a mode change starts afresh', () => {
    expect(showChange(demo, { ...demo, script: ['ls'] })).toBe('restart');
    expect(showChange(demo, { ...demo, lesson: '03-scaling' })).toBe('restart');
    expect(showChange(demo, { ...demo, mode: 'interactive' })).toBe('restart');
    expect(showChange(terminal, { ...terminal, mode: 'show' })).toBe('restart');
  });

  it('the same demonstration does not play again', () => {
    expect(showChange(demo, { ...demo, script: ['kubectl get nodes'] })).toBe('none');
  });
});
