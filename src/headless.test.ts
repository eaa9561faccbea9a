import { afterEach, describe, expect, it } from 'vitest';
import { createSession, type Session } from './headless';

let session: Session | undefined;
afterEach(() => session?.close());

describe('a headless lesson session', () => {
  it('logs what a command printed, not the screen of a full-screen program it runs', async () => {
    session = createSession({ lesson: '01-deployment-or-statefulset' });
    const shown = await session.exec('nano notes.txt');
    expect(shown.running).toBe(true);
    expect(shown.output).not.toBe('');
    expect(session.lesson!.log.since(0)).toEqual([{ index: 0, line: 'nano notes.txt', output: '' }]);
  });
});
