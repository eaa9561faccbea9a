import { describe, it, expect } from 'vitest';
import { loadLocalPrograms, programDescriptions, programs } from './index';

describe('the workstation programs that load on first use', () => {
  it('has a description for every program it loads, and a program for every description', async () => {
    const loaded = await loadLocalPrograms();
    expect(Object.keys(programDescriptions).sort()).toEqual([...Object.keys(loaded), 'kubectl'].sort());
    expect(Object.keys(programs).sort()).toEqual(Object.keys(programDescriptions).sort());
  });
});
