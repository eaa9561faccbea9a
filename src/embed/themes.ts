import type { ITheme } from '@xterm/xterm';
import { THEME as DARK } from '../ui/terminal/theme';
import type { EmbedTheme } from './options';

/** A light palette with the dark one's hues, readable on white (GitHub light-like). */
const LIGHT: ITheme = {
  background: '#ffffff',
  foreground: '#1f2328',
  cursor: '#0969da',
  cursorAccent: '#ffffff',
  selectionBackground: '#b6d7ff',
  scrollbarSliderBackground: 'rgba(31, 35, 40, 0.15)',
  scrollbarSliderHoverBackground: 'rgba(31, 35, 40, 0.28)',
  scrollbarSliderActiveBackground: 'rgba(31, 35, 40, 0.4)',
  black: '#24292f',
  red: '#cf222e',
  green: '#116329',
  yellow: '#7d4e00',
  blue: '#0969da',
  magenta: '#8250df',
  cyan: '#1b7c83',
  white: '#6e7781',
  brightBlack: '#57606a',
  brightRed: '#a40e26',
  brightGreen: '#1a7f37',
  brightYellow: '#633c01',
  brightBlue: '#218bff',
  brightMagenta: '#a475f9',
  brightCyan: '#3192aa',
  brightWhite: '#8c959f',
};

export function terminalTheme(theme: EmbedTheme): ITheme {
  return theme === 'light' ? LIGHT : DARK;
}
