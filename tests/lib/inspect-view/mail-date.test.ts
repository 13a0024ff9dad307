import { describe, expect, it } from 'vitest';
import {
  formatDuration,
  formatInViewerZone,
  parseMailDate,
} from '../../../src/lib/inspect-view/mail-date.ts';

const cases: Array<[string, string | undefined, number | undefined]> = [
  ['Fri, 21 Nov 1997 09:55:06 -0600', '1997-11-21T15:55:06.000Z', -360],
  ['Tue, 1 Jul 2003 10:52:37 +0200', '2003-07-01T08:52:37.000Z', 120],
  ['Thu, 13 Feb 1969 23:32:54 -0330', '1969-02-14T03:02:54.000Z', -210],
  // RFC 5322 §4.3 obsolete forms: two-digit year, named zones, comments, no seconds.
  ['21 Nov 97 09:55 EST', '1997-11-21T14:55:00.000Z', -300],
  ['Mon, 14 Nov 2011 18:10:06 -0800 (PST)', '2011-11-15T02:10:06.000Z', -480],
  ['Fri, 7 Feb 2003 18:35:25 GMT', '2003-02-07T18:35:25.000Z', 0],
  ['1 Jan 2024 00:00:00 -0000', '2024-01-01T00:00:00.000Z', undefined],
  ['Sat, 19 Apr 2014 13:13:23 -0700', '2014-04-19T20:13:23.000Z', -420],
  ['  Wed,\r\n 2 Oct 2002 08:00:00 +0000 ', '2002-10-02T08:00:00.000Z', 0],
  // Impossible or not a date.
  ['Tue, 27 Jan 2004 27:39:33 +0000', undefined, undefined],
  ['31 Feb 2020 10:00:00 +0000', undefined, undefined],
  ['yesterday', undefined, undefined],
  ['', undefined, undefined],
];

describe('parseMailDate', () => {
  for (const [text, iso, offset] of cases) {
    it(`reads ${JSON.stringify(text)}`, () => {
      const date = parseMailDate(text);
      if (iso === undefined) {
        expect(date).toBeUndefined();
        return;
      }
      expect(date && new Date(date.time).toISOString()).toBe(iso);
      expect(date?.offsetMinutes).toBe(offset);
    });
  }
});

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
  ];
  for (const [ms, text] of durations)
    it(`writes ${ms} ms as ${text}`, () => {
      expect(formatDuration(ms)).toBe(text);
    });
});
