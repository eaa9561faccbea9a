/** What the show-me player needs from a terminal: typing and knowing when a command finished. */
export interface PlayerTerminal {
  /** Sends keys to the shell, as if typed. */
  type(data: string): void;
  /** Resolves once the command sent last has finished and a prompt shows again. */
  commandDone(): Promise<void>;
  sleep(ms: number): Promise<void>;
}

export interface PlayerTiming {
  /** Between typed characters. */
  charDelay: number;
  /** Before pressing Enter, so a reader sees the whole command. */
  beforeEnter: number;
  /** After a command's output, before the next one starts. */
  afterCommand: number;
}

export const DEFAULT_TIMING: PlayerTiming = { charDelay: 35, beforeEnter: 350, afterCommand: 700 };

/**
 * Types each command character by character, presses Enter and waits for the
 * prompt before the next one. `shouldStop` ends the play early (widget removed).
 */
export async function playScript(
  commands: readonly string[],
  terminal: PlayerTerminal,
  timing: PlayerTiming = DEFAULT_TIMING,
  shouldStop: () => boolean = () => false,
  onCommand: (index: number) => void = () => {},
): Promise<boolean> {
  for (const [index, command] of commands.entries()) {
    if (shouldStop()) return false;
    onCommand(index);
    for (const char of command) {
      if (shouldStop()) return false;
      terminal.type(char);
      await terminal.sleep(timing.charDelay);
    }
    await terminal.sleep(timing.beforeEnter);
    if (shouldStop()) return false;
    const done = terminal.commandDone();
    terminal.type('\r');
    await done;
    if (index < commands.length - 1) await terminal.sleep(timing.afterCommand);
  }
  return !shouldStop();
}
