/**
 * The preview's scans over raw HTML: the same answers as the patterns they replace, in time that
 * grows with the length of the HTML and never faster, and the limits that cut hostile HTML.
 */
import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { declaresDarkSupport } from '../../../src/lib/html/dark-mode.ts';
import {
  countOutlookOnlyBlocks,
  depthLimitAt,
  limitHtml,
  MAX_PREVIEW_DEPTH,
  MAX_PREVIEW_ELEMENTS,
  MAX_PREVIEW_HTML,
  structureLimitAt,
} from '../../../src/lib/html/limits.ts';
import { describeCut } from '../../../src/lib/html/status.ts';

// The patterns the scans replace (they backtrack: quadratic or worse on hostile input), as the
// reference on small inputs. Whitespace is consumed whole before the `!` check.
const OUTLOOK_ONLY = /<!--\[if[ \t\n\r\f]+(?![ \t\n\r\f!])[^\]]*\]>/gi;
function darkByPatterns(html: string): boolean {
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/gi)) {
    const name = /\bname\s*=\s*["']?([\w-]+)/i.exec(tag)?.[1]?.toLowerCase();
    const content = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*))/i.exec(tag);
    const value = (content?.[1] ?? content?.[2] ?? content?.[3] ?? '').toLowerCase();
    if ((name === 'color-scheme' || name === 'supported-color-schemes') && /dark/.test(value)) {
      return true;
    }
  }
  return /(?:^|[^\w-])(?:supported-)?color-scheme\s*:[^;}"'<]*dark/i.test(html);
}

// Strings made of the pieces the scans look for, so that random ones hit their edge cases.
const pieces = (words: string[]) =>
  fc.array(fc.constantFrom(...words), { maxLength: 30 }).map((list) => list.join(''));
const conditional = pieces([
  '<!--[if',
  ' ',
  '  ',
  '\t',
  '!',
  'mso',
  'gte mso 9',
  ']',
  '>',
  ']>',
  '<![endif]-->',
  '-->',
  'x',
  'IF',
  '<!--[IF',
]);
const darkish = pieces([
  '<meta',
  '<META',
  ' ',
  'name=',
  'name="',
  'color-scheme',
  'supported-',
  'supported-color-schemes',
  '"',
  "'",
  'content=',
  'light',
  'dark',
  'DARK',
  '>',
  ':',
  ';',
  '}',
  '<',
  'x-',
  'a',
]);

describe('Outlook-only conditional comments', () => {
  test.each([
    ['<!--[if mso]><p>o</p><![endif]-->', 1],
    ['<!--[if  gte   mso 9 ]><p>o</p><![endif]-->', 1],
    ['<!--[if !mso]><!--><p>all</p><!--<![endif]-->', 0],
    ['<!--[if   !mso]><!--><p>all</p><!--<![endif]-->', 0],
    ['<!--[if IE]>a<![endif]--><!--[if mso]>b<![endif]-->', 2],
    ['<!--[ifmso]>', 0],
  ])('%s: %i', (html, count) => {
    expect(countOutlookOnlyBlocks(html)).toBe(count);
  });
  prop.prop([conditional])('counts what the pattern matches', (html) => {
    expect(countOutlookOnlyBlocks(html)).toBe(html.match(OUTLOOK_ONLY)?.length ?? 0);
  });
});

describe('declared dark-mode support', () => {
  prop.prop([darkish])('answers as the patterns do', (html) => {
    expect(declaresDarkSupport(html)).toBe(darkByPatterns(html));
  });
});

describe('nesting depth', () => {
  test('an ordinary email is not cut', () => {
    const html = `<!DOCTYPE html><html><head><style>p > a { color: red }</style></head><body>${'<table><tr><td><p>x<br>y<img src=a.png>'.repeat(20)}${'</td></tr></table>'.repeat(20)}<ul>${'<li>item'.repeat(1000)}</ul></body></html>`;
    expect(depthLimitAt(html)).toBe(-1);
    expect(limitHtml(html)).toEqual({ html });
  });
  test.each([
    ['divs', '<div>', 100_000],
    ['tables', '<table><tr><td>', 20_000],
    ['formatting', '<b><i>', 50_000],
  ])('%s nested past the limit are cut where the limit is passed', (_name, open, times) => {
    const html = `<p>start</p>${open.repeat(times)}x`;
    const at = depthLimitAt(html);
    expect(at).toBeGreaterThan(0);
    expect(html[at]).toBe('<');
    expect(limitHtml(html).cut).toEqual({ reason: 'depth', shown: at, total: html.length });
    expect(depthLimitAt(html.slice(0, at))).toBe(-1);
  });
  test('closed elements, comments and raw text do not deepen', () => {
    const closed = '<div><span>x</span></div>'.repeat(MAX_PREVIEW_DEPTH * 2);
    const hidden = `<!--${'<div>'.repeat(1000)}--><style>${'<div>'.repeat(1000)}</style><textarea>${'<div>'.repeat(1000)}</textarea>`;
    expect(depthLimitAt(closed + hidden)).toBe(-1);
  });
});

describe('size', () => {
  test('HTML over the limit is cut at a tag near the limit, and says so', () => {
    const paragraph = `<p>Hello <b>world</b>${' and the rest of a long paragraph.'.repeat(20)}</p>\n`;
    const html = paragraph.repeat(Math.ceil((MAX_PREVIEW_HTML * 2) / paragraph.length));
    const { html: shown, cut } = limitHtml(html);
    expect(shown.length).toBeLessThanOrEqual(MAX_PREVIEW_HTML);
    expect(shown.length).toBeGreaterThan(MAX_PREVIEW_HTML - 4096);
    expect(html[shown.length]).toBe('<');
    expect(cut).toEqual({ reason: 'size', shown: shown.length, total: html.length });
  });
});

describe('elements', () => {
  test('HTML of more elements than the limit is cut before the first one past it', () => {
    const html = '<p style="color:red">Hello <b>world</b></p>\n'.repeat(MAX_PREVIEW_ELEMENTS);
    const { html: shown, cut } = limitHtml(html);
    expect(cut).toEqual({ reason: 'elements', shown: shown.length, total: html.length });
    expect(html[shown.length]).toBe('<');
    expect(shown.match(/<[a-z]/g)).toHaveLength(MAX_PREVIEW_ELEMENTS);
    expect(structureLimitAt(shown)).toEqual({ at: -1 });
  });
  test('markup-dense HTML within the size limit is cut by elements, and the note says so', () => {
    const html = '<p>Hi <b>x</b></p>'.repeat(MAX_PREVIEW_HTML / 17);
    const { cut } = limitHtml(html);
    expect(cut?.reason).toBe('elements');
    expect(describeCut(cut!)).toMatch(
      /^Showing only the first 10,000 elements of the HTML \(\d+% of it\)/,
    );
  });
  test('end tags, comments, raw text and doctype are not counted', () => {
    const many = MAX_PREVIEW_ELEMENTS * 2;
    const html = `<!DOCTYPE html><style>${'<p>'.repeat(many)}</style><!--${'<p>'.repeat(many)}-->${'</p>'.repeat(many)}`;
    expect(structureLimitAt(html)).toEqual({ at: -1 });
  });
});

// Inputs on which the replaced patterns took seconds to minutes. Each scan must finish far inside
// the cap (a linear scan takes milliseconds; quadratic work on these would take minutes).
describe('hostile HTML costs time in proportion to its length', () => {
  const MB = 1024 * 1024;
  const rep = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length));
  const CAP_MS = 5_000;
  test.each([
    ['unclosed conditional comments', rep('<!--[if   mso   ', 2 * MB), countOutlookOnlyBlocks],
    [
      'conditional comments with no closing bracket',
      `${rep('<!--[if mso ', MB)}]`,
      countOutlookOnlyBlocks,
    ],
    [
      'color-scheme declarations without an end',
      rep('color-scheme: light ', 2 * MB),
      declaresDarkSupport,
    ],
    ['unclosed meta tags', rep('<meta ', 2 * MB), declaresDarkSupport],
    [
      'a meta tag of unclosed content values',
      `<meta ${rep('content="x ', 2 * MB)}>`,
      declaresDarkSupport,
    ],
    ['deep nesting', rep('<div>', 2 * MB), depthLimitAt],
    ['unclosed tags', rep('<a', 2 * MB), depthLimitAt],
    [
      'end tags of elements not open',
      `${'<div>'.repeat(MAX_PREVIEW_DEPTH)}${rep('</x>', 2 * MB)}`,
      depthLimitAt,
    ],
  ])('%s', (_name, html, scan: (html: string) => unknown) => {
    const started = performance.now();
    scan(html);
    expect(performance.now() - started).toBeLessThan(CAP_MS);
  });
});
