/**
 * Every code of the catalogue, raised by a message that has the problem and not raised by one
 * that does not (SPEC, "Pre-send checks").
 */
import { describe, expect, test } from 'vitest';
import { CHECK_CATALOGUE, type CheckOptions } from '../../../src/lib/checks/index.ts';
import type { Draft } from '../../../src/lib/mime/index.ts';
import { check, codes, draft, page } from './support.ts';

type Input = Draft | string;
interface Case {
  code: string;
  raises: Input;
  clean: Input;
  options?: CheckOptions;
  /** Extra text the finding's message must contain. */
  says?: RegExp;
}

const html = (body: string, head = '', extra: Partial<Draft> = {}): Draft =>
  draft({ html: page(body, head), ...extra });
const image = (attrs: string) => html(`<p>Fresh bread</p><img ${attrs}>`);
const link = (href: string, text = 'Read the March recipes') =>
  html(`<p><a href="${href}">${text}</a></p>`);
const inlinePart = (size: number) => ({
  filename: 'tart.png', contentType: 'image/png', content: new Uint8Array(size), contentId: 'tart@bakery', inline: true,
}); // prettier-ignore
const unsubscribeHeaders = [
  { name: 'List-Unsubscribe', value: '<https://bakery.example/unsubscribe?u=1>' },
  { name: 'List-Unsubscribe-Post', value: 'List-Unsubscribe=One-Click' },
];
const bulkBody = '<p>News. <a href="https://bakery.example/unsubscribe?u=1">Unsubscribe</a></p>';
const words =
  'Spring is here and so are three new recipes: rhubarb tart, wild garlic bread and lemon buns.';
const rawMessage = (headers: string) =>
  `${headers}\r\nFrom: news@bakery.example\r\nTo: reader@example.org\r\nSubject: Hello\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nHello there.\r\n`;

const cases: Case[] = [
  { code: 'img-missing-alt', raises: image('src="cid:x" width="10"'), clean: image('src="https://bakery.example/a.png" alt="" width="10"') },
  { code: 'img-missing-size', raises: image('src="https://bakery.example/a.png" alt="Tart"'), clean: image('src="https://bakery.example/a.png" alt="Tart" width="300"') },
  { code: 'img-too-large', raises: { ...image('src="cid:tart@bakery" alt="Tart" width="300"'), attachments: [inlinePart(1_200_000)] }, clean: { ...image('src="cid:tart@bakery" alt="Tart" width="300"'), attachments: [inlinePart(20_000)] } },
  { code: 'remote-images', raises: image('src="https://bakery.example/a.png" alt="" width="1"'), clean: { ...image('src="cid:tart@bakery" alt="" width="1"'), attachments: [inlinePart(100)] } },
  { code: 'cid-missing-part', raises: image('src="cid:nothing@bakery" alt="" width="1"'), clean: { ...image('src="cid:tart@bakery" alt="" width="1"'), attachments: [inlinePart(100)] } },
  { code: 'link-insecure', raises: link('http://bakery.example/march'), clean: link('https://bakery.example/march') },
  { code: 'link-unsafe', raises: link('javascript:alert(1)'), clean: link('mailto:hello@bakery.example') },
  { code: 'link-malformed', raises: link('https://bakery .example/march'), clean: link('https://bakery.example/march?x=1#top') },
  { code: 'link-text-mismatch', raises: link('https://login.evil.example/', 'www.paypal.com'), clean: link('https://www.bakery.example/shop', 'bakery.example/shop') },
  { code: 'link-text-vague', raises: link('https://bakery.example/march', 'Click here'), clean: link('https://bakery.example/march') },
  { code: 'gmail-clipping', raises: html(`<p>${'Bread and butter. '.repeat(6500)}</p>`), clean: html(`<p>${words}</p>`) },
  { code: 'ses-size-limit', raises: draft({ text: 'Files attached.', attachments: [{ filename: 'big.bin', content: new Uint8Array(11 * 1024 * 1024) }] }), clean: draft({ text: 'Files attached.', attachments: [{ filename: 'small.bin', content: new Uint8Array(1000) }] }) },
  { code: 'no-text-alternative', raises: html(`<p>${words}</p>`), clean: html(`<p>${words}</p>`, '', { text: words }) },
  { code: 'text-missing-link', raises: html('<p><a href="https://bakery.example/march">Recipes</a></p>', '', { text: 'Recipes' }), clean: html('<p><a href="https://bakery.example/march">Recipes</a></p>', '', { text: 'Recipes: https://bakery.example/march' }) },
  { code: 'text-html-drift', raises: html(`<p>${words}</p>`, '', { text: 'Our opening hours change in April.' }), clean: html(`<p>${words}</p>`, '', { text: words }) },
  { code: 'preheader-length', raises: html(`<div style="display:none">Hi</div><p>${words}</p>`), clean: html(`<div style="display:none">Three new recipes, a spring market and our holiday hours.</div><p>${words}</p>`) },
  { code: 'subject-spammy', raises: draft({ subject: 'FREE MONEY FOR YOU!!!', text: words }), clean: draft({ subject: 'Three new recipes for March', text: words }) },
  { code: 'subject-too-long', raises: draft({ subject: 'Three new recipes for March, '.repeat(4), text: words }), clean: draft({ text: words }) },
  { code: 'list-unsubscribe-missing', options: { bulk: true }, raises: html(bulkBody), clean: html(bulkBody, '', { headers: unsubscribeHeaders }) },
  { code: 'list-unsubscribe-missing', options: { bulk: false }, raises: html(bulkBody), clean: html(bulkBody), says: /List-Unsubscribe/ },
  { code: 'one-click-unsubscribe-missing', options: { bulk: true }, raises: html(bulkBody, '', { headers: [unsubscribeHeaders[0]!] }), clean: html(bulkBody, '', { headers: unsubscribeHeaders }) },
  { code: 'unsubscribe-link-missing', options: { bulk: true }, raises: html(`<p>${words}</p>`, '', { headers: unsubscribeHeaders }), clean: html(bulkBody, '', { headers: unsubscribeHeaders }) },
  { code: 'html-lang-missing', raises: draft({ html: `<html><body><p>${words}</p></body></html>` }), clean: html(`<p>${words}</p>`) },
  { code: 'layout-table-role-missing', raises: html('<table><tr><td>Bread</td></tr></table>'), clean: html('<table role="presentation"><tr><td>Bread</td></tr></table><table><tr><th>Loaf</th></tr></table>') },
  { code: 'heading-order', raises: html('<h1>March</h1><h3>Recipes</h3>'), clean: html('<h1>March</h1><h2>Recipes</h2><h2>Market</h2>') },
  { code: 'contrast-low', raises: html('<p style="color:#aaaaaa">Pale words on white</p>'), clean: html('<p style="color:#222222">Dark words on white</p><p style="color:#ffffff;background-color:#222222">Light on dark</p>') },
  { code: 'css-unsupported', raises: html('<div style="display:flex">Bread</div>'), clean: html('<div style="color:#222222">Bread</div>'), says: /Outlook Windows/ },
  { code: 'html-unsupported', raises: html('<video src="https://bakery.example/v.mp4"></video>'), clean: html('<p>Bread</p>'), says: /<video> element/ },
  { code: 'html-invalid', options: { validate: true }, raises: html('<p>Bread <div>and butter</div></p><table><tr><td>x</td></tr></table></span>'), clean: html('<p>Bread and butter</p>') },
  { code: 'dark-mode-unready', raises: html('<p>Bread</p>'), clean: html('<p>Bread</p>', '<meta name="color-scheme" content="light dark"><style>:root{color-scheme:light dark}@media (prefers-color-scheme: dark){p{color:#eeeeee}}</style>') },
  { code: 'dark-mode-unready', raises: html('<div style="background-color:#ffffff;color:#111111">Bread</div>', '<meta name="color-scheme" content="light dark">'), clean: html('<div style="background-color:#ffffff;color:#111111">Bread</div>', '<meta name="color-scheme" content="light dark"><style>@media (prefers-color-scheme: dark){div{color:#eeeeee !important}}</style>'), says: /white background/ },
  { code: 'from-not-verified', options: { identities: ['other.example'] }, raises: draft({ text: words }), clean: draft({ text: words, from: 'news@mail.other.example' }) },
  { code: 'dkim-missing', options: { identities: ['news@bakery.example'], bulk: true }, raises: draft({ text: words }), clean: draft({ text: words, headers: [{ name: 'DKIM-Signature', value: 'v=1; a=rsa-sha256; d=bakery.example; s=s1; h=from; bh=x; b=y' }] }) },
  { code: 'dmarc-unaligned', raises: draft({ text: words, headers: [{ name: 'DKIM-Signature', value: 'v=1; a=rsa-sha256; d=other.example; s=s1; h=from; bh=x; b=y' }] }), clean: draft({ text: words, headers: [{ name: 'DKIM-Signature', value: 'v=1; a=rsa-sha256; d=mail.bakery.example; s=s1; h=from; bh=x; b=y' }] }) },
  { code: 'dmarc-unaligned', raises: draft({ text: words, from: 'someone@gmail.com' }), clean: draft({ text: words }), says: /5\.7\.26/ },
  { code: 'spam-rule', raises: rawMessage('Date: Sun, 1 Mar 2026 09:00:00 +0000'), clean: rawMessage('Date: Sun, 1 Mar 2026 09:00:00 +0000\r\nMessage-ID: <1@bakery.example>'), says: /MISSING_MID/ },
]; // prettier-ignore

describe('every catalogue code', () => {
  test('has a case that raises it and one that does not', () => {
    const tested = new Set(cases.map((c) => c.code));
    expect(Object.keys(CHECK_CATALOGUE).filter((code) => !tested.has(code))).toEqual([]);
  });

  for (const [i, c] of cases.entries()) {
    const { code, options = {} } = c;
    test(`${code} (${i}): raised when the problem is there`, async () => {
      const report = await check(c.raises, options);
      if (code === 'list-unsubscribe-missing' && options.bulk === false) {
        expect(codes(report)).not.toContain(code); // not bulk: no unsubscribe rules
        return;
      }
      const found = report.findings.filter((f) => f.code === code);
      expect(found.length, JSON.stringify(codes(report))).toBeGreaterThan(0);
      const finding = c.says ? found.find((f) => c.says!.test(f.message)) : found[0];
      expect(finding, found.map((f) => f.message).join('\n')).toBeDefined();
      expect(finding!.message).toMatch(/[.)]$/);
      expect(finding!.reference).toMatch(/^https:\/\//);
    });
    test(`${code} (${i}): not raised when it is not`, async () => {
      const report = await check(c.clean, options);
      const found = report.findings.filter(
        (f) => f.code === code && (!c.says || c.says.test(f.message)),
      );
      expect(found.map((f) => f.message)).toEqual([]);
    });
  }
});
