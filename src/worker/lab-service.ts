import type { Lab } from './create-lab';
import type { LabApi, LabInfo, TerminalSize } from './lab-api';
import type { Terminal, TerminalSink } from '../shell/terminal-types';
import { createLessonService, type LessonServiceOptions } from './lesson-service';
import { createXtermSink, type XtermSink } from './xterm-sink';

/** The clock the speed control drives (RealClock in the browser). */
export interface SpeedControl {
  setSpeed(speed: number): void;
  getSpeed(): number;
}

type TerminalLab = Pick<Lab, 'openTerminal'> & Partial<Pick<Lab, 'close'>>;

export interface LabServiceOptions {
  lab: TerminalLab;
  clock: SpeedControl;
  kubernetesVersion: string;
  /** Called once a terminal is closed, to release the remote output callback. */
  releaseOutput?: (onOutput: (data: string) => void) => void;
  schedule?: (task: () => void) => void;
  /** Lessons (the browser worker); without them the lesson calls reject. */
  lessons?: Omit<LessonServiceOptions, 'useLab'>;
}

interface OpenTerminal {
  terminal: Terminal;
  sink: XtermSink;
  onOutput: (data: string) => void;
  size: TerminalSize;
  /** Disconnects the terminal from its sink and the lesson log, and closes it. */
  detach: () => void;
}

/** LabApi over a Lab: numbers terminals and turns their output into xterm data. */
export function createLabService(options: LabServiceOptions): LabApi {
  const terminals = new Map<number, OpenTerminal>();
  let nextId = 1;
  let lab = options.lab;

  const lessons = options.lessons ? createLessonService({ ...options.lessons, useLab }) : undefined;
  const needLessons = () => {
    if (!lessons) throw new Error('lessons are not available in this lab');
    return lessons;
  };

  /** Opens the terminal's shell on the current lab; output from an old lab's shell is dropped. */
  function connect(open: Omit<OpenTerminal, 'terminal' | 'detach'>): Pick<OpenTerminal, 'terminal' | 'detach'> {
    let live = true;
    const sink: TerminalSink = {
      output: (text, kind) => live && open.sink.output(text, kind),
      echo: (ansi) => live && open.sink.echo(ansi),
      clear: () => live && open.sink.clear(),
    };
    const terminal = lab.openTerminal(sink, open.size);
    const detachLog = lessons?.attach(terminal);
    return {
      terminal,
      detach: () => {
        live = false;
        detachLog?.();
        terminal.close();
      },
    };
  }

  /** A new lab (lesson start, reset, sandbox): every open terminal gets a cleared screen and a new shell on it. */
  function useLab(next: Lab): void {
    const previous = lab;
    lab = next;
    for (const open of terminals.values()) {
      open.detach();
      open.sink.clear();
      Object.assign(open, connect(open));
    }
    if (previous !== next) previous.close?.();
  }

  return {
    async openTerminal(onOutput, size) {
      const id = nextId++;
      const sink = createXtermSink((data) => onOutput(data), options.schedule);
      const base = { sink, onOutput, size: validSize(size) };
      terminals.set(id, { ...base, ...connect(base) });
      return id;
    },
    input(terminalId, data) {
      terminals.get(terminalId)?.terminal.input(data);
    },
    resize(terminalId, size) {
      const open = terminals.get(terminalId);
      if (!open) return;
      open.size = validSize(size);
      open.terminal.resize(open.size.cols, open.size.rows);
    },
    closeTerminal(terminalId) {
      const open = terminals.get(terminalId);
      if (!open) return;
      terminals.delete(terminalId);
      open.detach();
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
    listLessons: () => needLessons().listLessons(),
    startLesson: (request, onUpdate) => needLessons().startLesson(request, onUpdate),
    lessonContent: (id, language) => needLessons().lessonContent(id, language),
    nextHint: () => needLessons().nextHint(),
    goToStep: (stepId) => needLessons().goToStep(stepId),
    resetLesson: () => needLessons().resetLesson(),
    stopLesson: () => needLessons().stopLesson(),
  };
}

/** xterm reports 0×0 while hidden; a shell needs at least one cell. */
function validSize(size: TerminalSize | undefined): TerminalSize {
  const cols = Math.max(1, Math.floor(size?.cols ?? 80));
  const rows = Math.max(1, Math.floor(size?.rows ?? 24));
  return { cols, rows };
}
