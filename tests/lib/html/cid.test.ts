// @vitest-environment jsdom
/**
 * cid: references (RFC 2392) resolve to the message's inline parts as data: URLs.
 */
import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { buildPreviewDocument, CidResolver } from '../../../src/lib/html/index.ts';
import { encodeBase64 as bytesToBase64 } from '../../../src/lib/mime/index.ts';
import { contentIdFromCidUrl } from '../../../src/lib/html/url.ts';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('matching a cid: URL to a part', () => {
  const resolver = new CidResolver([
    { contentId: '<Logo.1@Shop.Example>', contentType: 'image/png', content: PNG },
    { contentId: 'space id@shop.example', contentType: 'IMAGE/JPEG; name=x.jpg', content: PNG },
    { contentId: '<terms@shop.example>', contentType: 'application/pdf', content: PNG },
  ]);

  test.each([
    ['brackets in the header, none in the URL; any case', 'cid:logo.1@shop.example'],
    ['%-encoded characters (RFC 2392 §2)', 'cid:space%20id@shop.example'],
  ])('%s', (_name, url) => {
    expect(resolver.resolve(contentIdFromCidUrl(url)).kind).toBe('resolved');
  });

  test('a part that is not an image or font is not turned into a URL', () => {
    expect(resolver.resolve('terms@shop.example')).toEqual({
      kind: 'unsupported',
      contentType: 'application/pdf',
    });
  });

  test('an unknown Content-ID is missing', () => {
    expect(resolver.resolve('nope@shop.example')).toEqual({ kind: 'missing' });
  });

  test('the URL carries the bytes and the type without parameters', () => {
    const resolved = resolver.resolve('space id@shop.example');
    expect(resolved).toEqual({
      kind: 'resolved',
      url: `data:image/jpeg;base64,${bytesToBase64(PNG)}`,
    });
  });
});

prop.prop([fc.uint8Array({ maxLength: 70_000 })], { numRuns: 60 })(
  'base64 of any bytes matches an independent encoder',
  (bytes) => {
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  },
);

describe('in the preview document', () => {
  const html = `<img id="a" src="cid:logo.1@shop.example">
    <table background="cid:logo.1@shop.example"><tr><td id="b" style="background:url('cid:logo.1@shop.example')">x</td></tr></table>
    <img id="c" src="cid:missing@shop.example" alt="Missing">`;
  const built = buildPreviewDocument(html, {
    inlineParts: new Map([
      ['logo', { contentId: '<logo.1@shop.example>', contentType: 'image/png', content: PNG }],
    ]),
  });
  const doc = parse(built.html);
  const dataUrl = `data:image/png;base64,${bytesToBase64(PNG)}`;

  test('img src, background= and CSS url() all resolve', () => {
    expect(doc.getElementById('a')!.getAttribute('src')).toBe(dataUrl);
    expect(doc.querySelector('table')!.getAttribute('background')).toBe(dataUrl);
    expect(doc.getElementById('b')!.getAttribute('style')).toContain(`url("${dataUrl}")`);
  });

  test('a cid: without a part is marked and reported', () => {
    const missing = doc.getElementById('c')!;
    expect(missing.hasAttribute('src')).toBe(false);
    expect(missing.getAttribute('data-mw-missing-cid')).toBe('missing@shop.example');
    expect(built.report.missingContentIds).toEqual(['missing@shop.example']);
  });

  test('inline parts are not remote content', () => {
    expect(built.report.remote).toEqual([]);
    expect(built.csp).toContain('img-src data: blob:;');
  });
});
