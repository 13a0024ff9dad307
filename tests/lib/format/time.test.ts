import { describe, expect, it } from 'vitest';
import { formatDuration, formatTime } from '../../../src/lib/format/time.ts';

describe('formatDuration', () => {
  const durations: Array<[number, string]> = [
    [0, '0 s'],
    [4_400, '4 s'],
    [125_000, '2 min 5 s'],
    [3 * 3600_000 + 61_000, '3 h 1 min'],
    [2 * 86_400_000 + 4 * 3600_000, '2 d 4 h'],
    [-90_000, '−1 min 30 s'],
    [60_000, '1 min'],
    [3_600_000, '1 h'],
    [86_400_000, '1 d'],
  ];
  for (const [ms, text] of durations)
    it(`writes ${ms} ms as ${text}`, () => {
      expect(formatDuration(ms)).toBe(text);
    });
});

describe('formatTime', () => {
  it('writes an instant in UTC to the second, from epoch ms or ISO 8601', () => {
    expect(formatTime('2026-01-01T00:00:03.123Z')).toBe('2026-01-01 00:00:03 UTC');
    expect(formatTime(Date.UTC(2026, 1, 2, 3, 4, 5))).toBe('2026-02-02 03:04:05 UTC');
  });
  it('gives back what is not a time as it is', () => {
    expect(formatTime('soon')).toBe('soon');
  });
});
