import type { ITheme } from '@xterm/xterm';

export const FONT_SIZE = 14;

/** System monospace fonts only: nothing to download before the first prompt. */
export const FONT_FAMILY =
  "ui-monospace, 'SF Mono', 'Cascadia Mono', 'Segoe UI Mono', Menlo, Consolas, 'DejaVu Sans Mono', 'Liberation Mono', monospace";

/** Keep in step with --term-bg in index.html. */
export const THEME: ITheme = {
  background: '#0d1117',
  foreground: '#d7dde5',
  cursor: '#58a6ff',
  cursorAccent: '#0d1117',
  selectionBackground: '#2f4a6d',
  scrollbarSliderBackground: 'rgba(139, 148, 158, 0.18)',
  scrollbarSliderHoverBackground: 'rgba(139, 148, 158, 0.32)',
  scrollbarSliderActiveBackground: 'rgba(139, 148, 158, 0.45)',
  black: '#1b1f24',
  red: '#ff7b72',
  green: '#7ee787',
  yellow: '#e3b341',
  blue: '#79c0ff',
  magenta: '#d2a8ff',
  cyan: '#76e3ea',
  white: '#c9d1d9',
  brightBlack: '#6e7681',
  brightRed: '#ffa198',
  brightGreen: '#56d364',
  brightYellow: '#f2cc60',
  brightBlue: '#a5d6ff',
  brightMagenta: '#e2c5ff',
  brightCyan: '#b3f0ff',
  brightWhite: '#f0f6fc',
};
