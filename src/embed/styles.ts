import xtermCss from '@xterm/xterm/css/xterm.css?inline';

/**
 * Everything the widget draws with lives in its shadow root: xterm's sheet
 * and this one. `all: initial` on the host stops the page's inherited fonts
 * and colours from reaching in.
 */
const WIDGET_CSS = `
:host {
  all: initial;
  display: block;
  contain: content;
  --kl-bg: #0d1117; --kl-bar: #161b22; --kl-line: #30363d; --kl-fg: #e6edf3;
  --kl-muted: #8b949e; --kl-accent: #58a6ff; --kl-done: #3fb950;
}
:host([hidden]) { display: none; }
.frame[data-theme='light'] {
  --kl-bg: #ffffff; --kl-bar: #f6f8fa; --kl-line: #d0d7de; --kl-fg: #1f2328;
  --kl-muted: #59636e; --kl-accent: #0969da; --kl-done: #1a7f37;
}
.frame {
  box-sizing: border-box;
  display: flex;
  flex-direction: column;
  height: 100%;
  border: 1px solid var(--kl-line);
  border-radius: 8px;
  overflow: hidden;
  background: var(--kl-bg);
  color: var(--kl-fg);
  font: 13px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, Ubuntu, sans-serif;
}
.lesson {
  flex: none;
  max-height: 45%;
  overflow: auto;
  padding: 10px 14px;
  background: var(--kl-bar);
  border-bottom: 1px solid var(--kl-line);
}
.lesson[hidden] { display: none; }
.lesson .where { margin: 0 0 4px; color: var(--kl-muted); font-size: 12px; }
.lesson .status { margin-left: 8px; color: var(--kl-done); font-weight: 600; }
.lesson .text > :first-child { margin-top: 0; }
.lesson .text > :last-child { margin-bottom: 0; }
.lesson code, .lesson pre {
  font-family: ui-monospace, 'SF Mono', Menlo, Consolas, 'DejaVu Sans Mono', monospace;
  font-size: 12px;
}
.lesson pre { padding: 6px 8px; border: 1px solid var(--kl-line); border-radius: 6px; overflow: auto; }
.lesson a { color: var(--kl-accent); }
.term { flex: 1; min-height: 0; padding: 6px 0 0 10px; }
.term > div { width: 100%; height: 100%; }
.bar {
  flex: none;
  display: flex;
  align-items: center;
  gap: 8px;
  height: 26px;
  padding: 0 10px;
  border-top: 1px solid var(--kl-line);
  background: var(--kl-bar);
  color: var(--kl-muted);
  font-size: 11px;
}
.bar .brand { font-weight: 600; color: var(--kl-fg); text-decoration: none; }
.bar .spacer { flex: 1; }
.bar button {
  font: inherit;
  color: var(--kl-fg);
  background: transparent;
  border: 1px solid var(--kl-line);
  border-radius: 5px;
  padding: 1px 8px;
  cursor: pointer;
}
.bar button[hidden] { display: none; }
.bar button:focus-visible { outline: 2px solid var(--kl-accent); outline-offset: 1px; }
.error { padding: 6px 12px; background: #5a1d1d; color: #ffd7d5; }
.error[hidden] { display: none; }
`;

export const SHADOW_CSS = `${xtermCss}\n${WIDGET_CSS}`;
