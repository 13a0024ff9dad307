import { describe, expect, test } from 'vitest';
import { htmlToText } from '../../../src/lib/export/html-to-text.ts';

describe('text body from HTML', () => {
  test('keeps links as URLs, lays tables out in rows, and shows images by their alt text', () => {
    const text = htmlToText(
      '<style>p{color:red}</style><h1>Receipt</h1><p>See <a href="https://example.com/o/1">your order</a>.</p>' +
        '<table><tr><th>Item</th><th>Price</th></tr><tr><td>Tea</td><td>3.00</td></tr></table>' +
        '<img src="cid:logo" alt="Logo">',
    );
    expect(text).toContain('Receipt');
    expect(text).toContain('your order (https://example.com/o/1)');
    expect(text).toMatch(/Item\s+Price\nTea\s+3\.00/);
    expect(text).toContain('[Logo]');
    expect(text).not.toContain('color:red');
    expect(text).not.toContain('cid:');
  });

  test('wraps lines for mail readers', () => {
    const text = htmlToText(`<p>${'word '.repeat(60)}</p>`);
    expect(Math.max(...text.split('\n').map((line) => line.length))).toBeLessThanOrEqual(76);
  });
});
