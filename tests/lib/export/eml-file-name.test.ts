import { expect, test } from 'vitest';
import { emlFileName } from '../../../src/lib/export/eml-file-name.ts';

const cases = [
  { subject: 'Your receipt', expected: 'Your receipt.eml' },
  { subject: '', expected: 'message.eml' },
  { subject: undefined, expected: 'message.eml' },
  { subject: '  ', expected: 'message.eml' },
  { subject: 'Re: a/b\\c*?', expected: 'Re a b c.eml' },
  { subject: '...hidden.', expected: 'hidden.eml' },
  { subject: 'Line\r\nbreak\ttab', expected: 'Line break tab.eml' },
  { subject: 'Café 📦', expected: 'Café 📦.eml' },
];
for (const { subject, expected } of cases) {
  test(`${JSON.stringify(subject)} → ${expected}`, () =>
    expect(emlFileName(subject)).toBe(expected));
}

test('long subjects are cut without splitting a character', () => {
  const name = emlFileName('📦'.repeat(150));
  expect(name).toBe(`${'📦'.repeat(100)}.eml`);
});
