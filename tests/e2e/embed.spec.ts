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
  expect(text.endsWith('$ echo one\none\n$ echo two\ntwo\n$ ')).toBe(true);
});
