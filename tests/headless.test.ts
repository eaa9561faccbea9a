import { afterEach, describe, expect, it } from 'vitest';
import { createSession, type Session } from '../src/headless';

let session: Session;
afterEach(() => session?.close());

describe('headless session contract', () => {
  it('exec returns what the command printed, its exit code and the prompt now showing', async () => {
    session = createSession({ seed: 1 });
    expect(await session.exec('echo hello')).toEqual({ output: 'hello\n', exitCode: 0, running: false, prompt: '$ ' });
    expect(await session.exec('cat nope.txt')).toEqual({
      output: 'cat: nope.txt: No such file or directory\n',
      exitCode: 1,
      running: false,
      prompt: '$ ',
    });
  });

  it('places the given files in the home directory', async () => {
    session = createSession({ files: { 'notes.txt': 'line one\nline two\n' } });
    expect((await session.exec('cat notes.txt')).output).toBe('line one\nline two\n');
    expect((await session.exec('pwd')).output).toBe('/home/learner\n');
  });

  it('a heredoc line leaves the continuation prompt showing until its delimiter', async () => {
    session = createSession();
    expect(await session.exec('cat <<EOF')).toEqual({ output: '', exitCode: 0, running: false, prompt: '> ' });
    expect((await session.exec('hi there')).prompt).toBe('> ');
    expect(await session.exec('EOF')).toEqual({ output: 'hi there\n', exitCode: 0, running: false, prompt: '$ ' });
  });

  it('a command that does not end returns after waitMs of simulated time, still running', async () => {
    session = createSession();
    const start = session.clock.now();
    const result = await session.exec('sleep 100', { waitMs: 5_000 });
    expect(result).toEqual({ output: '', exitCode: 0, running: true, prompt: '' });
    expect(session.clock.now() - start).toBe(5_000);
    const rest = await session.exec('', { waitMs: 0 });
    expect(rest.running).toBe(true);
  });

  it('sleep finishes by itself because simulated time runs while a command waits', async () => {
    session = createSession();
    const start = session.clock.now();
    expect((await session.exec('sleep 20 && echo done')).output).toBe('done\n');
    expect(session.clock.now() - start).toBe(20_000);
  });

  it('interrupt stops the foreground command and brings the prompt back', async () => {
    session = createSession();
    await session.exec('sleep 100', { waitMs: 0 });
    expect(await session.interrupt()).toBe('^C\n');
    expect(await session.exec('echo $?')).toEqual({ output: '130\n', exitCode: 0, running: false, prompt: '$ ' });
  });

  it('a watch left running in one terminal keeps printing while another terminal acts', async () => {
    session = createSession();
    const watcher = session.openTerminal();
    const started = await watcher.exec('kubectl get namespaces --watch-only', { waitMs: 0 });
    expect(started.running).toBe(true);
    expect((await session.exec('kubectl create namespace demo')).output).toBe('namespace/demo created\n');
    expect(await watcher.read()).toBe('NAME   STATUS   AGE\ndemo   Active   0s\n');
    expect(await watcher.interrupt()).toBe('^C\n');
  });

  it('advance moves simulated time, which kubectl shows as AGE', async () => {
    session = createSession();
    await session.exec('kubectl create namespace aged');
    await session.advance(125_000);
    expect((await session.exec('kubectl get namespace aged')).output).toBe('NAME   STATUS   AGE\naged   Active   2m5s\n');
  });

  it('the same seed gives the same cluster', async () => {
    session = createSession({ seed: 42 });
    const a = (await session.exec('kubectl get namespace default -o jsonpath={.metadata.uid}')).output;
    session.close();
    session = createSession({ seed: 42 });
    const b = (await session.exec('kubectl get namespace default -o jsonpath={.metadata.uid}')).output;
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(b).toBe(a);
  });
});
