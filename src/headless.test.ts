import { afterEach, describe, expect, it } from 'vitest';
import { createSession, type Session } from './headless';

let session: Session | undefined;
afterEach(() => session?.close());

describe('a headless lesson session', () => {
  it('logs what a command printed, not the screen of a full-screen program it runs', async () => {
    session = createSession({ lesson: '01-deployment-or-statefulset' });
    const shown = await session.exec('nano notes.txt');
    expect(shown.running).toBe(true);
    const row = (...items: string[]) => items.map((item) => item.padEnd(33)).join('').trimEnd();
    expect(shown.output).toBe(
      [
        `${'  GNU nano 7.2'.padEnd(95)}notes.txt`,
        ...Array<string>(46).fill(''),
        `${' '.repeat(94)}[ New File ]`,
        row('^G Help', '^O Write Out', '^W Where Is', '^K Cut', '^T Execute', '^C Location'),
        row('^X Exit', '^R Read File', '^\\ Replace', '^U Paste', '^J Justify', '^/ Go To Line'),
        '',
      ].join('\n'),
    );
    expect(session.lesson!.log.since(0)).toEqual([{ index: 0, line: 'nano notes.txt', output: '' }]);
  });
});
