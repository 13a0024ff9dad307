import { describe, expect, it } from 'vitest';
import { formatDuration, formatInViewerZone } from '../../../src/lib/inspect-view/date-display.ts';

describe('formatInViewerZone', () => {
  it('shows an instant in the zone asked for, with the zone named', () => {
    const time = Date.UTC(2003, 1, 7, 16, 35, 25);
    expect(formatInViewerZone(time, { timeZone: 'Europe/Bucharest', locale: 'en-GB' })).toMatch(
      /Fri.*7 Feb 2003.*18:35:25.*(EET|GMT\+2)/,
    );
    expect(formatInViewerZone(time, { timeZone: 'UTC', locale: 'en-GB' })).toMatch(/16:35:25.*UTC/);
  });
});

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
