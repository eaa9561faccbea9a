import { test, expect, type Page } from '@playwright/test';
import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveFolder } from './static-server';
import { focusTerminal, run, step } from './terminal';

const LESSON = '02-first-statefulset';

/** The service worker installs (and precaches) after the first visit's load event. */
async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
}

async function openLessonPage(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Your first StatefulSet' })).toBeVisible({ timeout: 20_000 });
  await page.waitForFunction(() => '__kubelab' in globalThis);
  await focusTerminal(page);
}

test('the precache holds every built file: lazy chunks, the lab worker, the lessons and the widget', async ({ page }) => {
  await page.goto('/');
  await waitForServiceWorker(page);
  const urls = await page.evaluate(async () => {
    const names = await caches.keys();
    const all: string[] = [];
    for (const name of names) for (const r of await (await caches.open(name)).keys()) all.push(new URL(r.url).pathname);
    return all.sort();
  });
  for (const pattern of [
    /^\/index\.html$/, /^\/embed\.html$/, /^\/docs-example\.html$/, /^\/embed\.js$/, /^\/manifest\.webmanifest$/,
    /^\/icons\/icon-512\.png$/, /^\/assets\/worker-[\w-]+\.js$/, /^\/assets\/lesson-files-[\w-]+\.js$/,
    /^\/assets\/CoursePanel-[\w-]+\.js$/, /^\/assets\/element-[\w-]+\.js$/, /^\/assets\/boot-[\w-]+\.css$/,
  ]) {
    expect(urls.some((u) => pattern.test(u)), `${pattern} in ${urls.join(' ')}`).toBe(true);
  }
});

test('after one visit, the app loads offline and a lesson step can be completed', async ({ page, context }) => {
  test.setTimeout(60_000);
  await page.goto(`/#/lesson/${LESSON}`);
  await openLessonPage(page);
  await waitForServiceWorker(page);

  await context.setOffline(true);
  const response = await page.reload();
  expect(response?.fromServiceWorker()).toBe(true);
  await openLessonPage(page);
  await expect(step(page, 'headless-service')).toHaveAttribute('data-status', 'current');
  expect(await run(page, 'kubectl apply -f nginx-headless.yaml')).toBe('service/nginx created\n');
  await expect(step(page, 'headless-service')).toHaveAttribute('data-status', 'done');
  await context.setOffline(false);
});

test('the manifest makes the app installable: name, standalone display, PNG icons', async ({ page }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('./manifest.webmanifest');
  const manifest = await (await page.request.get('/manifest.webmanifest')).json();
  expect(manifest).toMatchObject({ short_name: 'kubelab', display: 'standalone', start_url: './', scope: './' });
  const sizes = (manifest.icons as { sizes: string; type: string }[]).filter((i) => i.type === 'image/png').map((i) => i.sizes);
  expect(sizes).toEqual(['192x192', '512x512', '512x512']);
  for (const icon of manifest.icons as { src: string }[]) expect((await page.request.get(`/${icon.src}`)).status()).toBe(200);
});

test('a new version announces itself, and reloading into it keeps the lesson progress', async ({ page }) => {
  test.setTimeout(60_000);
  // A private copy of the build, so the test can deploy a "new version" without touching dist/.
  const copy = await mkdtemp(join(tmpdir(), 'kubelab-update-'));
  await cp('dist', copy, { recursive: true });
  const server = await serveFolder(copy);
  try {
    await page.goto(`${server.url}#/lesson/${LESSON}`);
    await openLessonPage(page);
    await waitForServiceWorker(page);
    expect(await run(page, 'kubectl apply -f nginx-headless.yaml')).toBe('service/nginx created\n');
    await expect(step(page, 'headless-service')).toHaveAttribute('data-status', 'done');

    // A changed sw.js is what a new deployment looks like to the browser.
    await appendFile(join(copy, 'sw.js'), '\n// next version\n');
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
    const notice = page.getByRole('status').filter({ hasText: 'A new version is available' });
    await expect(notice).toBeVisible({ timeout: 20_000 });
    // The notice waits for the learner: the terminal still answers.
    await page.locator('.xterm-helper-textarea').first().focus();
    expect(await run(page, 'echo still here')).toBe('still here\n');

    const reloaded = page.waitForEvent('load');
    await notice.getByRole('button', { name: 'Reload' }).click();
    await reloaded;
    await openLessonPage(page);
    await expect(step(page, 'headless-service')).toHaveAttribute('data-status', 'done');
    await expect(notice).toHaveCount(0);
  } finally {
    await server.close();
    await rm(copy, { recursive: true, force: true });
  }
});
