import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { formatCount, formatSize } from '../../../src/lib/format/bytes.ts';

describe('formatSize', () => {
  const cases: Array<[number, string]> = [
    [0, '0 bytes'],
    [1, '1 byte'],
    [1023, '1023 bytes'],
    [1024, '1.0 KB'],
    [1536, '1.5 KB'],
    [25 * 1024 * 1024, '25.0 MB'],
  ];
  for (const [bytes, text] of cases)
    it(`writes ${bytes} as ${text}`, () => {
      expect(formatSize(bytes)).toBe(text);
    });
  it('refuses a negative size', () => expect(() => formatSize(-1)).toThrow(RangeError));
});

describe('formatCount', () => {
  test.prop([fc.nat({ max: Number.MAX_SAFE_INTEGER })])(
    'writes what English number formatting writes',
    (count) => {
      expect(formatCount(count)).toBe(count.toLocaleString('en'));
    },
  );
  it('writes 26,214,400', () => expect(formatCount(25 * 1024 * 1024)).toBe('26,214,400'));
  it('refuses a fraction or a negative count', () => {
    expect(() => formatCount(1.5)).toThrow(RangeError);
    expect(() => formatCount(-1)).toThrow(RangeError);
  });
});
