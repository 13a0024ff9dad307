import { describe, expect, test } from 'vitest';
import { firstHeader, hasHeader, headerValues } from '../../../src/lib/mime/index.ts';

const HEADERS = [
  { name: 'Received', value: 'from a' },
  { name: 'SUBJECT', value: 'Hi' },
  { name: 'received', value: 'from b' },
];

describe('header lookup', () => {
  test('names match without regard to case, first occurrence first', () => {
    expect(firstHeader(HEADERS, 'subject')).toBe('Hi');
    expect(firstHeader(HEADERS, 'RECEIVED')).toBe('from a');
    expect(headerValues(HEADERS, 'Received')).toEqual(['from a', 'from b']);
    expect(hasHeader(HEADERS, 'sUbJeCt')).toBe(true);
  });

  test('an absent name gives nothing', () => {
    expect(firstHeader(HEADERS, 'From')).toBeUndefined();
    expect(headerValues(HEADERS, 'From')).toEqual([]);
    expect(hasHeader([], 'From')).toBe(false);
  });
});
