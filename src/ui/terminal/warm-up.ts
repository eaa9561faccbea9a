import { FONT_FAMILY, FONT_SIZE } from './theme';

/**
 * Looks the terminal's font up once while the page waits for the terminal code: the browser's
 * first lookup of a font (canvas metrics, then layout) is slow, and xterm needs both to open.
 */
export function warmUpTerminalFont(): void {
  const font = `${FONT_SIZE}px ${FONT_FAMILY}`;
  try {
    const context = new OffscreenCanvas(1, 1).getContext('2d');
    if (context) {
      context.font = font;
      context.measureText('W');
    }
  } catch {
    // No OffscreenCanvas: xterm measures with the DOM instead.
  }
  const probe = document.createElement('div');
  probe.setAttribute('aria-hidden', 'true');
  probe.style.cssText = `position:absolute;visibility:hidden;white-space:pre;font:${font}`;
  probe.innerHTML = 'W<b>W</b><i>W</i>';
  document.body.append(probe);
  void probe.offsetWidth;
  probe.remove();
}
