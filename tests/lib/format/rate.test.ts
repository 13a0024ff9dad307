import { describe, expect, it } from 'vitest';
import { formatRate } from '../../../src/lib/format/rate.ts';

describe('formatRate', () => {
  const cases: Array<[number, string]> = [
    [0.0005, '0.05%'],
    [0.001, '0.10%'],
    [0.05, '5.0%'],
    [0.1, '10.0%'],
  ];
  for (const [rate, text] of cases)
    it(`writes ${rate} as ${text}`, () => {
      expect(formatRate(rate)).toBe(text);
    });
});
