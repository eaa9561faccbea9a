import { test, expect } from '@playwright/test';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveFolder } from './static-server';

// Where a real site puts kubelab: on a sub-path of its own server, or another origin's docs page.
type Widget = HTMLElement & { text(): string; cursorLine(): string };

async function runInWidget(page: import('@playwright/test').Page, selector: string, command: string): Promise<string> {
  await page.locator(`${selector} .xterm`).click();
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
  const marker = `$ ${command}\n`;
  let output = '';
  await expect
    .poll(async () => {
      const text = await page.evaluate((s) => (document.querySelector(s) as Widget).text(), selector);
      const at = text.lastIndexOf(marker);
      if (at < 0 || !text.endsWith('\n$ ')) return false;
      output = text.slice(at + marker.length, text.length - 2);
      return true;
    })
    .toBe(true);
  return output;
}

test('the built site works from a sub-path: the service worker is scoped to it and widgets run', async ({ page }) => {
  const server = await serveFolder('dist', '/docs/kubelab/');
  try {
    await page.goto(`${server.url}docs-example.html`);
    await expect(page.locator('#lab-a')).toHaveAttribute('state', 'ready', { timeout: 20_000 });
    expect(await runInWidget(page, '#lab-a', 'kubectl get ns default -o name')).toBe('namespace/default\n');
    await page.goto(server.url);
    const scope = await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.scope));
    expect(scope).toBe(server.url);
  } finally {
    await server.close();
  }
});

test('embed.js loaded from another origin starts its cluster there', async ({ page, baseURL }) => {
  const folder = await mkdtemp(join(tmpdir(), 'kubelab-host-'));
  await writeFile(
    join(folder, 'index.html'),
    `<!doctype html><title>Another site</title><h1>Another site</h1>
<script type="module" src="${new URL('embed.js', baseURL)}"></script>
<kube-lab id="w" height="240"></kube-lab>`,
  );
  const host = await serveFolder(folder);
  try {
    await page.goto(host.url);
    await expect(page.locator('#w')).toHaveAttribute('state', 'ready', { timeout: 20_000 });
    expect(await runInWidget(page, '#w', 'kubectl create namespace elsewhere')).toBe('namespace/elsewhere created\n');
  } finally {
    await host.close();
    await rm(folder, { recursive: true, force: true });
  }
});
