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

describe('SVG parts', () => {
  const hostile = `<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10" onload="alert(1)">
  <script>alert(document.domain)</script>
  <style>.a { fill: url(#g); } .b { background: url(https://tracker.example/x.png); }</style>
  <defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient></defs>
  <rect class="a" width="10" height="10" fill="url(#g)"/>
  <image href="https://tracker.example/pixel.png" width="1" height="1"/>
  <use xlink:href="https://evil.example/sprite.svg#x"/>
  <a href="javascript:alert(2)"><text>click</text></a>
  <foreignObject><iframe src="javascript:alert(3)"></iframe></foreignObject>
  <set attributeName="onmouseover" to="alert(4)"/>
</svg>`;
  const svgPart = (content: Uint8Array) => [
    { contentId: 'logo@x', contentType: 'image/svg+xml', content },
  ];

  function decodedSvg(url: string): string {
    expect(url).toMatch(/^data:image\/svg\+xml;base64,/);
    return new TextDecoder().decode(
      Uint8Array.from(atob(url.slice(url.indexOf(',') + 1)), (c) => c.charCodeAt(0)),
    );
  }

  test('are sanitized and travel as data: URLs, never through the blob: factory', () => {
    const made: string[] = [];
    const resolver = new CidResolver(svgPart(new TextEncoder().encode(hostile)), (type) => {
      made.push(type);
      return 'blob:http://app.example/1';
    });
    const resolved = resolver.resolve('logo@x');
    expect(made).toEqual([]);
    if (resolved.kind !== 'resolved') throw new Error(`not resolved: ${resolved.kind}`);
    const svg = decodedSvg(resolved.url);
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    expect(doc.documentElement.localName).toBe('svg');
    expect(doc.querySelectorAll('rect')).toHaveLength(1);
    expect(doc.querySelector('rect')?.getAttribute('fill')).toBe('url(#g)');
    for (const gone of ['script', 'a', 'foreignObject', 'iframe', 'set']) {
      expect(doc.getElementsByTagName(gone), gone).toHaveLength(0);
    }
    // References out of the image lose their target; the elements themselves are inert.
    for (const element of Array.from(doc.querySelectorAll('image, use'))) {
      expect(element.hasAttribute('href') || element.hasAttribute('xlink:href')).toBe(false);
    }
    expect(svg).not.toMatch(/onload|javascript:|tracker\.example|evil\.example|alert/i);
    expect(doc.querySelector('style')?.textContent).toContain('url("#g")');
  });

  test('a part that holds no SVG image is not shown', () => {
    const resolver = new CidResolver(svgPart(new TextEncoder().encode('<p>not svg</p>')));
    expect(resolver.resolve('logo@x')).toEqual({
      kind: 'unsupported',
      contentType: 'image/svg+xml',
    });
  });

  prop.prop([fc.string()])('whatever the bytes, the URL holds no script', (text) => {
    const resolver = new CidResolver(
      svgPart(
        new TextEncoder().encode(
          `<svg xmlns="http://www.w3.org/2000/svg">${text}<script>x()</script></svg>`,
        ),
      ),
    );
    const resolved = resolver.resolve('logo@x');
    if (resolved.kind === 'resolved') expect(decodedSvg(resolved.url)).not.toMatch(/<script/i);
  });
});
