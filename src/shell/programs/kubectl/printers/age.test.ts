import { describe, expect, it } from 'vitest';
import { ageSince, humanDuration } from './age';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

describe('humanDuration (apimachinery HumanDuration)', () => {
  it.each([
    [-2 * s, '<invalid>'],
    [-1 * s, '0s'],
    [-500, '0s'],
    [0, '0s'],
    [999, '0s'],
    [119 * s, '119s'],
    [120 * s, '2m'],
    [187 * s, '3m7s'],
    [10 * m - s, '9m59s'],
    [10 * m, '10m'],
    [180 * m - s, '179m'],
    [3 * h, '3h'],
    [8 * h - m, '7h59m'],
    [8 * h, '8h'],
    [48 * h - s, '47h'],
    [2 * d, '2d'],
    [8 * d - h, '7d23h'],
    [8 * d, '8d'],
    [730 * d - s, '729d'],
    [730 * d, '2y'],
    [731 * d, '2y1d'],
    [8 * 365 * d - d, '7y364d'],
    [8 * 365 * d, '8y'],
  ])('%d ms prints %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });

  it('prints <unknown> for a missing timestamp', () => {
    expect(ageSince(undefined, 0)).toBe('<unknown>');
    expect(ageSince('2026-01-01T00:00:00Z', Date.UTC(2026, 0, 1, 0, 1, 5))).toBe('65s');
  });
});
