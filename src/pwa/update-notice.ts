/**
 * The "new version" notice: a small toast that never blocks the terminal.
 * Reloading is the learner's choice, so nothing typed is cut off; lesson
 * progress lives in localStorage and survives the reload.
 */
export function showUpdateNotice(onReload: () => void, doc: Document = document): HTMLElement {
  doc.getElementById('kubelab-update')?.remove();
  const box = doc.createElement('div');
  box.id = 'kubelab-update';
  box.setAttribute('role', 'status');
  box.setAttribute('aria-live', 'polite');
  box.style.cssText = [
    'position:fixed', 'right:16px', 'bottom:16px', 'z-index:1000', 'display:flex', 'align-items:center', 'gap:10px',
    'padding:8px 10px 8px 14px', 'border:1px solid var(--line,#30363d)', 'border-radius:8px',
    'background:var(--bar-bg,#161b22)', 'color:var(--fg,#e6edf3)', 'box-shadow:0 4px 16px rgba(0,0,0,.35)',
    'font:13px/1.4 system-ui,sans-serif',
  ].join(';');
  const text = doc.createElement('span');
  text.textContent = 'A new version is available —';
  const reload = button(doc, 'Reload', 'var(--accent,#58a6ff)');
  reload.addEventListener('click', () => {
    reload.disabled = true;
    onReload();
  });
  const dismiss = button(doc, '×', 'transparent');
  dismiss.setAttribute('aria-label', 'Dismiss');
  dismiss.title = 'Later';
  dismiss.addEventListener('click', () => box.remove());
  box.append(text, reload, dismiss);
  doc.body.append(box);
  return box;
}

function button(doc: Document, label: string, background: string): HTMLButtonElement {
  const b = doc.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.style.cssText = `font:inherit;cursor:pointer;padding:2px 10px;border-radius:6px;border:1px solid var(--line,#30363d);background:${background};color:${background === 'transparent' ? 'inherit' : '#0d1117'}`;
  return b;
}
