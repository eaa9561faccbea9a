import * as Comlink from 'comlink';
import type { LabApi, LessonUpdate, StartLessonRequest, TerminalSize } from '../worker/lab-api';
import type { Language } from '../lessons/schema';

export const SPEEDS = [0, 1, 10] as const;

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

  private readonly api: Comlink.Remote<LabApi>;

  /** `worker` runs src/worker/worker.ts; main.ts starts it before the UI code loads. */
  constructor(worker: Worker) {
    worker.addEventListener('error', (e) => {
      this.error = e.message || 'The simulated cluster stopped unexpectedly.';
    });
    this.api = Comlink.wrap<LabApi>(worker);
    this.api.info().then(
      (info) => {
        this.kubernetesVersion = info.kubernetesVersion;
        this.speed = info.speed;
      },
      (e: unknown) => {
        this.error = `The simulated cluster did not start: ${String(e)}`;
      },
    );
  }

  /** Opens a shell on the cluster; `onOutput` receives xterm data (ANSI, CR LF). */
  openTerminal(onOutput: (data: string) => void, size: TerminalSize): Promise<number> {
    return this.api.openTerminal(Comlink.proxy(onOutput), size);
  }

  input(terminalId: number, data: string): void {
    void this.api.input(terminalId, data);
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
}
