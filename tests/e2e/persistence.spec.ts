import { test, expect } from '@playwright/test';
import { focusTerminal, openLab, openLesson, run, screenText, startStarterStatefulSet, step, typeLine, waitForPrompt } from './terminal';

/** `kubectl get` output without the AGE column, which moves on between two looks. */
const withoutAge = (table: string) => table.replace(/\s+\S+$/gm, '');

// The sandbox lab is saved as it changes: a reload finds the same pods, claims and volume files.
test('a reload restores pods, PVCs and a file written in a volume', async ({ page }) => {
  test.setTimeout(120_000);
  await openLab(page);
  await startStarterStatefulSet(page);
  expect(await run(page, "kubectl exec web-1 -- sh -c 'echo saved > /usr/share/nginx/html/index.html'")).toBe('');
  const before = await run(page, 'kubectl get pods,pvc');
  expect(withoutAge(before)).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\npod\/web-0\s+1\/1\s+Running\s+0\npod\/web-1\s+1\/1\s+Running\s+0\n\nNAME\s+STATUS/);

  await openLab(page);
  expect(withoutAge(await run(page, 'kubectl get pods,pvc'))).toBe(withoutAge(before));
  expect(await run(page, 'kubectl exec web-1 -- cat /usr/share/nginx/html/index.html')).toBe('saved\n');
  // The restored set keeps reconciling.
  expect(await run(page, 'kubectl scale statefulset web --replicas=3')).toBe('statefulset.apps/web scaled\n');
  await expect.poll(() => run(page, 'kubectl get pod web-2 --no-headers'), { timeout: 30_000 }).toMatch(/^web-2\s+1\/1\s+Running\s+0\s+\S+\n$/);
});

// Storage trouble never stops the lab: the learner is told, and the cluster keeps working.
test('a quota error while saving shows a clear message and the cluster keeps running', async ({ page }) => {
  await openLab(page);
  const worker = page.workers().find((w) => w.url().includes('worker'));
  expect(worker).toBeDefined();
  await worker!.evaluate(() => {
    IDBObjectStore.prototype.put = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await typeLine(page, 'kubectl create namespace full');
  await expect
    .poll(() => screenText(page))
    .toMatch(/^kubelab: Browser storage is full: the lab keeps running, but changes from now on are not saved\. Free some space or reset the lab\.$/m);
  await waitForPrompt(page);
  expect(await run(page, 'kubectl get namespace full --no-headers')).toMatch(/^full\s+Active\s+\S+\n$/);
  // The page says so too, without getting in the way of the terminal.
  await expect(page.getByRole('status').filter({ hasText: 'Your lab is not being saved.' })).toHaveText(
    'Your lab is not being saved. Browser storage is full: the lab keeps running, but changes from now on are not saved. Free some space or reset the lab. Dismiss',
  );
});

// One saved lab per browser profile: a second tab gets its own lab in memory and says so.
test('a second tab runs its own lab in memory and says why', async ({ page, context }) => {
  await openLab(page);
  expect(await run(page, 'kubectl create namespace first-tab')).toBe('namespace/first-tab created\n');
  const second = await context.newPage();
  await openLab(second);
  expect(await screenText(second)).toMatch(
    /^kubelab: kubelab is open in another tab, which saves its lab: this tab runs its own lab in memory only\.\n/,
  );
  expect(await run(second, 'kubectl get namespace first-tab')).toBe('Error from server (NotFound): namespaces "first-tab" not found\n');
});

// "Reset lab" replaces the saved lab with a fresh cluster, and the old one does not come back on reload.
test('resetting the lab removes what was made, and it stays gone after a reload', async ({ page }) => {
  await openLab(page);
  expect(await run(page, 'kubectl create namespace before-reset')).toBe('namespace/before-reset created\n');
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Reset lab' }).click();
  // The terminal starts over on the fresh lab with a cleared screen.
  await expect.poll(() => screenText(page)).not.toMatch(/before-reset/);
  await waitForPrompt(page);
  expect(await run(page, 'kubectl get namespace before-reset')).toBe('Error from server (NotFound): namespaces "before-reset" not found\n');

  await openLab(page);
  expect(await run(page, 'kubectl get namespace before-reset')).toBe('Error from server (NotFound): namespaces "before-reset" not found\n');
});

// A storage problem found at start (here: another tab holds the saved lab) shows as a banner on the page.
test('a lab that is not saved shows a banner with the reason', async ({ page, context }) => {
  await openLab(page);
  const second = await context.newPage();
  await openLab(second);
  const banner = second.getByRole('status').filter({ hasText: 'Your lab is not being saved.' });
  await expect(banner).toHaveText(
    'Your lab is not being saved. kubelab is open in another tab, which saves its lab: this tab runs its own lab in memory only. Dismiss',
  );
  await banner.getByRole('button', { name: 'Dismiss' }).click();
  await expect(banner).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Your lab is not being saved.' })).toHaveCount(0);
});

// The home directory is saved with the lab: an edited file and the kubeconfig's namespace survive a reload.
test("the learner's home directory and kubeconfig namespace survive a reload", async ({ page }) => {
  await openLab(page);
  expect(await run(page, 'kubectl create namespace team')).toBe('namespace/team created\n');
  expect(await run(page, 'kubectl config set-context --current --namespace team')).toBe('Context "kubernetes-admin@kubernetes" modified.\n');
  expect(await run(page, "sed -i 's/replicas: 2/replicas: 4/' web.yaml")).toBe('');
  const edited = await run(page, 'grep replicas: web.yaml');

  await openLab(page);
  expect(await run(page, 'grep replicas: web.yaml')).toBe(edited);
  expect(await run(page, 'kubectl get pods')).toBe('No resources found in team namespace.\n');
});

// A lesson's lab is saved like the sandbox: a reload mid-lesson comes back to the same cluster, not a fresh one.
test("a reload mid-lesson finds the lesson's pods, PVCs and a file written in a volume intact", async ({ page }) => {
  test.setTimeout(120_000);
  await openLesson(page, 'Stable storage');
  await page.getByRole('button', { name: 'Run simulated time at 10× speed' }).click();
  await focusTerminal(page);
  expect(await run(page, 'kubectl apply -f web.yaml')).toBe('service/nginx created\nstatefulset.apps/web created\n');
  await expect(step(page, 'claim-templates')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  expect(await run(page, "kubectl exec web-2 -- sh -c 'echo kept > /usr/share/nginx/html/index.html'")).toBe('');
  const before = withoutAge(await run(page, 'kubectl get pods,pvc'));
  expect(before).toMatch(/^pod\/web-2\s+1\/1\s+Running\s+0$/m);
  expect(before).toMatch(/^persistentvolumeclaim\/www-web-2\s+Bound\s/m);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Stable storage' })).toBeVisible({ timeout: 20_000 });
  await focusTerminal(page);
  await expect(step(page, 'claim-templates')).toHaveAttribute('data-status', 'done');
  await expect(page.getByText('the cluster is fresh')).toHaveCount(0);
  // The chosen speed comes back too.
  await expect(page.getByRole('button', { name: 'Run simulated time at 10× speed' })).toHaveAttribute('aria-pressed', 'true');
  expect(withoutAge(await run(page, 'kubectl get pods,pvc'))).toBe(before);
  expect(await run(page, 'kubectl exec web-2 -- cat /usr/share/nginx/html/index.html')).toBe('kept\n');
  expect(await run(page, 'ls')).toBe('web.yaml\n');
});
