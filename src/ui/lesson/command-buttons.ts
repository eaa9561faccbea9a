import { blockLanguage, commandLines, isCommandBlock, isInlineCommand } from './commands';

export interface CommandButtonOptions {
  run(command: string): void;
  label(key: 'copy' | 'copied' | 'run'): string;
  runLabel(command: string): string;
  copyLabel(command: string): string;
}

/**
 * Adds "copy" and "run" buttons to the command blocks of rendered Markdown
 * (fenced bash blocks, inline code that is a whole command); manifests get
 * "copy" only. Idempotent: earlier buttons are replaced.
 */
export function decorateCommands(root: HTMLElement, options: CommandButtonOptions): void {
  for (const old of root.querySelectorAll('.cmd-tools')) old.remove();
  for (const code of root.querySelectorAll('pre > code')) {
    const pre = code.parentElement!;
    const text = code.textContent ?? '';
    const runnable = isCommandBlock(blockLanguage(code));
    const lines = commandLines(text);
    const tools = toolbar('cmd-tools block-tools');
    tools.append(copyButton(runnable ? lines.join('\n') : text, options));
    if (runnable && lines.length) tools.append(runButton(lines.join('\n'), options, true));
    pre.classList.add('cmd-block');
    pre.append(tools);
  }
  for (const code of root.querySelectorAll(':not(pre) > code')) {
    const text = code.textContent ?? '';
    if (!isInlineCommand(text)) continue;
    const tools = toolbar('cmd-tools inline-tools');
    tools.append(copyButton(text, options, true), runButton(text, options, true));
    code.after(tools);
  }
}

function toolbar(className: string): HTMLElement {
  const span = document.createElement('span');
  span.className = className;
  return span;
}

function button(text: string, ariaLabel: string, className: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.textContent = text;
  b.setAttribute('aria-label', ariaLabel);
  b.title = ariaLabel;
  return b;
}

function copyButton(command: string, options: CommandButtonOptions, compact = false): HTMLButtonElement {
  const b = button(compact ? '⧉' : options.label('copy'), options.copyLabel(command), 'cmd-copy');
  b.addEventListener('click', () => {
    void navigator.clipboard?.writeText(command).then(
      () => {
        if (compact) return;
        b.textContent = options.label('copied');
        setTimeout(() => (b.textContent = options.label('copy')), 1500);
      },
      () => {},
    );
  });
  return b;
}

function runButton(command: string, options: CommandButtonOptions, withText: boolean): HTMLButtonElement {
  const b = button(withText ? `▶ ${options.label('run')}` : '▶', options.runLabel(command), 'cmd-run');
  b.addEventListener('click', () => options.run(command));
  return b;
}
