import { test, expect } from '@playwright/test';
import { cursorLine, openLab, outputOf, run, screenText, screenTextOf, typeLine, waitForPrompt } from './terminal';

test('a watch in one terminal shows a namespace created in another', async ({ page }) => {
  await openLab(page);
  await typeLine(page, 'kubectl get ns -w');
  await expect.poll(() => screenText(page)).toMatch(/^kube-system\s+Active\s+\S+$/m);
  expect(await cursorLine(page)).toBe('');

  await page.getByRole('button', { name: 'New terminal' }).click();
  await expect(page.getByRole('tab', { name: 'Terminal 2' })).toHaveAttribute('aria-selected', 'true');
  await waitForPrompt(page);
  expect(await run(page, 'kubectl create namespace e2e-team')).toBe('namespace/e2e-team created\n');
  const tab1 = page.getByRole('tab', { name: /^Terminal 1/ });
  await expect(tab1).toHaveAccessibleName('Terminal 1 (new output)');

  await tab1.click();
  await expect(tab1).toHaveAccessibleName('Terminal 1');
  await expect.poll(() => screenText(page)).toMatch(/^e2e-team\s+Active\s+0s$/m);
  expect(await screenTextOf(page, 0)).toMatch(/^NAME\s+STATUS\s+AGE$/m);

  // The watch is still running; Ctrl-C ends it.
  await page.keyboard.press('Control+C');
  await waitForPrompt(page);
});

test('Ctrl-C interrupts a running command', async ({ page }) => {
  await openLab(page);
  await typeLine(page, 'sleep 100');
  await expect.poll(() => cursorLine(page)).toBe('');
  await page.keyboard.press('Control+C');
  await waitForPrompt(page);
  expect(outputOf(await screenText(page), 'sleep 100')).toBe('^C\n');
  expect(await run(page, 'echo $?')).toBe('130\n');
});

test('a multi-line paste runs each line', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openLab(page);
  await page.evaluate(() => navigator.clipboard.writeText('echo one\necho two\n'));
  await page.keyboard.press('Control+V');
  await expect.poll(() => screenText(page)).toBe('$ echo one\none\n$ echo two\ntwo\n$ ');
  await waitForPrompt(page);
});

test('selected text is copied with Ctrl-Shift-C', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openLab(page);
  expect(await run(page, 'echo copyme')).toBe('copyme\n');
  const row = page.locator('.xterm-rows > div').nth(1);
  const box = (await row.boundingBox())!;
  await page.mouse.dblclick(box.x + 12, box.y + box.height / 2);
  await page.keyboard.press('Control+Shift+C');
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('copyme');
  // Nothing reached the shell.
  expect(await cursorLine(page)).toBe('$ ');
});
