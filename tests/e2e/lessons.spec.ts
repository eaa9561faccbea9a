import { test, expect } from '@playwright/test';
import { focusTerminal, openLesson, run, screenText, step, typeLine, waitForPrompt } from './terminal';

const LESSON = '02-first-statefulset';

test('the course home lists the lessons with their level, length and progress, and the sandbox', async ({ page }) => {
  await page.goto('/#/');
  const card = page.locator(`[data-lesson="${LESSON}"]`);
  await expect(card.getByRole('link', { name: 'Your first StatefulSet' })).toBeVisible();
  await expect(card).toContainText('Beginner');
  await expect(card).toContainText('15 min');
  await expect(card).toContainText('0 of 4 steps done');
  await expect(page.getByRole('link', { name: 'Open the sandbox' })).toBeVisible();
});

test('completing a lesson by typing marks each step done, and a reload keeps the progress', async ({ page }) => {
  test.setTimeout(120_000);
  await openLesson(page, 'Your first StatefulSet');
  await expect(page).toHaveURL(new RegExp(`#/lesson/${LESSON}/headless-service$`));
  await expect(step(page, 'headless-service')).toHaveAttribute('data-status', 'current');
  await page.getByRole('button', { name: 'Run simulated time at 10× speed' }).click();
  await focusTerminal(page);

  expect(await run(page, 'kubectl apply -f nginx-headless.yaml')).toBe('service/nginx created\n');
  await expect(step(page, 'headless-service')).toHaveAttribute('data-status', 'done');
  await expect(page.getByRole('status').filter({ hasText: 'Step 1 done' })).toHaveCount(1);
  await expect(step(page, 'ordered-creation')).toHaveAttribute('data-status', 'current');
  await expect(page).toHaveURL(new RegExp(`#/lesson/${LESSON}/ordered-creation$`));

  await typeLine(page, 'kubectl apply -f web.yaml && kubectl get pods -w -l app=nginx');
  await expect.poll(() => screenText(page), { timeout: 60_000 }).toMatch(/web-2 +1\/1 +Running/);
  await page.keyboard.press('Control+c');
  await waitForPrompt(page);
  await expect(step(page, 'ordered-creation')).toHaveAttribute('data-status', 'done');

  await run(page, 'kubectl get statefulset web');
  await expect(step(page, 'inspect')).toHaveAttribute('data-status', 'done');

  await run(page, 'kubectl delete pod web-1');
  await expect(step(page, 'recreate-pod')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  await expect(page.getByRole('heading', { name: '✓ Lesson complete' })).toBeVisible();
  await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '4');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Your first StatefulSet' })).toBeVisible({ timeout: 20_000 });
  for (const id of ['headless-service', 'ordered-creation', 'inspect', 'recreate-pod']) {
    await expect(step(page, id)).toHaveAttribute('data-status', 'done');
  }
  // The lesson's own lab came back with the reload: nothing to warn about.
  await expect(page.getByText('the cluster is fresh')).toHaveCount(0);
  await page.getByRole('link', { name: 'All lessons' }).click();
  await expect(page.locator(`[data-lesson="${LESSON}"]`)).toContainText('Completed');
});

test('coming back to a lesson after another one keeps its progress and says its cluster is fresh', async ({ page }) => {
  await openLesson(page, 'Your first StatefulSet');
  await run(page, 'kubectl apply -f nginx-headless.yaml');
  await expect(step(page, 'headless-service')).toHaveAttribute('data-status', 'done');
  // Another lesson takes the lesson lab's place.
  await page.getByRole('link', { name: 'All lessons' }).click();
  await openLesson(page, 'Stable storage');
  await page.getByRole('link', { name: 'All lessons' }).click();
  await openLesson(page, 'Your first StatefulSet');
  await expect(step(page, 'headless-service')).toHaveAttribute('data-status', 'done');
  await expect(page.getByRole('note')).toContainText('the cluster is fresh');
  expect(await run(page, 'kubectl get svc nginx')).toBe('Error from server (NotFound): services "nginx" not found\n');
});

test('the run button types a command from the step into the terminal', async ({ page }) => {
  await openLesson(page, 'Your first StatefulSet');
  await page.getByRole('button', { name: /^Run in the terminal: cat nginx-headless\.yaml/ }).click();
  await expect.poll(() => screenText(page)).toMatch(/\$ kubectl apply -f nginx-headless\.yaml\nservice\/nginx created\n\$ $/);
  await expect(step(page, 'headless-service')).toHaveAttribute('data-status', 'done');
});

test('hints are revealed one at a time', async ({ page }) => {
  await openLesson(page, 'Your first StatefulSet');
  await page.getByRole('button', { name: 'Show a hint' }).click();
  await expect(page.getByText('Hint 1')).toBeVisible();
  await expect(page.getByText('Hint 2')).toHaveCount(0);
  await page.getByRole('button', { name: 'Show another hint' }).click();
  await expect(page.getByText('Hint 2')).toBeVisible();
  await expect(page.getByRole('button', { name: 'No more hints' })).toBeDisabled();
});

test('switching the language to Chinese shows the lessons and the interface in Chinese, and is remembered', async ({ page }) => {
  await page.goto('/#/');
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('link', { name: '你的第一个 StatefulSet' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: '中文' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('link', { name: '你的第一个 StatefulSet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '你的第一个 StatefulSet' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('button', { name: '显示提示' })).toBeVisible();
  // The toolbar speaks Chinese too: terminal tabs, split, speed.
  await expect(page.getByRole('tab', { name: '终端 1' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('button', { name: '分屏' })).toBeVisible();
  await expect(page.getByRole('group', { name: '模拟速度' }).getByRole('button', { name: '以 10× 速度运行模拟时间' })).toBeVisible();
});

test('a step URL opens the lesson at that step', async ({ page }) => {
  await page.goto(`/#/lesson/${LESSON}/inspect`);
  await expect(step(page, 'inspect')).toHaveAttribute('data-status', 'current', { timeout: 20_000 });
  await expect(page.getByRole('heading', { name: 'Step 3 of 4' })).toBeVisible();
});

test('the sandbox is a terminal without the course panel', async ({ page }) => {
  await page.goto('/#/sandbox');
  await page.waitForFunction(() => '__kubelab' in globalThis);
  await waitForPrompt(page);
  await expect(page.getByRole('complementary')).toHaveCount(0);
  expect(await run(page, 'ls')).toBe('README.txt  web.yaml\n');
});
