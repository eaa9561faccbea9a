import type { Lab } from './create-lab';
import type { LabApi, LabInfo, TerminalSize } from './lab-api';
import type { Terminal } from '../shell/terminal-types';
import { createXtermSink, type XtermSink } from './xterm-sink';

/** The clock the speed control drives (RealClock in the browser). */
export interface SpeedControl {
  setSpeed(speed: number): void;
  getSpeed(): number;
}

export interface LabServiceOptions {
  lab: Pick<Lab, 'openTerminal'>;
  clock: SpeedControl;
  kubernetesVersion: string;
  /** Called once a terminal is closed, to release the remote output callback. */
  releaseOutput?: (onOutput: (data: string) => void) => void;
  schedule?: (task: () => void) => void;
}

interface OpenTerminal {
  terminal: Terminal;
  sink: XtermSink;
  onOutput: (data: string) => void;
}

/** LabApi over a Lab: numbers terminals and turns their output into xterm data. */
export function createLabService(options: LabServiceOptions): LabApi {
  const terminals = new Map<number, OpenTerminal>();
  let nextId = 1;

  return {
    async openTerminal(onOutput, size) {
      const id = nextId++;
      const sink = createXtermSink((data) => onOutput(data), options.schedule);
      const terminal = options.lab.openTerminal(sink, validSize(size));
      terminals.set(id, { terminal, sink, onOutput });
      return id;
    },
    input(terminalId, data) {
      terminals.get(terminalId)?.terminal.input(data);
    },
    resize(terminalId, size) {
      const { cols, rows } = validSize(size);
      terminals.get(terminalId)?.terminal.resize(cols, rows);
    },
    closeTerminal(terminalId) {
      const open = terminals.get(terminalId);
      if (!open) return;
      terminals.delete(terminalId);
      open.terminal.close();
      open.sink.flush();
      options.releaseOutput?.(open.onOutput);
    },
    setSpeed(speed) {
      if (!Number.isFinite(speed) || speed < 0) return;
      options.clock.setSpeed(speed);
    },
    async info(): Promise<LabInfo> {
      return { kubernetesVersion: options.kubernetesVersion, speed: options.clock.getSpeed() };
    },
  };
}

/** xterm reports 0×0 while hidden; a shell needs at least one cell. */
function validSize(size: TerminalSize | undefined): TerminalSize {
  const cols = Math.max(1, Math.floor(size?.cols ?? 80));
  const rows = Math.max(1, Math.floor(size?.rows ?? 24));
  return { cols, rows };
}
