// @vitest-environment jsdom
/**
 * The frame document: the CSP first, links that leave the app, dark mode from the email's own
 * styles, forced inversion, and what the status line says.
 */
import { describe, expect, test } from 'vitest';
import { buildPreviewDocument, describeReport, frameCsp } from '../../../src/lib/html/index.ts';
import { applyColorSchemeToCss, declaresDarkSupport } from '../../../src/lib/html/dark-mode.ts';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('the frame CSP', () => {
  test('is the first element of head, before anything the email brings', () => {
    const built = buildPreviewDocument('<head><style>p{}</style></head><p>x</p>');
    const doc = parse(built.html);
    expect(built.html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(doc.head.firstElementChild!.getAttribute('http-equiv')).toBe('Content-Security-Policy');
    expect(doc.head.firstElementChild!.getAttribute('content')).toBe(built.csp);
  });
  test('forbids scripts and every load by default', () => {
    const csp = frameCsp(false);
    for (const directive of [
      "default-src 'none'",
      "script-src 'none'",
      "object-src 'none'",
      "connect-src 'none'",
      "frame-src 'none'",
      "form-action 'none'",
      "base-uri 'none'",
      'img-src data: blob:;',
    ]) {
      expect(`${csp};`).toContain(directive);
    }
    expect(csp).not.toMatch(/https?:/);
  });
  test('with remote content allowed, still no scripts', () => {
    expect(frameCsp(true)).toContain("script-src 'none'");
    expect(frameCsp(true)).toContain("connect-src 'none'");
  });
});

describe('links', () => {
  const doc = parse(
    buildPreviewDocument(
      '<a id="web" href="https://site.example" target="_self">w</a><a id="mail" href="mailto:a@b.example">m</a><a id="frag" href="#top" target="_blank">f</a><a id="rel" href="page.html">r</a>',
    ).html,
  );
  test('web and mail links open in a new browsing context without opener or referrer', () => {
    for (const id of ['web', 'mail']) {
      const link = doc.getElementById(id)!;
      expect([link.getAttribute('target'), link.getAttribute('rel')]).toEqual([
        '_blank',
        'noopener noreferrer',
      ]);
    }
  });
  test('fragments point into the frame document; relative links lose their href', () => {
    expect(doc.getElementById('frag')!.hasAttribute('target')).toBe(false);
    expect(doc.getElementById('frag')!.getAttribute('href')).toBe('#top');
    expect(doc.getElementById('rel')!.hasAttribute('href')).toBe(false);
  });
});

describe('dark mode', () => {
  const EMAIL = `<meta name="color-scheme" content="light dark"><style>
    .a { color: black; }
    @media (prefers-color-scheme: dark) { .a { color: white; } }
    @media screen and (prefers-color-scheme: light) { .b { color: navy; } }
    @media not all and (prefers-color-scheme: dark) { .c { color: red; } }
  </style><picture><source srcset="data:image/png;base64,AA" media="(prefers-color-scheme: dark)"><img alt=""></picture>`;

  test("rewrites the email's own media queries to match the chosen scheme", () => {
    expect(applyColorSchemeToCss('(prefers-color-scheme: dark)', 'dark')).toBe('(min-width: 0px)');
    expect(applyColorSchemeToCss('(prefers-color-scheme:light)', 'dark')).toBe(
      '(max-width: 0.001px)',
    );
    const dark = parse(buildPreviewDocument(EMAIL, { colorScheme: 'dark' }).html);
    const css = dark.querySelector('style')!.textContent!;
    expect(css).toContain('@media (min-width: 0px) { .a { color: white; } }');
    expect(css).toContain('@media screen and (max-width: 0.001px)');
    expect(css).toContain('@media not all and (min-width: 0px)');
    expect(dark.querySelector('source')!.getAttribute('media')).toBe('(min-width: 0px)');
    const light = parse(buildPreviewDocument(EMAIL).html);
    expect(light.querySelector('style')!.textContent).toContain('@media (max-width: 0.001px) { .a');
  });

  test('darkens the canvas only when the email declares dark support', () => {
    const declared = buildPreviewDocument(EMAIL, { colorScheme: 'dark' });
    expect(declared.report.hasDarkStyles).toBe(true);
    expect(declared.report.declaresDarkSupport).toBe(true);
    expect(declared.html).toContain(':root { color-scheme: dark; }');
    const undeclared = buildPreviewDocument('<p>x</p>', { colorScheme: 'dark' });
    expect(undeclared.html).not.toContain('color-scheme: dark');
  });

  test.each([
    ['<meta content="light dark" name="color-scheme">', true],
    ['<meta name="supported-color-schemes" content="light dark">', true],
    ['<style>:root { color-scheme: light dark; }</style>', true],
    ['<meta name="color-scheme" content="light">', false],
    ['<p>dark</p>', false],
  ])('declaresDarkSupport(%s) is %s', (html, expected) => {
    expect(declaresDarkSupport(html)).toBe(expected);
  });

  test('forced inversion inverts the body and turns images back', () => {
    const html = buildPreviewDocument('<p>x</p>', { invert: true }).html;
    expect(html).toContain('body { filter: invert(1) hue-rotate(180deg) !important;');
    expect(html).toMatch(/img, picture, video[^{]*\{ filter: invert\(1\) hue-rotate\(180deg\)/);
  });
});

describe('the status line', () => {
  test('counts what was blocked, by kind, and names tracking pixels by host', () => {
    const built = buildPreviewDocument(
      '<img src="https://img.example/a.png"><img src="https://img.example/a.png"><div style="background:url(https://img.example/b.png)"></div><img src="https://t.example/o.gif" width="1" height="1"><img src="cid:x@y">',
    );
    expect(describeReport(built.report, false)).toEqual([
      'Blocked 3 remote resources (2 images, 1 background image).',
      'Tracking pixel: 1×1 image from t.example.',
      'Missing inline part: cid:x@y.',
    ]);
    expect(describeReport(built.report, true)[0]).toBe(
      'Loaded 3 remote resources for this message (2 images, 1 background image).',
    );
  });
  test('says when dark mode was asked for but the email has no dark styles', () => {
    const plain = buildPreviewDocument('<p>x</p>', { colorScheme: 'dark' }).report;
    expect(describeReport(plain, false, true)).toContain(
      'This email has no dark-mode styles of its own.',
    );
    const styled = buildPreviewDocument(
      '<style>@media (prefers-color-scheme: dark) { p { color: #fff; } }</style><p>x</p>',
      { colorScheme: 'dark' },
    ).report;
    expect(describeReport(styled, false, true)).toEqual(['No remote content.']);
  });
  test('says so when there is nothing remote', () => {
    expect(describeReport(buildPreviewDocument('<p>x</p>').report, false)).toEqual([
      'No remote content.',
    ]);
  });
});

describe('markup hidden in CSS escapes', () => {
  // `\3C /style\3E ` decodes to `</style>`: written back raw, it would end the element.
  const injected =
    '\\3C /style\\3E \\3C a id=injected rel=opener href=https://evil.example/ target=_blank\\3E x\\3C /a\\3E \\3C meta http-equiv=refresh content=0;url=data:text/html,x\\3E ';
  test.each([
    ['a data: URL, kept without permission', `data:image/png,${injected}`, false],
    ['a remote URL, once remote content is allowed', `https://img.example/${injected}`, true],
  ])('in %s stays inside the style element', (_name, url, allowRemote) => {
    const html = `<style>.a { background: url("${url}"); } .b { background-image: image-set("${url}" 1x); }</style><p class="a">x</p>`;
    const built = buildPreviewDocument(html, { allowRemote });
    const doc = parse(built.html);
    expect(doc.getElementById('injected')).toBeNull();
    expect(doc.querySelectorAll('a, meta[http-equiv="refresh"]')).toHaveLength(0);
    expect(doc.querySelectorAll('style')).toHaveLength(2);
    expect(built.report.withheld).toBe(false);
    expect(doc.querySelector('style')!.textContent).toContain('.b {');
  });

  test('a document that would gain elements when parsed again is withheld', async () => {
    const { gainsElements } = await import('../../../src/lib/html/frame-document.ts');
    const doc = parse(
      '<!DOCTYPE html><html><head><style>p{}</style></head><body><p>x</p></body></html>',
    );
    doc.querySelector('style')!.textContent = '</style><img src=x>';
    expect(gainsElements(doc, `<!DOCTYPE html>\n${doc.documentElement.outerHTML}`)).toBe(true);
    doc.querySelector('style')!.textContent = 'p { color: red }';
    expect(gainsElements(doc, `<!DOCTYPE html>\n${doc.documentElement.outerHTML}`)).toBe(false);
  });
});
