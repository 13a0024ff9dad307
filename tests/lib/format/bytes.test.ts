import { describe, expect, it } from 'vitest';
import { formatSize } from '../../../src/lib/format/bytes.ts';

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
