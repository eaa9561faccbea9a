/**
 * The one surface between the UI thread and the worker. The UI sends raw
 * keystrokes and receives terminal output; the worker owns the cluster, the
 * shells and the line editors.
 */
export interface LabApi {
  /** Opens a terminal on the lab's cluster; output (ANSI text with \r\n) arrives through onOutput. */
  openTerminal(onOutput: (data: string) => void, size: TerminalSize): Promise<number>;
  /** Raw input from the terminal: typed keys, pasted text, escape sequences. */
  input(terminalId: number, data: string): void;
  resize(terminalId: number, size: TerminalSize): void;
  closeTerminal(terminalId: number): void;
  /** Simulated seconds per real second; 0 pauses. */
  setSpeed(speed: number): void;
  info(): Promise<LabInfo>;
}

export interface TerminalSize {
  cols: number;
  rows: number;
}

export interface LabInfo {
  kubernetesVersion: string;
  speed: number;
}
