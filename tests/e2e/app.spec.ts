import { test, expect } from '@playwright/test';
import { cursorLine, openLab, run, screenTextOf, typeLine, waitForPrompt } from './terminal';

test('shows the $ prompt in a focused terminal', async ({ page }) => {
  await openLab(page);
  expect(await cursorLine(page)).toBe('$ ');
  await expect(page.locator('.xterm-helper-textarea')).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Terminal 1' })).toHaveAttribute('aria-selected', 'true');
});

test('the first prompt appears soon after the page starts loading', async ({ page }) => {
  await openLab(page);
  const ms = await page.evaluate(() => performance.getEntriesByName('kubelab:terminal-1:first-output')[0]?.startTime);
  test.info().annotations.push({ type: 'first output (ms after navigation start)', description: String(ms) });
  expect(ms).toBeGreaterThan(0);
});

test('tabs are a keyboard-usable tablist', async ({ page }) => {
  await openLab(page);
  await page.getByRole('button', { name: 'New terminal' }).click();
  await waitForPrompt(page);
  const tab1 = page.getByRole('tab', { name: 'Terminal 1' });
  const tab2 = page.getByRole('tab', { name: 'Terminal 2' });
  await expect(tab2).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.xterm-helper-textarea:focus')).toHaveCount(1);

  await tab2.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(tab1).toHaveAttribute('aria-selected', 'true');
  await expect(tab1).toBeFocused();
  await expect(tab2).toHaveAttribute('tabindex', '-1');
  await expect(page.getByRole('tabpanel', { name: 'Terminal 1' })).toBeVisible();
  await expect(page.getByRole('tabpanel', { name: 'Terminal 2' })).toBeHidden();

  await page.keyboard.press('End');
  await expect(tab2).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Delete');
  await expect(page.getByRole('tab')).toHaveCount(1);
  await expect(tab1).toHaveAttribute('aria-selected', 'true');
});

test('split shows two terminals side by side, each with its own shell', async ({ page }) => {
  await openLab(page);
  await page.getByRole('button', { name: 'Split' }).click();
  await waitForPrompt(page);
  const panels = page.getByRole('tabpanel');
  await expect(panels).toHaveCount(2);
  const [left, right] = [await panels.nth(0).boundingBox(), await panels.nth(1).boundingBox()];
  expect(left!.x + left!.width).toBeLessThanOrEqual(right!.x + 1);
  expect(Math.abs(left!.width - right!.width)).toBeLessThan(4);

  expect(await run(page, 'echo right')).toBe('right\n');
  await page.getByRole('tabpanel', { name: 'Terminal 1' }).click();
  await expect(page.getByRole('tab', { name: 'Terminal 1' })).toHaveAttribute('aria-selected', 'true');
  await waitForPrompt(page);
  await typeLine(page, 'echo left');
  await expect.poll(() => screenTextOf(page, 0)).toBe('$ echo left\nleft\n$ ');
  expect(await screenTextOf(page, 1)).toBe('$ echo right\nright\n$ ');
});

test('the speed control switches between pause, 1x and 10x and keeps focus in the terminal', async ({ page }) => {
  await openLab(page);
  const pause = page.getByRole('button', { name: 'Pause simulated time' });
  const fast = page.getByRole('button', { name: 'Run simulated time at 10× speed' });
  const normal = page.getByRole('button', { name: 'Run simulated time at 1× speed' });
  await expect(normal).toHaveAttribute('aria-pressed', 'true');
  await pause.click();
  await expect(pause).toHaveAttribute('aria-pressed', 'true');
  await expect(normal).toHaveAttribute('aria-pressed', 'false');
  await fast.click();
  await expect(fast).toHaveAttribute('aria-pressed', 'true');
  // Clicking a control leaves the keyboard in the terminal.
  await expect(page.locator('.xterm-helper-textarea')).toBeFocused();
});

test('screen reader mode can be switched on', async ({ page }) => {
  await openLab(page);
  const toggle = page.getByRole('button', { name: 'Screen reader' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.xterm-accessibility-tree')).toHaveCount(1);
});
