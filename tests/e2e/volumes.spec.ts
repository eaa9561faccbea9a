import { test, expect } from '@playwright/test';
import { openLab, run, startStarterStatefulSet } from './terminal';

/** Every folder ('path/' → '') and file (path → content) under OPFS's kubelab-saved folder (the sandbox lab's volumes); the page shares the worker's origin. */
async function opfsVolumeFiles(page: import('@playwright/test').Page): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    const out: Record<string, string> = {};
    async function walk(dir: FileSystemDirectoryHandle, prefix: string): Promise<void> {
      for await (const [name, handle] of dir.entries()) {
        const path = `${prefix}/${name}`;
        if (handle.kind === 'directory') {
          out[`${path}/`] = '';
          await walk(handle as FileSystemDirectoryHandle, path);
        }
        else out[path] = await (await (handle as FileSystemFileHandle).getFile()).text();
      }
    }
    const root = await navigator.storage.getDirectory();
    await walk(await root.getDirectoryHandle('kubelab-saved'), '');
    return out;
  });
}

// A file written into a PersistentVolume through kubectl exec outlives its pod, and is a real OPFS file.
test('a file written in a pod’s volume survives the pod and is a real file in OPFS', async ({ page }) => {
  test.setTimeout(90_000);
  await openLab(page);
  await startStarterStatefulSet(page);

  expect(await run(page, "kubectl exec web-0 -- sh -c 'echo hello > /usr/share/nginx/html/index.html'")).toBe('');
  const pvc = await run(page, 'kubectl get pvc www-web-0 --no-headers');
  const volume = /^www-web-0\s+Bound\s+(pvc-[0-9a-f-]{36})\s/.exec(pvc)?.[1] ?? `no volume in ${pvc}`;
  await expect
    .poll(async () => Object.entries(await opfsVolumeFiles(page)).filter(([path]) => path.endsWith(`/${volume}/index.html`)))
    .toEqual([[expect.stringMatching(new RegExp(`^/lab-[^/]+/${volume}/index\\.html$`)), 'hello\n']]);

  expect(await run(page, 'kubectl delete pod web-0')).toBe('pod "web-0" deleted\n');
  await expect
    .poll(async () => run(page, 'kubectl get pod web-0 --no-headers'), { timeout: 30_000 })
    .toMatch(/^web-0\s+1\/1\s+Running\s+0\s+\S+\n$/);
  expect(await run(page, 'kubectl exec web-0 -- cat /usr/share/nginx/html/index.html')).toBe('hello\n');
});

// The sandbox lab is saved, so a reloaded page keeps its volumes' folder and files.
test('a reloaded page keeps the OPFS volumes of the saved lab', async ({ page }) => {
  await openLab(page);
  await page.getByRole('button', { name: 'Run simulated time at 10× speed' }).click();
  await run(page, 'kubectl apply -f web.yaml');
  const volumeFolders = async () => Object.keys(await opfsVolumeFiles(page)).filter((path) => /^\/lab-[^/]+\/pvc-[^/]+\/$/.test(path));
  await expect.poll(async () => (await volumeFolders()).length, { timeout: 30_000 }).toBe(2);
  const before = await volumeFolders();
  await openLab(page);
  expect(await volumeFolders()).toEqual(before);
});
