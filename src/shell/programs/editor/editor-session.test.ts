import { afterEach, describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../../headless';

// Headless terminals are 200×50; in full screen, exec types the line's keys then Enter and shows the screen.
const HELP_ITEM_WIDTH = 33;
const helpLine = (items: string[]) => items.map((i) => i.padEnd(HELP_ITEM_WIDTH)).join('').trimEnd();
const NANO_HELP = [
  helpLine(['^G Help', '^O Write Out', '^W Where Is', '^K Cut', '^T Execute', '^C Location']),
  helpLine(['^X Exit', '^R Read File', '^\\ Replace', '^U Paste', '^J Justify', '^/ Go To Line']),
];
const centered = (text: string) => ' '.repeat(Math.floor((200 - text.length) / 2)) + text;

function nanoScreen(name: string, text: string[], status: string, options: { modified?: boolean; help?: string[] } = {}): string {
  const title = '  GNU nano 7.2'.padEnd(Math.floor((200 - name.length) / 2)) + name;
  const rows = [options.modified ? title.padEnd(190) + 'Modified' : title, ...text, ...Array<string>(46 - text.length).fill(''), status, ...(options.help ?? NANO_HELP)];
  return rows.join('\n') + '\n';
}

function viScreen(text: string[], status: string): string {
  // A blank last row is trimmed like any trailing blank row.
  return [...text, ...Array<string>(49 - text.length).fill('~'), ...(status ? [status] : [])].join('\n') + '\n';
}

let session: Session;
afterEach(() => session.close());

const open = (files: Record<string, string>) => (session = createSession({ files }));

describe('nano', () => {
  it('opens a file, saves it with ^O under the name it shows, and exits with ^X', async () => {
    open({ 'notes.txt': 'hello\nworld\n' });
    expect(await session.exec('nano notes.txt')).toEqual({ output: nanoScreen('notes.txt', ['hello', 'world'], centered('[ Read 2 lines ]')), exitCode: 0, running: true, prompt: '' });
    expect((await session.exec('top')).output).toBe(nanoScreen('notes.txt', ['top', 'hello', 'world'], '', { modified: true }));
    expect((await session.exec('\x0f')).output).toBe(nanoScreen('notes.txt', ['top', 'hello', 'world'], centered('[ Wrote 3 lines ]')));
    expect(await session.exec('\x18')).toEqual({ output: '', exitCode: 0, running: false, prompt: '$ ' });
    expect((await session.exec('cat notes.txt')).output).toBe('top\nhello\nworld\n');
  });

  it('asks whether to save a modified buffer on ^X; N leaves the file as it was', async () => {
    open({ 'notes.txt': 'hello\n' });
    await session.exec('nano notes.txt');
    await session.exec('x');
    expect((await session.exec('\x18')).output).toBe(
      nanoScreen('notes.txt', ['x', 'hello'], 'Save modified buffer?', { modified: true, help: [' Y Yes', helpLine([' N No', '^C Cancel'])] }),
    );
    expect(await session.exec('n')).toEqual({ output: '', exitCode: 0, running: false, prompt: '$ ' });
    expect((await session.exec('cat notes.txt')).output).toBe('hello\n');
  });

  it('saves on Y at the exit question after confirming the file name', async () => {
    open({ 'notes.txt': 'hello\n' });
    await session.exec('nano notes.txt');
    await session.exec('x');
    await session.exec('\x18');
    expect(await session.exec('y')).toEqual({ output: '', exitCode: 0, running: false, prompt: '$ ' });
    expect((await session.exec('cat notes.txt')).output).toBe('x\nhello\n');
  });

  it('cuts a line with ^K, pastes it with ^U and finds text with ^W', async () => {
    open({ 'list.txt': 'one\ntwo\nthree\n' });
    await session.exec('nano list.txt');
    expect((await session.exec('\x0b\x1b[B\x15')).output).toBe(nanoScreen('list.txt', ['two', 'one', '', 'three'], '', { modified: true }));
    expect((await session.exec('\x17one')).output).toBe(nanoScreen('list.txt', ['two', 'one', '', 'three'], centered('[ Search Wrapped ]'), { modified: true }));
    // F6 is Where Is too, for browsers that keep Ctrl-W.
    expect((await session.exec('\x1b[17~four')).output).toBe(nanoScreen('list.txt', ['two', 'one', '', 'three'], centered('[ "four" not found ]'), { modified: true }));
    expect((await session.exec('\x0f')).output).toBe(nanoScreen('list.txt', ['two', 'one', '', 'three'], centered('[ Wrote 4 lines ]')));
  });

  it('starts a new file for a name that does not exist yet', async () => {
    open({});
    expect((await session.exec('nano new.txt')).output).toBe(nanoScreen('new.txt', [''], centered('[ New File ]')));
    await session.exec('\x18');
    expect((await session.exec('ls')).output).toBe('');
  });
});

describe('vi', () => {
  it('deletes and puts lines, refuses :q with unsaved changes, and writes with :wq', async () => {
    open({ 'notes.txt': 'hello\nworld\n' });
    expect((await session.exec('vi notes.txt')).output).toBe(viScreen(['hello', 'world'], '"notes.txt" 2L, 12B'));
    expect((await session.exec('ddp')).output).toBe(viScreen(['world', 'hello'], '"notes.txt" 2L, 12B'));
    expect((await session.exec(':q')).output).toBe(viScreen(['world', 'hello'], 'E37: No write since last change (add ! to override)'));
    expect((await session.exec('Otop\x1b')).output).toBe(viScreen(['world', 'top', 'hello'], ''));
    expect(await session.exec(':wq')).toEqual({ output: '', exitCode: 0, running: false, prompt: '$ ' });
    expect((await session.exec('cat notes.txt')).output).toBe('world\ntop\nhello\n');
  });

  it('quits without saving with :q! and shows -- INSERT -- while inserting', async () => {
    open({ 'notes.txt': 'ab\n' });
    await session.exec('vim notes.txt');
    // i, then the Enter exec types splits the line at the cursor.
    expect((await session.exec('ix')).output).toBe(viScreen(['x', 'ab'], '-- INSERT --'));
    await session.exec('\x1b');
    expect(await session.exec(':q!')).toEqual({ output: '', exitCode: 0, running: false, prompt: '$ ' });
    expect((await session.exec('cat notes.txt')).output).toBe('ab\n');
  });

  it('replaces a character with r and saves with ZZ', async () => {
    open({ 'conf.yaml': 'replicas: 2\n' });
    await session.exec('vi conf.yaml');
    // The Enter exec types after ZZ reaches the shell as an empty line.
    expect(await session.exec('$r3ZZ')).toEqual({ output: '', exitCode: 0, running: false, prompt: '$ ' });
    expect((await session.exec('cat conf.yaml')).output).toBe('replicas: 3\n');
  });
});

describe('vi and Ctrl-C', () => {
  it('tells how to quit on Ctrl-C, and :qa! abandons the changes', async () => {
    open({ 'notes.txt': 'hello\n' });
    await session.exec('vi notes.txt');
    await session.exec('x');
    expect(await session.interrupt()).toBe(viScreen(['ello'], 'Type  :qa!  and press <Enter> to abandon all changes and exit Vim'));
    expect(await session.exec(':qa!')).toEqual({ output: '', exitCode: 0, running: false, prompt: '$ ' });
    expect((await session.exec('cat notes.txt')).output).toBe('hello\n');
  });
});
