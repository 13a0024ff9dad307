import { describe, expect, test } from 'vitest';
import { htmlToText } from '../../../src/lib/export/html-to-text.ts';
import { compareTextWithHtml } from '../../../src/lib/compare/text-match.ts';

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

  test('names at most three words each way, and counts them all', () => {
    const urls = Array.from({ length: 12 }, (_, i) => `https://example.com/very/long/path/${i}`);
    const linked = `<p>${urls.map((url) => `<a href="${url}">more</a>`).join(' ')}</p>`;
    const result = compareTextWithHtml('more '.repeat(12), linked);
    expect(result.missingFromText).toEqual(urls.slice(0, 3));
    expect(result.missingCount).toBe(12);
    expect(result.notInHtml).toEqual([]);
    expect(result.notInHtmlCount).toBe(0);
  });
});
