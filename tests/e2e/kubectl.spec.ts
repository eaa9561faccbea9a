import { test, expect } from '@playwright/test';
import { cursorLine, openLab, outputOf, run, screenText, typeLine, waitForPrompt } from './terminal';

test.beforeEach(async ({ page }) => {
  await openLab(page);
});

test('kubectl get nodes lists the control plane and three workers, all Ready', async ({ page }) => {
  const lines = (await run(page, 'kubectl get nodes')).trimEnd().split('\n');
  expect(lines.length).toBe(5);
  expect(lines[0]).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION$/);
  expect(lines[1]).toMatch(/^k8s-control-plane\s+Ready\s+control-plane\s+\d+[smhd]\S*\s+v1\.32\.\d+$/);
  for (const [i, name] of ['k8s-worker01', 'k8s-worker02', 'k8s-worker03'].entries()) {
    expect(lines[i + 2]).toMatch(new RegExp(`^${name}\\s+Ready\\s+<none>\\s+\\d+[smhd]\\S*\\s+v1\\.32\\.\\d+$`));
  }
});

test('a heredoc typed line by line is applied from stdin', async ({ page }) => {
  await typeLine(page, 'cat <<EOF | kubectl apply -f -');
  const manifest = [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: e2e-settings',
    'data:',
    '  greeting: hello',
  ];
  for (const line of manifest) {
    await waitForPrompt(page, '> ');
    await typeLine(page, line);
  }
  await waitForPrompt(page, '> ');
  await typeLine(page, 'EOF');
  await waitForPrompt(page);
  expect(outputOf(await screenText(page), 'cat <<EOF | kubectl apply -f -')).toBe(
    [...manifest.map((line) => `> ${line}`), '> EOF', 'configmap/e2e-settings created', ''].join('\n'),
  );
});

test('Tab completes a kubectl verb', async ({ page }) => {
  await page.keyboard.type('kubectl desc');
  await page.keyboard.press('Tab');
  await expect.poll(() => cursorLine(page)).toBe('$ kubectl describe ');
});

test('Tab completes a file name in the home directory', async ({ page }) => {
  await page.keyboard.type('cat web');
  await page.keyboard.press('Tab');
  await expect.poll(() => cursorLine(page)).toBe('$ cat web.yaml ');
});

// Real kubectl completes resource types from `kubectl api-resources -o name`
// (kubectl pkg/util/completion compGetResourceList), i.e. with the API group.
test('Tab completes a resource type the way kubectl completion does', async ({ page }) => {
  await page.keyboard.type('kubectl get sta');
  await page.keyboard.press('Tab');
  await expect.poll(() => cursorLine(page)).toBe('$ kubectl get statefulsets.apps ');
});
