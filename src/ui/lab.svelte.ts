import * as Comlink from 'comlink';
import type { LabApi, LabInfo, LessonUpdate, StartLessonRequest, TerminalSize } from '../worker/lab-api';
import type { Language } from '../lessons/schema';
import type { EarlyTerminal } from './early-terminal';

export const SPEEDS = [0, 1, 10] as const;
const SPEED_KEY = 'kubelab.speed';

/** The speed the learner chose last time (kept across reloads); undefined when none was chosen. */
function savedSpeed(): number | undefined {
  try {
    const value = Number(localStorage.getItem(SPEED_KEY) ?? NaN);
    return (SPEEDS as readonly number[]).includes(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The UI's one handle on the worker: every call to the simulated cluster and
 * its shells goes through here.
 */
export class LabConnection {
  speed = $state(1);
  /** The simulated cluster's version once the worker reports it, e.g. 'v1.32.0'. */
  kubernetesVersion = $state('');
  /** Set when the worker fails to start or crashes; the UI shows it. */
  error = $state<string | null>(null);
  /** Whether the lab is saved in the browser, and why not (the UI shows a banner when saving is off). */
  storage = $state<LabInfo['storage']>(undefined);

  private statusTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly api: Comlink.Remote<LabApi>;
  private firstTerminal: EarlyTerminal | undefined;

  /**
   * `worker` runs src/worker/worker-entry.ts; main.ts starts it before the UI code
   * loads, and listens for the first shell the worker opens (`firstTerminal`).
   */
  constructor(worker: Worker, early: { firstTerminal?: EarlyTerminal } = {}) {
    worker.addEventListener('error', (e) => {
      this.error = e.message || 'The simulated cluster stopped unexpectedly.';
    });
    this.api = Comlink.wrap<LabApi>(worker);
    this.firstTerminal = early.firstTerminal;
    // Calls reach the worker in order: the saved speed is set before info() reads it back.
    const speed = savedSpeed();
    if (speed !== undefined) void this.api.setSpeed(speed);
    this.api.info().then(
      (info) => {
        this.kubernetesVersion = info.kubernetesVersion;
        this.speed = info.speed;
        this.storage = info.storage;
      },
      (e: unknown) => {
        this.error = `The simulated cluster did not start: ${String(e)}`;
      },
    );
  }

  /** Opens a shell on the cluster (the first call takes the one the worker opened); `onOutput` receives xterm data (ANSI, CR LF). */
  openTerminal(onOutput: (data: string) => void, size: TerminalSize): Promise<number> {
    const early = this.firstTerminal;
    this.firstTerminal = undefined;
    if (early) return early.attach(onOutput);
    return this.api.openTerminal(Comlink.proxy(onOutput), size);
  }

  input(terminalId: number, data: string): void {
    void this.api.input(terminalId, data);
    // Saving can start failing on any command (quota): look again once a command line has run.
    if (data.includes('\r')) this.refreshStorage(1000);
  }

  /** Asks the worker for the storage status again after `delayMs`. */
  refreshStorage(delayMs = 0): void {
    clearTimeout(this.statusTimer);
    this.statusTimer = setTimeout(() => {
      this.api.info().then(
        (info) => (this.storage = info.storage),
        () => {},
      );
    }, delayMs);
  }

  resize(terminalId: number, size: TerminalSize): void {
    void this.api.resize(terminalId, size);
  }

  closeTerminal(terminalId: number): void {
    void this.api.closeTerminal(terminalId);
  }

  setSpeed(speed: number): void {
    this.speed = speed;
    void this.api.setSpeed(speed);
    try {
      localStorage.setItem(SPEED_KEY, String(speed));
    } catch {
      // Storage refused (private window): the speed holds until the page closes.
    }
  }

  listLessons() {
    return this.api.listLessons();
  }

  startLesson(request: StartLessonRequest, onUpdate: (update: LessonUpdate) => void) {
    return this.api.startLesson(request, Comlink.proxy(onUpdate));
  }

  lessonContent(id: string, language: Language) {
    return this.api.lessonContent(id, language);
  }

  nextHint() {
    return this.api.nextHint();
  }

  goToStep(stepId: string) {
    return this.api.goToStep(stepId);
  }

  resetLesson() {
    return this.api.resetLesson();
  }

  stopLesson() {
    return this.api.stopLesson();
  }

  /** Replaces the whole sandbox lab (and what is saved of it) with a fresh cluster. */
  async resetLab(): Promise<void> {
    await this.api.resetLab();
    this.refreshStorage();
  }
}
