// CSI sequences, OSC strings ended by BEL, and character-set selections: what the shell and its programs write.
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\x1b[()][0-9A-B]/g;

/** `text` without its ANSI escape sequences; the scan is skipped when there is none (long listings). */
export function stripAnsi(text: string): string {
  return text.includes('\x1b') ? text.replace(ANSI, '') : text;
}
