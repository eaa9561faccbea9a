// `npm run bench`: prints kubelab's speed and size figures as JSON.
// Figures only — nothing here passes or fails.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page, type Worker as PlaywrightWorker } from '@playwright/test';
import { createSession } from '../src/headless';
import { statefulSetScaleFigures } from './bench-statefulset';
import { restoreFigures } from './bench-restore';

const dist = 'dist';
const port = 4179;

function gz(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

/** Gzip bytes of the given built files. */
function gzTotal(files: string[]): number {
  return files.reduce((sum, f) => sum + gz(join(dist, f)), 0);
}

interface LoadFigures {
  times: number[];
  /** Files the page itself fetched before the first prompt (dist-relative). */
  pageFiles: string[];
  /** Each start-up step's median time (ms after navigation): the page's and the worker's performance marks, and the page's loads. */
  phases: Record<string, number>;
}

/** The start-up's performance marks and script loads, in the page's time (the worker's clock starts later). */
async function startupPhases(page: Page, worker: PlaywrightWorker | undefined): Promise<Record<string, number>> {
  const marksOf = () => ({
    origin: performance.timeOrigin,
    marks: Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name.replace(/^kubelab:/, ''), m.startTime])),
    loads: Object.fromEntries(
      performance
        .getEntriesByType('resource')
        .filter((e) => /\.js$/.test(e.name))
        .map((e) => [`loaded ${new URL(e.name).pathname.split('/').pop()!.replace(/-[\w-]{8}\.js$/, '')}`, (e as PerformanceResourceTiming).responseEnd]),
    ),
  });
  const inPage = await page.evaluate(marksOf);
  const phases: Record<string, number> = { ...inPage.loads, ...inPage.marks };
  const inWorker = await worker?.evaluate(marksOf).catch(() => undefined);
  if (inWorker) {
    const shift = inWorker.origin - inPage.origin;
    for (const [name, t] of Object.entries({ ...inWorker.loads, ...inWorker.marks })) phases[`worker: ${name}`] = t + shift;
  }
  return phases;
}

async function timeToFirstPrompt(runs = 5): Promise<LoadFigures> {
  // Its own process group: killing npx alone would leave vite serving this build to the next run.
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    stdio: 'ignore',
    detached: true,
  });
  try {
    const url = `http://127.0.0.1:${port}/`;
    for (let i = 0; i < 100; i++) {
      if (await fetch(url).then((r) => r.ok, () => false)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const browser = await chromium.launch({
      executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const times: number[] = [];
    let pageFiles: string[] = [];
    const phaseRuns: Record<string, number[]> = {};
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      let worker: PlaywrightWorker | undefined;
      page.on('worker', (w) => (worker ??= w));
      await page.goto(url);
      await page.waitForFunction(() => /\$\s*$/m.test(document.querySelector('.xterm-rows')?.textContent ?? ''), undefined, {
        polling: 5,
      });
      times.push(Math.round(await page.evaluate(() => performance.now())));
      const urls = await page.evaluate(() => [location.href, ...performance.getEntriesByType('resource').map((e) => e.name)]);
      pageFiles = urls
        .map((u) => new URL(u).pathname.replace(/^\//, '') || 'index.html')
        .filter((f) => /\.(js|css|html)$/.test(f) && !/(^|\/)worker-/.test(f));
      for (const [name, t] of Object.entries(await startupPhases(page, worker))) (phaseRuns[name] ??= []).push(t);
      await context.close();
    }
    await browser.close();
    const phases = Object.entries(phaseRuns)
      .map(([name, ts]) => [name, Math.round(median(ts))] as const)
      .sort((a, b) => a[1] - b[1]);
    return { times, pageFiles, phases: Object.fromEntries(phases) };
  } finally {
    if (server.pid) process.kill(-server.pid);
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function getPodsLatency(pods: number): Promise<number> {
  const session = createSession({ seed: 7 });
  const client = session.lab.cluster.client;
  const type = { group: '', version: 'v1', resource: 'pods' };
  const namespaces = Math.max(1, Math.ceil(pods / 1000));
  for (let n = 0; n < namespaces; n++) {
    await session.exec(`kubectl create namespace bench-${n}`);
  }
  for (let i = 0; i < pods; i++) {
    await client.create(type, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `pod-${i}`, namespace: `bench-${i % namespaces}`, labels: { app: 'bench' } },
      spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] },
    });
  }
  // Measure kubectl against the store alone: thousands of unschedulable bench pods would
  // otherwise keep the scheduler retrying while kubectl runs.
  session.lab.cluster.stop();
  const samples: number[] = [];
  for (let i = 0; i < 15; i++) {
    const start = performance.now();
    await session.exec('kubectl get pods -A');
    samples.push(performance.now() - start);
  }
  session.close();
  return Math.round(median(samples) * 100) / 100;
}

async function main(): Promise<void> {
  const result: Record<string, unknown> = {};
  if (!existsSync(join(dist, 'index.html'))) spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'ignore' });
  const loads = await timeToFirstPrompt();
  const assets = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
  const workerEntry = assets.filter((f) => f.startsWith('worker-')).map((f) => `assets/${f}`);
  const mainFiles = loads.pageFiles;
  const lazy = assets.map((f) => `assets/${f}`).filter((f) => !mainFiles.includes(f) && !workerEntry.includes(f));
  result.firstScreenGzipBytes = gzTotal(mainFiles);
  result.firstScreenFiles = mainFiles;
  result.workerGzipBytes = gzTotal(workerEntry);
  result.loadedAfterFirstPromptGzipBytes = gzTotal(lazy);
  result.firstPromptMs = { median: median(loads.times), runs: loads.times, medianPhases: loads.phases };
  result.getPodsAllNamespacesMedianMs = {
    pods10: await getPodsLatency(10),
    pods1000: await getPodsLatency(1000),
    pods10000: await getPodsLatency(10000),
  };
  result.statefulSetScale0To1000Parallel = await statefulSetScaleFigures(1000);
  // Saved lab with 100 running pods and 100 volumes (one file each): fake IndexedDB and OPFS, so storage speed is not included.
  result.restoreLab100PodsAnd100Volumes = await restoreFigures(100);
  console.log(JSON.stringify(result, null, 2));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
