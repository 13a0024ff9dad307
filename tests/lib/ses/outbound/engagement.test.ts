import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scanLinks } from '../../../../src/lib/ses/outbound/html-links.ts';
import {
  parseLinkTags,
  trackHtml,
  type TrackingTarget,
} from '../../../../src/lib/ses/outbound/engagement.ts';

const target: TrackingTarget = {
  tracking: { open: true, click: true },
  messageId: '0100019b76daa800-0fdc7f12-fa16-4e5e-b2f3-8b96857d6fe7-000000',
  recipient: 'bo@example.net',
  region: 'eu-west-1',
  accountId: '123456789012',
};

describe('scanLinks', () => {
  it('finds hrefs in any quoting and case, and skips comments, scripts and quoted markup', () => {
    const html = [
      '<!-- <a href="https://comment.example/"> -->',
      '<A HREF=https://one.example/x?a=1&amp;b=2>one</A>',
      "<a title='a > b' href='https://two.example/'>two</a>",
      '<script>var s = "<a href=\\"https://script.example/\\">";</script>',
      '<style>a[href="https://style.example/"]{}</style>',
      '<a name="anchor">no href</a>',
      '<a href = "https://three.example/&#x41;" ses:no-track>three</a>',
      '</BODY></html>',
    ].join('\n');
    const scan = scanLinks(html);
    expect(scan.links.map((l) => l.href.value)).toEqual([
      'https://one.example/x?a=1&b=2',
      'https://two.example/',
      'https://three.example/A',
    ]);
    expect(scan.links[2]!.attributes.map((a) => a.name)).toEqual(['href', 'ses:no-track']);
    expect(html.slice(scan.bodyEnd, scan.bodyEnd! + 7)).toBe('</BODY>');
    expect(html.slice(scan.links[1]!.href.start, scan.links[1]!.href.end)).toBe(
      "'https://two.example/'",
    );
  });

  it('reads unterminated tags, quotes and comments to the end without failing', () => {
    for (const html of ['<a href="https://x.example/', '<a href', '<!-- <a href=x>', '<', '<a']) {
      expect(() => scanLinks(html)).not.toThrow();
    }
    expect(scanLinks('<a href="https://x.example/').links[0]!.href.value).toBe(
      'https://x.example/',
    );
  });

  it('scans pathological input in linear time (a cap quadratic work would blow by minutes)', () => {
    const n = 200_000;
    const inputs = ['<a '.repeat(n), '<a href="'.repeat(n), '<!--'.repeat(n), '</'.repeat(n)];
    const started = performance.now();
    for (const html of inputs) scanLinks(html);
    expect(performance.now() - started).toBeLessThan(60_000);
  });

  it('never loses or invents text: each href range holds its own value', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom('<a ', 'href=', '"', "'", '>', '<!--', '-->', ' ', 'x'), fc.webUrl())),
        (pieces) => {
          const html = pieces.join('');
          for (const link of scanLinks(html).links) {
            expect(link.href.start).toBeLessThanOrEqual(link.href.end);
            expect(link.href.end).toBeLessThanOrEqual(html.length);
          }
        },
      ),
    );
  }); // prettier-ignore
});

describe('trackHtml', () => {
  it('rewrites http and https links through the tracking host and adds the pixel before </body>', () => {
    const html =
      '<html><body><a href="https://example.com/a?b=1&amp;c=2" ses:tags="campaign:spring;link:cta">go</a>' +
      '<a ses:no-track href="https://example.com/n">n</a><a href="mailto:x@example.com">m</a>' +
      '<a href="#top">t</a></body></html>';
    const tracked = trackHtml(html, target, 0);
    const base = 'https://0daedtw1.r.eu-west-1.awstrack.me';
    const token = tracked.links[0]!.url.split('/').at(-1)!.split('=')[0]!;
    expect(token).toMatch(/^[0-9a-z]{28}$/);
    const url = `${base}/L0/https:%2F%2Fexample.com%2Fa%3Fb%3D1%26c%3D2/1/${target.messageId}/${token}=1`;
    expect(tracked.links).toEqual([
      {
        index: 0,
        url,
        originalUrl: 'https://example.com/a?b=1&c=2',
        tags: { campaign: ['spring'], link: ['cta'] },
      },
    ]);
    expect(tracked.html).toBe(
      `<html><body><a href="${url}" ses:tags="campaign:spring;link:cta">go</a>` +
        '<a ses:no-track href="https://example.com/n">n</a><a href="mailto:x@example.com">m</a>' +
        '<a href="#top">t</a>' +
        `<img alt="" src="${base}/I0/${target.messageId}/${token}=0" style="display: none; width: 1px; height: 1px;">` +
        '</body></html>',
    );
  });

  it('gives each recipient its own links and uses the custom redirect domain when set', () => {
    const html = '<a href="https://example.com/">x</a>';
    const ana = trackHtml(html, { ...target, recipient: 'ana@example.net' }, 0);
    const bo = trackHtml(html, target, 0);
    expect(ana.links[0]!.url).not.toBe(bo.links[0]!.url);
    const custom = trackHtml(
      html,
      {
        ...target,
        tracking: { open: true, click: true, customRedirectDomain: 'track.example.com' },
      },
      0,
    );
    expect(custom.links[0]!.url).toMatch(
      /^https:\/\/track\.example\.com\/CL0\/https:%2F%2Fexample\.com%2F\/1\//,
    );
    expect(custom.html).toContain('src="https://track.example.com/CI0/');
    // No </body>: the pixel goes at the end.
    expect(custom.html.endsWith('style="display: none; width: 1px; height: 1px;">')).toBe(true);
  });

  it('adds only what the set tracks', () => {
    const html = '<body><a href="https://example.com/">x</a></body>';
    const opens = trackHtml(html, { ...target, tracking: { open: true, click: false } }, 0);
    expect(opens.links).toEqual([]);
    expect(opens.html).toMatch(/^<body><a href="https:\/\/example\.com\/">x<\/a><img alt="" /);
    const clicks = trackHtml(html, { ...target, tracking: { open: false, click: true } }, 0);
    expect(clicks.html).not.toContain('<img');
    expect(clicks.links).toHaveLength(1);
  });

  it("leaves SES's own unsubscribe link untracked", () => {
    const html = '<a href="https://unsubscribe.ses-simulator.invalid/v1/unsubscribe/x">u</a>';
    expect(trackHtml(html, target, 0).links).toEqual([]);
  });

  it('reads ses:tags as SES does', () => {
    expect(parseLinkTags('a:1;b:2;a:3;;bad;:x')).toEqual({ a: ['1', '3'], b: ['2'] });
  });
});
