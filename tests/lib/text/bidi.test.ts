/**
 * Attachment names lose the bidirectional controls that would make them read as something else.
 */
import { fc, test as prop } from '@fast-check/vitest';
import { expect, test } from 'vitest';
import { withoutBidiControls } from '../../../src/lib/text/bidi.ts';

test('a right-to-left override no longer turns an .exe into a .pdf', () => {
  expect(withoutBidiControls('invoice\u202efdp.exe')).toBe('invoicefdp.exe');
});

test.each([
  '\u061c',
  '\u200e',
  '\u200f',
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
])('U+%s is removed', (control) => {
  expect(withoutBidiControls(`a${control}b.txt`)).toBe('ab.txt');
});

test('names in right-to-left scripts keep their letters', () => {
  expect(withoutBidiControls('חשבונית.pdf')).toBe('חשבונית.pdf');
  expect(withoutBidiControls('فاتورة.pdf')).toBe('فاتورة.pdf');
});

prop.prop([fc.string({ unit: 'binary' })])(
  'removes only bidi controls, and all of them',
  (name) => {
    const stripped = withoutBidiControls(name);
    expect(stripped).not.toMatch(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
    expect(stripped).toBe(
      [...name].filter((c) => !/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(c)).join(''),
    );
  },
);
