import { describe, expect, test } from 'vitest';
import { htmlToText } from '../../../src/lib/export/html-to-text.ts';
import { compareTextWithHtml } from '../../../src/lib/export/text-match.ts';

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

describe('text matching the HTML', () => {
  const html =
    '<p>Hello <b>Ana</b>, your order <a href="https://example.com/o/1">is ready</a>.</p>';

  test('a generated text matches, and so does a reflowed one', () => {
    expect(compareTextWithHtml(htmlToText(html), html).matches).toBe(true);
    expect(
      compareTextWithHtml('HELLO Ana -- your order\nis ready (https://example.com/o/1)', html)
        .matches,
    ).toBe(true);
  });

  test('a word changed on one side is reported', () => {
    const result = compareTextWithHtml(htmlToText(html).replace('ready', 'late'), html);
    expect(result.matches).toBe(false);
    expect(result.missingFromText).toEqual(['ready']);
    expect(result.notInHtml).toEqual(['late']);
  });

  test('a changed link is reported', () => {
    const result = compareTextWithHtml(htmlToText(html).replace('/o/1', '/o/2'), html);
    expect(result.missingFromText).toEqual(['https://example.com/o/1']);
  });
});
