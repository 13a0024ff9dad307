// @vitest-environment jsdom
/**
 * Remote-content detection and blocking: every loading position is found, counted once per URL,
 * removed until allowed, and kept (absolute) once allowed.
 */
import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { buildPreviewDocument } from '../../../src/lib/html/index.ts';
import { findScriptingLeftovers } from './leftovers.ts';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

const EVERY_KIND = `<html><head>
<link rel="stylesheet" href="https://cdn.example/a.css" media="screen">
<link rel="preload" href="https://cdn.example/preload.js">
<link rel="alternate stylesheet" href="https://cdn.example/alt.css">
<style>
  @import url("https://cdn.example/b.css") screen;
  @import 'https://cdn.example/c.css';
  @font-face { font-family: Brand; src: url(https://fonts.example/brand.woff2) format("woff2"), local(Arial); }
  .hero { background: #fff url( 'https://img.example/hero.jpg' ) no-repeat; }
  .retina { background-image: -webkit-image-set("https://img.example/x1.png" 1x, "https://img.example/x2.png" 2x); }
</style></head>
<body background="https://img.example/body.jpg">
<table background="//img.example/protocol-relative.png"><tr><td style="background-image:URL(https://img.example/td.png)">
<img src="https://img.example/logo.png" srcset="https://img.example/logo-2x.png 2x, https://img.example/logo.png 1x" alt="Logo">
<picture><source srcset="https://img.example/wide.webp" media="(min-width: 600px)"><img src="https://img.example/narrow.png" alt=""></picture>
<video poster="https://img.example/poster.jpg" src="https://media.example/v.mp4"></video>
<img src="https://track.example/open?id=42" width="1" height="1" alt="">
<img src="https://track.example/hidden.gif" style="display:none">
<img src="relative.png" alt="relative"><img src="ftp://files.example/x.png" alt="ftp">
</td></tr></table></body></html>`;

describe('blocked by default', () => {
  const built = buildPreviewDocument(EVERY_KIND);
  const doc = parse(built.html);
  const urls = built.report.remote.map((resource) => resource.url).sort();

  test('finds every remote resource once, with its kind', () => {
    expect(urls).toEqual(
      [
        'https://cdn.example/a.css',
        'https://cdn.example/b.css',
        'https://cdn.example/c.css',
        'https://fonts.example/brand.woff2',
        'https://img.example/hero.jpg',
        'https://img.example/x1.png',
        'https://img.example/x2.png',
        'https://img.example/body.jpg',
        'https://img.example/protocol-relative.png',
        'https://img.example/td.png',
        'https://img.example/logo.png',
        'https://img.example/logo-2x.png',
        'https://img.example/wide.webp',
        'https://img.example/narrow.png',
        'https://img.example/poster.jpg',
        'https://track.example/open?id=42',
        'https://track.example/hidden.gif',
      ].sort(),
    );
    const kind = (url: string) => built.report.remote.find((r) => r.url === url)?.kind;
    expect(kind('https://cdn.example/a.css')).toBe('stylesheet');
    expect(kind('https://cdn.example/b.css')).toBe('stylesheet');
    expect(kind('https://fonts.example/brand.woff2')).toBe('font');
    expect(kind('https://img.example/hero.jpg')).toBe('background');
    expect(kind('https://img.example/logo.png')).toBe('image');
    expect(kind('https://img.example/poster.jpg')).toBe('poster');
  });

  test('names 1×1 and hidden images as tracking pixels, and nothing else', () => {
    const pixels = built.report.remote.filter((r) => r.trackingPixel).map((r) => r.url);
    expect(pixels.sort()).toEqual([
      'https://track.example/hidden.gif',
      'https://track.example/open?id=42',
    ]);
  });

  test('leaves no remote URL anywhere in the document', () => {
    expect(built.html).not.toMatch(/https?:\/\/(cdn|img|fonts|track|media)\.example/);
    expect(built.html).not.toContain('//img.example');
    expect(doc.querySelectorAll('link')).toHaveLength(0);
    expect(doc.querySelectorAll('img[data-mw-blocked="src"]')).toHaveLength(4);
  });

  test('drops relative and non-web references, which an email cannot mean', () => {
    expect(doc.querySelector('img[alt="relative"]')!.hasAttribute('src')).toBe(false);
    expect(doc.querySelector('img[alt="ftp"]')!.hasAttribute('src')).toBe(false);
    expect(doc.querySelector('video')!.hasAttribute('src')).toBe(false);
    expect(built.report.droppedReferences).toBe(3);
  });

  test('keeps the CSS around the removed URLs', () => {
    const css = doc.querySelector('style')!.textContent!;
    expect(css).toContain('.hero { background: #fff none no-repeat; }');
    expect(css).toContain('font-family: Brand; src: none format("woff2"), local(Arial);');
    expect(css).not.toContain('@import');
  });
});

describe('allowed for this message', () => {
  const built = buildPreviewDocument(EVERY_KIND, { allowRemote: true });
  const doc = parse(built.html);

  test('keeps remote URLs, absolute, and opens the CSP to http(s) images, styles and fonts', () => {
    expect(doc.querySelector('img[alt="Logo"]')!.getAttribute('src')).toBe(
      'https://img.example/logo.png',
    );
    expect(doc.querySelector('img[alt="Logo"]')!.getAttribute('srcset')).toBe(
      'https://img.example/logo-2x.png 2x, https://img.example/logo.png 1x',
    );
    expect(doc.querySelector('table')!.getAttribute('background')).toBe(
      'https://img.example/protocol-relative.png',
    );
    expect(doc.querySelector('video')!.getAttribute('poster')).toBe(
      'https://img.example/poster.jpg',
    );
    const link = doc.querySelector('link')!;
    expect([
      link.getAttribute('rel'),
      link.getAttribute('href'),
      link.getAttribute('media'),
    ]).toEqual(['stylesheet', 'https://cdn.example/a.css', 'screen']);
    expect(doc.querySelectorAll('link')).toHaveLength(1);
    const css = doc.querySelector('style')!.textContent!;
    expect(css).toContain('@import url("https://cdn.example/b.css") screen;');
    expect(css).toContain('-webkit-image-set("https://img.example/x1.png" 1x');
    expect(built.csp).toContain('img-src data: blob: http: https:');
    expect(built.csp).toContain("style-src 'unsafe-inline' http: https:");
    expect(built.csp).toContain('font-src data: blob: http: https:');
    expect(built.csp).toContain("script-src 'none'");
    expect(built.csp).toContain("media-src 'none'");
  });

  test('still drops media streams, which are never loaded', () => {
    expect(doc.querySelector('video')!.hasAttribute('src')).toBe(false);
  });
});

describe('CSS that hides or abuses URLs', () => {
  const styleOf = (html: string) => parse(buildPreviewDocument(html).html).querySelector('[id=t]');

  test.each([
    [
      'escaped url token',
      '<div id="t" style="background:\\75 rl(https://evil.example/x.png)">x</div>',
    ],
    ['escaped @import', '<style id="t">@\\69mport "https://evil.example/x.css";</style>'],
    ['escaped expression', '<div id="t" style="width:e\\78pression(alert(1))">x</div>'],
  ])('%s: removed whole', (_name, html) => {
    const built = buildPreviewDocument(html);
    expect(built.report.unsafeCssRemoved).toBe(1);
    expect(built.html).not.toContain('evil.example');
    const element = styleOf(html)!;
    expect(element.getAttribute('style') ?? element.textContent ?? '').not.toMatch(
      /rl\(|mport|pression/,
    );
  });

  test('url() with escapes inside the URL is classified by its decoded value', () => {
    const built = buildPreviewDocument(
      '<div style="background:url(https\\:\\/\\/evil.example/x.png)">x</div>',
    );
    expect(built.report.remote.map((r) => r.url)).toEqual(['https://evil.example/x.png']);
    expect(built.html).not.toContain('evil.example');
  });

  test('javascript: in CSS and legacy scripting hooks are defused', () => {
    const built = buildPreviewDocument(
      '<div style="background:url(javascript:alert(1));behavior:url(x.htc);-moz-binding:url(x.xml#y);width:expression(alert(1))">x</div>',
    );
    expect(findScriptingLeftovers(built.html, true)).toEqual([]);
  });

  test('a legitimate escape stays as written', () => {
    const built = buildPreviewDocument('<style>.q::before { content: "\\201C"; }</style>');
    expect(parse(built.html).querySelector('style')!.textContent).toContain('content: "\\201C";');
    expect(built.report.unsafeCssRemoved).toBe(0);
  });
});

// Markup made of email building blocks and hostile ones, in any order and nesting.
const pieces = fc.constantFrom(
  '<table width="600" bgcolor="#fff"><tr><td>',
  '</td></tr></table>',
  '<img src="https://img.example/a.png" width="1" height="1">',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">',
  '<a href="https://site.example">link</a>',
  '<div style="background:url(//img.example/b.png)">',
  '<style>@import "https://cdn.example/c.css"; td{background:url(https://img.example/d.png)}</style>',
  '<link rel=stylesheet href=https://cdn.example/e.css>',
  '<svg><script>alert(1)</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<!--[if mso]><img src="https://img.example/f.png"><![endif]-->',
  '<form action="https://evil.example"><input autofocus onfocus=alert(1)>',
  '<body background="https://img.example/g.png" onload=alert(1)>',
  '<iframe srcdoc="<script>alert(1)</script>">',
  '<img srcset="https://img.example/h.png 2x, data:image/png;base64,AAAA 1x">',
  '<p>text</p>',
  '"><',
);

prop.prop([fc.array(pieces, { maxLength: 12 }), fc.boolean()], { numRuns: 150 })(
  'any mix of email and hostile markup: nothing scripting survives, nothing remote unless allowed',
  (parts, allowRemote) => {
    const built = buildPreviewDocument(parts.join(''), { allowRemote });
    expect(findScriptingLeftovers(built.html, true)).toEqual([]);
    if (!allowRemote) expect(built.html).not.toMatch(/(img|cdn)\.example/);
    const doc = parse(built.html);
    expect(doc.head.firstElementChild?.getAttribute('http-equiv')).toBe('Content-Security-Policy');
  },
);

describe('a permission for one message', () => {
  const first =
    '<img src="https://img.example/a.png"><p style="background: url(https://img.example/bg.png)">x</p>';
  const allowed = ['https://img.example/a.png', 'https://img.example/bg.png'];

  test('loads exactly the remote URLs the person was shown', () => {
    const built = buildPreviewDocument(first, { allowRemote: allowed });
    expect(built.report.remoteAllowed).toBe(true);
    expect(built.html).toContain('https://img.example/a.png');
    expect(built.csp).toContain('img-src data: blob: http: https:');
  });

  test.each([
    ['another message', '<img src="https://other.example/b.png">'],
    ['one more URL', `${first}<img src="https://img.example/new.png">`],
    ['one URL fewer', '<img src="https://img.example/a.png">'],
  ])('is void for %s: nothing remote is kept, and the CSP admits nothing', (_name, html) => {
    const built = buildPreviewDocument(html, { allowRemote: allowed });
    expect(built.report.remoteAllowed).toBe(false);
    expect(built.html).not.toMatch(/https?:\/\/(img|other)\.example/);
    expect(built.csp).not.toMatch(/https?:/);
  });
});
