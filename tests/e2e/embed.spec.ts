import { test, expect, type Page } from '@playwright/test';

// The docs example page (public/docs-example.html) and the iframe page (embed.html).
type Widget = HTMLElement & { text(): string; cursorLine(): string };

const widgetText = (page: Page, id: string) => page.evaluate((i) => (document.getElementById(i) as Widget).text(), id);
const widgetCursor = (page: Page, id: string) => page.evaluate((i) => (document.getElementById(i) as Widget).cursorLine(), id);

async function openWidget(page: Page, id: string): Promise<void> {
  const widget = page.locator(`#${id}`);
  await widget.scrollIntoViewIfNeeded();
  await expect(widget).toHaveAttribute('state', 'ready', { timeout: 20_000 });
  await page.locator(`#${id} .xterm`).click();
}

/** Types a command into a widget and returns what it printed before the next prompt. */
async function runIn(page: Page, id: string, command: string): Promise<string> {
  const before = await widgetText(page, id);
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
  let output = '';
  await expect
    .poll(async () => {
      const rest = (await widgetText(page, id)).slice(before.length);
      const done = rest.startsWith(`${command}\n`) && rest.endsWith('\n$ ') && (await widgetCursor(page, id)) === '$ ';
      if (done) output = rest.slice(command.length + 1, rest.length - 2);
      return done;
    }, { message: `waiting for ${command}` })
    .toBe(true);
  return output;
}

test('two widgets on one page each have their own cluster', async ({ page }) => {
  await page.goto('/docs-example.html');
  await openWidget(page, 'lab-a');
  expect(await runIn(page, 'lab-a', 'kubectl create namespace team-a')).toBe('namespace/team-a created\n');
  await openWidget(page, 'lab-b');
  expect(await runIn(page, 'lab-b', 'kubectl get namespace team-a')).toBe(
    'Error from server (NotFound): namespaces "team-a" not found\n',
  );
  await page.locator('#lab-a .xterm').click();
  expect(await runIn(page, 'lab-a', 'kubectl get namespace team-a -o name')).toBe('namespace/team-a\n');
});

test('the show-me widget types its script one command at a time and takes no typing', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/docs-example.html');
  const widget = page.locator('#show-me');
  await expect(widget).toHaveAttribute('state', 'playing', { timeout: 20_000 });
  // Keys pressed during the demonstration must not reach its shell.
  await page.locator('#show-me .xterm').click();
  await page.keyboard.type('zzz');
  await page.keyboard.press('Enter');
  await expect(widget).toHaveAttribute('state', 'played', { timeout: 60_000 });
  const text = await widgetText(page, 'show-me');
  const commands = text.split('\n').filter((line) => line.startsWith('$ ') && line.length > 2);
  expect(commands).toEqual(['$ kubectl get nodes', '$ kubectl apply -f web.yaml', '$ kubectl get statefulset web']);
  expect(text).toContain('service/nginx created\nstatefulset.apps/web created\n');
  expect(text).not.toContain('zzz');
  expect(await widgetCursor(page, 'show-me')).toBe('$ ');
  await expect(page.locator('#show-me').getByRole('button', { name: 'Replay' })).toBeVisible();
});

test('a light widget draws a light terminal, and styles cross the shadow boundary in neither direction', async ({ page }) => {
  await page.goto('/docs-example.html');
  await openWidget(page, 'lab-b');
  const colours = await page.evaluate(() => {
    const root = document.getElementById('lab-b')!.shadowRoot!;
    const bg = (sel: string) => getComputedStyle(root.querySelector(sel)!).backgroundColor;
    const frame = root.querySelector('.frame')!;
    return {
      theme: (frame as HTMLElement).dataset.theme,
      frame: bg('.frame'),
      terminal: bg('.xterm-scrollable-element'),
      text: getComputedStyle(root.querySelector('.xterm-rows')!).color,
      frameLetterSpacing: getComputedStyle(frame).letterSpacing,
      frameFont: getComputedStyle(frame).fontFamily,
    };
  });
  expect(colours.theme).toBe('light');
  expect(colours.frame).toBe('rgb(255, 255, 255)');
  expect(colours.terminal).toBe('rgb(255, 255, 255)');
  expect(colours.text).toBe('rgb(31, 35, 40)');
  // The page sets `div { letter-spacing }` and a serif body font; neither reaches the widget.
  expect(colours.frameLetterSpacing).toBe('normal');
  expect(colours.frameFont).not.toContain('Georgia');
  // xterm's stylesheet stays in the shadow roots: a look-alike element on the page is untouched.
  const decoy = await page.evaluate(() => {
    const outer = document.createElement('div');
    outer.className = 'xterm';
    outer.innerHTML = '<textarea class="xterm-helper-textarea"></textarea>';
    document.body.append(outer);
    const style = getComputedStyle(outer.firstElementChild!);
    return { opacity: style.opacity, position: style.position, sheets: [...document.styleSheets].length };
  });
  expect(decoy).toEqual({ opacity: '1', position: 'static', sheets: 1 });
});

test('the iframe embed shows a lesson step that completes when the learner types its solution', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('/embed.html?lesson=02-first-statefulset&step=headless-service&theme=light&height=420');
  const widget = page.locator('kube-lab');
  await expect(widget).toHaveAttribute('state', 'ready', { timeout: 20_000 });
  const lesson = page.locator('kube-lab section.lesson');
  await expect(lesson).toHaveAttribute('data-step', 'headless-service');
  await expect(lesson).toHaveAttribute('data-status', 'current');
  await expect(lesson.locator('.where')).toHaveText('Your first StatefulSet · Step 1 of 4');
  await page.locator('kube-lab .xterm').click();
  await page.keyboard.type('kubectl apply -f nginx-headless.yaml');
  await page.keyboard.press('Enter');
  await expect(lesson).toHaveAttribute('data-status', 'done', { timeout: 20_000 });
  await expect(lesson.getByRole('status')).toHaveText('✓ Done');
});

test('the iframe embed plays a script given in its query string', async ({ page }) => {
  await page.goto(`/embed.html?mode=show&script=${encodeURIComponent('echo one\necho two')}`);
  await expect(page.locator('kube-lab')).toHaveAttribute('state', 'played', { timeout: 30_000 });
  const text = await page.evaluate(() => (document.querySelector('kube-lab') as Widget).text());
  expect(text).toBe('$ echo one\none\n$ echo two\ntwo\n$ ');
});

// Live attributes and languages.

/** Counts the page's workers that end from now on (a widget's cluster is its worker). */
function watchWorkerEnds(page: Page): { ended: number } {
  const count = { ended: 0 };
  const watch = (worker: import('@playwright/test').Worker) => worker.once('close', () => count.ended++);
  page.workers().forEach(watch);
  page.on('worker', watch);
  return count;
}

async function frameColours(page: Page, id: string) {
  return page.evaluate((i) => {
    const root = document.getElementById(i)!.shadowRoot!;
    const style = (sel: string) => getComputedStyle(root.querySelector(sel)!);
    return {
      frame: style('.frame').backgroundColor,
      terminal: style('.xterm-scrollable-element').backgroundColor,
      text: style('.xterm-rows').color,
    };
  }, id);
}

/** embed.html with its widget given an id, ready for typing. */
async function openFrame(page: Page, query: string): Promise<void> {
  await page.goto(`/embed.html${query}`);
  await expect(page.locator('kube-lab')).toHaveAttribute('state', 'ready', { timeout: 20_000 });
  await page.evaluate(() => (document.querySelector('kube-lab')!.id = 'w'));
}

test('a zh-CN widget draws its caption, step line and labels in Chinese, and follows a change of lang', async ({ page }) => {
  await openFrame(page, '?lang=zh-CN&lesson=02-first-statefulset&step=headless-service');
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  const widget = page.locator('kube-lab');
  await expect(widget.locator('.caption')).toHaveText('在浏览器中运行的模拟 Kubernetes 集群');
  await expect(widget.getByRole('region', { name: 'kubelab 终端' })).toBeVisible();
  const lesson = widget.getByRole('region', { name: '课程步骤' });
  await expect(lesson.locator('.where')).toHaveText('你的第一个 StatefulSet · 第 1 步，共 4 步');
  const before = await widgetText(page, 'w');
  const ends = watchWorkerEnds(page);

  await widget.evaluate((w) => w.setAttribute('lang', 'en'));
  await expect(widget.locator('.caption')).toHaveText('A simulated Kubernetes cluster in your browser');
  await expect(widget.getByRole('region', { name: 'kubelab terminal' })).toBeVisible();
  await expect(widget.getByRole('region', { name: 'Lesson step' }).locator('.where')).toHaveText('Your first StatefulSet · Step 1 of 4');
  await expect(lesson).toHaveCount(0);
  expect(await widgetText(page, 'w')).toBe(before);
  expect(ends.ended).toBe(0);
});

test('a zh-CN demonstration names its Replay button in Chinese, and the button plays it again', async ({ page }) => {
  await page.goto(`/embed.html?lang=zh-CN&mode=show&script=${encodeURIComponent('echo 一')}`);
  const widget = page.locator('kube-lab');
  await expect(widget).toHaveAttribute('state', 'played', { timeout: 30_000 });
  await expect(widget.locator('.caption')).toHaveText('演示：预先录制的操作（只读）');
  await expect(widget.getByRole('region', { name: 'kubelab 演示（只读终端）' })).toBeVisible();
  const replay = widget.getByRole('button', { name: '重放', exact: true });
  await expect(replay).toHaveAttribute('title', '在全新的集群上重放演示');
  await replay.click();
  await expect(widget).not.toHaveAttribute('state', 'played');
  await expect(widget).toHaveAttribute('state', 'played', { timeout: 30_000 });
  const text = await widget.evaluate((w) => (w as Widget).text());
  // The replay's fresh terminal shows this play alone.
  expect(text).toBe('$ echo 一\n一\n$ ');
});

test('changing theme on a live widget recolours it on the same cluster, without a new prompt', async ({ page }) => {
  await page.goto('/docs-example.html');
  await openWidget(page, 'lab-a');
  expect(await runIn(page, 'lab-a', 'kubectl create namespace kept')).toBe('namespace/kept created\n');
  expect(await frameColours(page, 'lab-a')).toEqual({ frame: 'rgb(13, 17, 23)', terminal: 'rgb(13, 17, 23)', text: 'rgb(215, 221, 229)' });
  const before = await widgetText(page, 'lab-a');
  const ends = watchWorkerEnds(page);

  await page.evaluate(() => document.getElementById('lab-a')!.setAttribute('theme', 'light'));
  await expect
    .poll(() => frameColours(page, 'lab-a'))
    .toEqual({ frame: 'rgb(255, 255, 255)', terminal: 'rgb(255, 255, 255)', text: 'rgb(31, 35, 40)' });
  await expect(page.locator('#lab-a')).toHaveAttribute('state', 'ready');
  expect(await widgetText(page, 'lab-a')).toBe(before);
  await page.locator('#lab-a .xterm').click();
  expect(await runIn(page, 'lab-a', 'kubectl get namespace kept -o name')).toBe('namespace/kept\n');
  expect(ends.ended).toBe(0);
});

test('changing height applies at once and keeps the lab', async ({ page }) => {
  await openFrame(page, '?height=300');
  const before = await widgetText(page, 'w');
  await page.locator('kube-lab').evaluate((w) => w.setAttribute('height', '200'));
  await expect.poll(() => page.locator('kube-lab').evaluate((w) => w.getBoundingClientRect().height)).toBe(200);
  expect(await widgetText(page, 'w')).toBe(before);
});

test('changing lesson switches the lesson on the widget’s own lab; changing step moves to that step', async ({ page }) => {
  test.setTimeout(60_000);
  await openFrame(page, '?lesson=02-first-statefulset&step=headless-service');
  const widget = page.locator('kube-lab');
  const lesson = widget.locator('section.lesson');
  await expect(lesson.locator('.where')).toHaveText('Your first StatefulSet · Step 1 of 4');
  const ends = watchWorkerEnds(page);

  await widget.evaluate((w) => {
    w.setAttribute('lesson', '03-stable-network-identity');
    w.removeAttribute('step');
  });
  await expect(lesson).toHaveAttribute('data-lesson', '03-stable-network-identity', { timeout: 20_000 });
  await expect(lesson).toHaveAttribute('data-step', 'hostnames');
  await expect(lesson.locator('.where')).toHaveText('Stable network identity · Step 1 of 5');
  await expect(widget).toHaveAttribute('state', 'ready', { timeout: 20_000 });
  await page.locator('kube-lab .xterm').click();
  expect(await runIn(page, 'w', 'kubectl get statefulset -o name')).toBe('statefulset.apps/web\n');

  await widget.evaluate((w) => w.setAttribute('step', 'recreate'));
  await expect(lesson).toHaveAttribute('data-step', 'recreate');
  await expect(lesson.locator('.where')).toHaveText('Stable network identity · Step 4 of 5');

  // Without a lesson the widget is a plain terminal on a fresh sandbox.
  await widget.evaluate((w) => {
    w.removeAttribute('lesson');
    w.removeAttribute('step');
  });
  await expect(lesson).toBeHidden();
  await expect(widget).toHaveAttribute('state', 'ready');
  await page.locator('kube-lab .xterm').click();
  expect(await runIn(page, 'w', 'kubectl get statefulset')).toBe('No resources found in default namespace.\n');
  expect(ends.ended).toBe(0);
});

test('a new script on a demonstration plays it on a fresh cluster', async ({ page }) => {
  await page.goto(`/embed.html?mode=show&script=${encodeURIComponent('kubectl create namespace first')}`);
  const widget = page.locator('kube-lab');
  await expect(widget).toHaveAttribute('state', 'played', { timeout: 30_000 });
  await widget.evaluate((w) => w.setAttribute('script', 'kubectl get namespace first'));
  await expect(widget).not.toHaveAttribute('state', 'played');
  await expect(widget).toHaveAttribute('state', 'played', { timeout: 30_000 });
  const text = await widget.evaluate((w) => (w as Widget).text());
  // A fresh terminal on a fresh cluster: the first script's namespace is gone, and so is its text.
  expect(text).toBe('$ kubectl get namespace first\nError from server (NotFound): namespaces "first" not found\n$ ');
});

test('removing a widget ends its worker; moving it keeps its lab; adding it back starts a fresh one', async ({ page }) => {
  await openFrame(page, '');
  await page.locator('#w .xterm').click();
  expect(await runIn(page, 'w', 'kubectl create namespace moved')).toBe('namespace/moved created\n');
  const ends = watchWorkerEnds(page);
  await page.evaluate(() => {
    const box = document.createElement('div');
    box.style.height = '100%';
    document.body.append(box);
    box.append(document.getElementById('w')!);
  });
  await page.locator('#w .xterm').click();
  expect(await runIn(page, 'w', 'kubectl get namespace moved -o name')).toBe('namespace/moved\n');
  expect(ends.ended).toBe(0);

  await page.evaluate(() => {
    const w = document.getElementById('w')!;
    (window as unknown as { removed: HTMLElement }).removed = w;
    w.remove();
  });
  await expect.poll(() => ends.ended).toBe(1);
  expect(await page.evaluate(() => (window as unknown as { removed: HTMLElement }).removed.getAttribute('state'))).toBe('idle');

  await page.evaluate(() => document.body.append((window as unknown as { removed: HTMLElement }).removed));
  await openWidget(page, 'w');
  expect(await runIn(page, 'w', 'kubectl get namespace moved')).toBe('Error from server (NotFound): namespaces "moved" not found\n');
});

test('a lesson that cannot start is reported in the widget’s language; the terminal stays usable and takes a lesson later', async ({ page }) => {
  await page.goto('/embed.html?lang=zh-CN&lesson=no-such-lesson');
  const widget = page.locator('kube-lab');
  await expect(widget).toHaveAttribute('state', 'error', { timeout: 20_000 });
  await expect(widget.getByRole('alert')).toHaveText('本课无法启动：lessons/no-such-lesson/lesson.yaml: not found');
  await page.evaluate(() => (document.querySelector('kube-lab')!.id = 'w'));
  await page.locator('#w .xterm').click();
  expect(await runIn(page, 'w', 'echo still here')).toBe('still here\n');

  await widget.evaluate((w) => w.setAttribute('lesson', '02-first-statefulset'));
  await expect(widget).toHaveAttribute('state', 'ready', { timeout: 20_000 });
  await expect(widget.getByRole('alert')).toBeHidden();
  await expect(widget.locator('section.lesson .where')).toHaveText('你的第一个 StatefulSet · 第 1 步，共 4 步');
});

test('the docs page’s Chinese widget switches language and theme from the page’s buttons', async ({ page }) => {
  await page.goto('/docs-example.html');
  await openWidget(page, 'lab-zh');
  const widget = page.locator('#lab-zh');
  await expect(widget.locator('section.lesson .where')).toHaveText('你的第一个 StatefulSet · 第 1 步，共 4 步');
  await page.locator('#toggle-lang').click();
  await expect(widget.locator('.caption')).toHaveText('A simulated Kubernetes cluster in your browser');
  await expect(widget.locator('section.lesson .where')).toHaveText('Your first StatefulSet · Step 1 of 4');
  await page.locator('#toggle-theme').click();
  await expect.poll(() => frameColours(page, 'lab-zh')).toEqual({ frame: 'rgb(255, 255, 255)', terminal: 'rgb(255, 255, 255)', text: 'rgb(31, 35, 40)' });
});
