import { test, expect } from '@playwright/test';
import { cursorLine, openLab, run, screenText, typeLine, waitForPrompt } from './terminal';

// The StatefulSet Basics flow: watch in one terminal, apply in another, at 10× simulated speed.
test('pods of a StatefulSet start in order while a second terminal watches', async ({ page }) => {
  await openLab(page);
  await page.getByRole('button', { name: 'Run simulated time at 10× speed' }).click();
  await typeLine(page, 'kubectl get pods -w -l app=nginx');
  await expect.poll(() => cursorLine(page)).toBe('');

  await page.getByRole('button', { name: 'New terminal' }).click();
  await waitForPrompt(page);
  expect(await run(page, 'kubectl apply -f web.yaml')).toBe('service/nginx created\nstatefulset.apps/web created\n');

  await page.getByRole('tab', { name: 'Terminal 1' }).click();
  await expect.poll(() => screenText(page), { timeout: 20_000 }).toMatch(/^web-1\s+1\/1\s+Running\s+0\s+\S+$/m);
  const rows = (await screenText(page)).split('\n');
  const web0Running = rows.findIndex((r) => /^web-0\s+1\/1\s+Running\s/.test(r));
  const web1Pending = rows.findIndex((r) => /^web-1\s+0\/1\s+Pending\s/.test(r));
  expect(web0Running).toBeGreaterThan(0);
  expect(web1Pending).toBeGreaterThan(web0Running);
});
