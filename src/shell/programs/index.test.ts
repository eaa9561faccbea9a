import { describe, it, expect } from 'vitest';
import { COREUTILS_NAMES, EDITOR_NAMES, programs } from './index';
import { coreutils } from './coreutils/index';
import { editorPrograms } from './editor/index';
import { workstationNet } from './net/workstation';

describe('the workstation programs that load on first use', () => {
  it('lists every coreutils program under its name', () => {
    expect([...COREUTILS_NAMES].sort()).toEqual(Object.keys(coreutils).sort());
  });

  it('lists every editor under its name', () => {
    expect([...EDITOR_NAMES].sort()).toEqual(Object.keys(editorPrograms).sort());
  });

  it('offers the coreutils, the editors, curl and kubectl', () => {
    expect(Object.keys(programs).sort()).toEqual([...Object.keys(coreutils), ...Object.keys(editorPrograms), ...Object.keys(workstationNet), 'kubectl'].sort());
  });
});
