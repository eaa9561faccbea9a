import type { Lab } from './create-lab';
import type { LabApi, LabInfo, TerminalSize } from './lab-api';
import type { Terminal, TerminalSink } from '../shell/terminal-types';
import type { LessonControls, LessonServiceOptions } from './lesson-service';
import { createXtermSink, type XtermSink } from './xterm-sink';

/** The clock the speed control drives (RealClock in the browser). */
export interface SpeedControl {
  setSpeed(speed: number): void;
  getSpeed(): number;
}

type TerminalLab = Pick<Lab, 'openTerminal'>;

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
  /** Stops feeding the lesson log, once lessons are loaded. */
  detachLog?: () => void;
}

/** LabApi over a Lab: numbers terminals and turns their output into xterm data. */
export function createLabService(options: LabServiceOptions): LabApi {
  const terminals = new Map<number, OpenTerminal>();
  let nextId = 1;
  let lab = options.lab;

  // The lesson engine (and the YAML parser it needs) loads on the first lesson call, so the
  // first prompt does not wait for it; terminals opened before then are attached when it arrives.
  let lessons: LessonControls | undefined;
  let loadingLessons: Promise<LessonControls> | undefined;
  const needLessons = (): Promise<LessonControls> => {
    const lessonOptions = options.lessons;
    if (!lessonOptions) return Promise.reject(new Error('lessons are not available in this lab'));
    loadingLessons ??= import('./lesson-service').then(({ createLessonService }) => {
      const loaded = createLessonService({ ...lessonOptions, useLab });
      lessons = loaded;
      for (const open of terminals.values()) open.detachLog = loaded.attach(open.terminal);
      return loaded;
    });
    return loadingLessons;
  };

  /** Opens the terminal's shell on the current lab; output from an old lab's shell is dropped. */
  function connect(open: Omit<OpenTerminal, 'terminal' | 'detach'>): Pick<OpenTerminal, 'terminal' | 'detach' | 'detachLog'> {
    let live = true;
    const sink: TerminalSink = {
      output: (text, kind) => live && open.sink.output(text, kind),
      echo: (ansi) => live && open.sink.echo(ansi),
      clear: () => live && open.sink.clear(),
    };
    const terminal = lab.openTerminal(sink, open.size);
    const connected: Pick<OpenTerminal, 'terminal' | 'detach' | 'detachLog'> = {
      terminal,
      detachLog: lessons?.attach(terminal),
      detach: () => {
        live = false;
        connected.detachLog?.();
        terminal.close();
      },
    };
    return connected;
  }

  /** Another lab (lesson start, reset, sandbox): every open terminal gets a cleared screen and a new shell on it. Labs are closed by their owner (lab-slots). */
  function useLab(next: Lab): void {
    lab = next;
    for (const open of terminals.values()) {
      open.detach();
      open.sink.clear();
      Object.assign(open, connect(open));
    }
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
    listLessons: async () => (await needLessons()).listLessons(),
    startLesson: async (request, onUpdate) => (await needLessons()).startLesson(request, onUpdate),
    lessonContent: async (id, language) => (await needLessons()).lessonContent(id, language),
    nextHint: async () => (await needLessons()).nextHint(),
    goToStep: async (stepId) => (await needLessons()).goToStep(stepId),
    resetLesson: async () => (await needLessons()).resetLesson(),
    stopLesson: async () => (await needLessons()).stopLesson(),
    resetLab: async () => (await needLessons()).resetLab(),
  };
}

/** xterm reports 0×0 while hidden; a shell needs at least one cell. */
function validSize(size: TerminalSize | undefined): TerminalSize {
  const cols = Math.max(1, Math.floor(size?.cols ?? 80));
  const rows = Math.max(1, Math.floor(size?.rows ?? 24));
  return { cols, rows };
}
