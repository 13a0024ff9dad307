import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { formatDate, normaliseDate } from '../../../src/lib/mime/index.ts';
import { parseMailDate } from '../../../src/lib/mime/mail-date.ts';
import { propertyRuns } from '../../support/property-runs.ts';

describe('normaliseDate', () => {
  test('keeps the writer offset of either form', () => {
    expect(normaliseDate('2026-11-27T21:16:10+01:30')).toBe('Fri, 27 Nov 2026 21:16:10 +0130');
    expect(normaliseDate('Fri, 27 Nov 2026 21:16:10 -0500')).toBe(
      'Fri, 27 Nov 2026 21:16:10 -0500',
    );
  });

  test('refuses impossible days and times instead of moving them', () => {
    expect(normaliseDate('2026-02-31T10:00:00Z')).toBeUndefined();
    expect(normaliseDate('2026-04-31T10:00:00Z')).toBeUndefined();
    expect(normaliseDate('2026-01-01T10:75:00Z')).toBeUndefined();
    expect(normaliseDate('2026-01-01T25:00:00Z')).toBeUndefined();
    expect(normaliseDate('2026-01-01T10:00:00+01:75')).toBeUndefined();
    expect(normaliseDate('Thu, 1 Jan 2026 10:75:00 +0000')).toBeUndefined();
    expect(normaliseDate('Thu, 1 Jan 2026 24:00:00 +0000')).toBeUndefined();
    expect(normaliseDate('Thu, 1 Jan 2026 10:00:61 +0000')).toBeUndefined();
    expect(normaliseDate('Thu, 1 Jan 2026 10:00:00 +0099')).toBeUndefined();
    expect(normaliseDate('31 Feb 2026 10:00:00 +0000')).toBeUndefined();
    expect(normaliseDate('Fri, 1 Jan 2026 10:00:00 +0000')).toBeUndefined();
  });

  const instant = fc.date({
    min: new Date('1900-01-01T00:00:00Z'),
    max: new Date('2999-12-31T23:59:59Z'),
    noInvalidDate: true,
  });
  const offset = fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 });

  test.prop([instant, offset], propertyRuns())(
    'reads back every date it writes, in both forms',
    (date, minutes) => {
      const written = formatDate(date, minutes);
      expect(normaliseDate(written)).toBe(written);
      const local = new Date(date.getTime() + minutes * 60_000).toISOString().slice(0, 19);
      const sign = minutes < 0 ? '-' : '+';
      const abs = Math.abs(minutes);
      const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
      expect(normaliseDate(local + zone)).toBe(written);
    },
  );
});

describe('parseMailDate', () => {
  test('refuses a day the month does not have', () => {
    expect(parseMailDate('Tue, 31 Feb 2026 10:00:00 +0000')).toBeUndefined();
    expect(parseMailDate('31 Apr 2026 10:00:00 +0000')).toBeUndefined();
    expect(parseMailDate('29 Feb 2025 10:00:00 +0000')).toBeUndefined();
  });

  test('still reads leap days and leap seconds', () => {
    expect(parseMailDate('29 Feb 2024 10:00:00 +0000')?.time).toBe(Date.UTC(2024, 1, 29, 10));
    const leap = parseMailDate('31 Dec 2016 23:59:60 +0000');
    expect(leap?.second).toBe(60);
    expect(leap?.time).toBe(Date.UTC(2016, 11, 31, 23, 59, 59));
  });
});
