import { describe, expect, it } from 'vitest';
import { formatInViewerZone } from '../../../src/lib/inspect-view/date-display.ts';

describe('formatInViewerZone', () => {
  it('shows an instant in the zone asked for, with the zone named', () => {
    const time = Date.UTC(2003, 1, 7, 16, 35, 25);
    expect(formatInViewerZone(time, { timeZone: 'Europe/Bucharest', locale: 'en-GB' })).toMatch(
      /Fri.*7 Feb 2003.*18:35:25.*(EET|GMT\+2)/,
    );
    expect(formatInViewerZone(time, { timeZone: 'UTC', locale: 'en-GB' })).toMatch(/16:35:25.*UTC/);
  });
});
