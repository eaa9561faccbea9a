import { expect, type Page } from '@playwright/test';
import type { KubelabTestHook } from '../../src/ui/test-hook';

// Reads the app through window.__kubelab (src/ui/test-hook.ts) rather than xterm's renderer.
type HookWindow = typeof globalThis & { __kubelab: KubelabTestHook };

export const screenText = (page: Page) => page.evaluate(() => (globalThis as HookWindow).__kubelab.text());
export const screenTextOf = (page: Page, index: number) =>
  page.evaluate((i) => (globalThis as HookWindow).__kubelab.textOf(i), index);
export const cursorLine = (page: Page) => page.evaluate(() => (globalThis as HookWindow).__kubelab.cursorLine());

/** Loads the app and waits for the first prompt. */
export async function openLab(page: Page): Promise<void> {
  await page.goto('/');
  await page.waitForFunction(() => '__kubelab' in globalThis);
  await waitForPrompt(page);
}

export async function waitForPrompt(page: Page, prompt = '$ '): Promise<void> {
  await expect.poll(() => cursorLine(page), { message: `waiting for the prompt ${JSON.stringify(prompt)}` }).toBe(prompt);
}

/** A lesson step in the lesson panel, by id (its data-status tells current or done). */
export const step = (page: Page, id: string) => page.locator(`[data-step="${id}"]`);

/** Opens a lesson from the course home and waits for its first step and a fresh prompt. */
export async function openLesson(page: Page, title: string): Promise<void> {
  await page.goto('/#/');
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible({ timeout: 20_000 });
  await focusTerminal(page);
}

/** Puts the keyboard in the first terminal (after a click elsewhere) and waits for its prompt. */
export async function focusTerminal(page: Page): Promise<void> {
  await page.locator('.xterm-helper-textarea').first().focus();
  await waitForPrompt(page);
}

/** Types a line as a person would and presses Enter. */
export async function typeLine(page: Page, line: string): Promise<void> {
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

/**
 * Runs a command at the prompt and returns what it printed before the next
 * prompt. Keys travel through the worker, so the screen is compared with the
 * one before typing rather than trusting a prompt that may still be the old one.
 */
export async function run(page: Page, command: string, prompt = '$ '): Promise<string> {
  const before = await screenText(page);
  await typeLine(page, command);
  let output: string | undefined;
  await expect
    .poll(
      async () => {
        const text = await screenText(page);
        const rest = text.startsWith(before) ? text.slice(before.length) : '';
        const done = rest.startsWith(`${command}\n`) && rest.endsWith(`\n${prompt}`);
        output = done ? rest.slice(command.length + 1, rest.length - prompt.length) : undefined;
        return done && (await cursorLine(page)) === prompt;
      },
      { message: `waiting for ${JSON.stringify(command)} to finish` },
    )
    .toBe(true);
  return output!;
}

/** What the last run of `command` printed: the text after its line, up to the prompt now showing. */
export function outputOf(text: string, command: string, prompt = '$ '): string {
  const marker = `${prompt}${command}\n`;
  const start = text.lastIndexOf(marker);
  if (start < 0) throw new Error(`${JSON.stringify(command)} is not on the screen:\n${text}`);
  const lines = text.slice(start + marker.length).split('\n');
  if (lines[lines.length - 1] === prompt) lines.pop();
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** At 10× speed, applies the starter web.yaml and waits until its two pods run (the prompt is back). */
export async function startStarterStatefulSet(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Run simulated time at 10× speed' }).click();
  expect(await run(page, 'kubectl apply -f web.yaml')).toBe('service/nginx created\nstatefulset.apps/web created\n');
  await typeLine(page, 'kubectl get pods -w -l app=nginx');
  await expect.poll(() => screenText(page), { timeout: 30_000 }).toMatch(/^web-1\s+1\/1\s+Running\s+0\s+\S+$/m);
  await page.keyboard.press('Control+C');
  await waitForPrompt(page);
}
