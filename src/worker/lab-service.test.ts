import { describe, it, expect } from 'vitest';
import type { Terminal, TerminalSink, TerminalState } from '../shell/terminal-types';
import { createLabService } from './lab-service';

/** A lab whose terminals echo input back as output and record what they were told. */
function fakeLab() {
  const calls: string[] = [];
  const sinks: TerminalSink[] = [];
  const lab = {
    openTerminal(sink: TerminalSink, size?: { cols: number; rows: number }): Terminal {
      const n = sinks.push(sink);
      calls.push(`open ${n} ${size?.cols}x${size?.rows}`);
      sink.output('$ ', 'prompt');
      const state: TerminalState = { awaitingInput: true, prompt: '$ ', lastExitCode: 0 };
      return {
        input: (data) => sink.output(`${data}\n`, 'stdout'),
        typeLine: () => {},
        interrupt: () => {},
        resize: (cols, rows) => calls.push(`resize ${n} ${cols}x${rows}`),
        state: () => state,
        onStateChange: () => () => {},
        onCommand: () => () => {},
        close: () => calls.push(`close ${n}`),
      };
    },
  };
  let speed = 1;
  const clock = { setSpeed: (s: number) => void (speed = s), getSpeed: () => speed };
  return { lab, clock, calls };
}

const turn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('createLabService', () => {
  it('numbers terminals from 1 and routes input and output by id', async () => {
    const { lab, clock } = fakeLab();
    const service = createLabService({ lab, clock, kubernetesVersion: 'v1.32.0' });
    const out1: string[] = [];
    const out2: string[] = [];
    const id1 = await service.openTerminal((d) => out1.push(d), { cols: 100, rows: 30 });
    const id2 = await service.openTerminal((d) => out2.push(d), { cols: 80, rows: 24 });
    service.input(id2, 'ls');
    await turn();
    expect([id1, id2]).toEqual([1, 2]);
    expect(out1).toEqual(['$ ']);
    expect(out2).toEqual(['$ ', 'ls\r\n']);
  });

  it('passes sizes through and replaces a hidden terminal 0x0 size with one cell', async () => {
    const { lab, clock, calls } = fakeLab();
    const service = createLabService({ lab, clock, kubernetesVersion: 'v1.32.0' });
    const id = await service.openTerminal(() => {}, { cols: 0, rows: 0 });
    service.resize(id, { cols: 132, rows: 43 });
    expect(calls).toEqual(['open 1 1x1', 'resize 1 132x43']);
  });

  it('closes a terminal once, releases its callback and ignores later input', async () => {
    const { lab, clock, calls } = fakeLab();
    const released: unknown[] = [];
    const service = createLabService({
      lab,
      clock,
      kubernetesVersion: 'v1.32.0',
      releaseOutput: (cb) => released.push(cb),
    });
    const out: string[] = [];
    const onOutput = (d: string) => out.push(d);
    const id = await service.openTerminal(onOutput, { cols: 80, rows: 24 });
    service.closeTerminal(id);
    service.closeTerminal(id);
    service.input(id, 'ignored');
    await turn();
    expect(calls).toEqual(['open 1 80x24', 'close 1']);
    expect(released).toEqual([onOutput]);
    expect(out).toEqual(['$ ']);
  });

  it('sets the simulated speed and reports it, refusing negative speeds', async () => {
    const { lab, clock } = fakeLab();
    const service = createLabService({ lab, clock, kubernetesVersion: 'v1.32.0' });
    service.setSpeed(10);
    service.setSpeed(-1);
    expect(await service.info()).toEqual({ kubernetesVersion: 'v1.32.0', speed: 10 });
    service.setSpeed(0);
    expect(await service.info()).toEqual({ kubernetesVersion: 'v1.32.0', speed: 0 });
  });
});
