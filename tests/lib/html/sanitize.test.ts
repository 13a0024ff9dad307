// @vitest-environment jsdom
/**
 * The email sanitizing policy on representative email HTML: what it keeps matters as much as
 * what it removes.
 */
import { describe, expect, test } from 'vitest';
import { sanitizeEmailHtml } from '../../../src/lib/html/index.ts';

const clean = (html: string) => sanitizeEmailHtml(html).document;

const NEWSLETTER = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" lang="en" dir="ltr">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name="viewport" content="width=device-width">
<title>Spring sale</title>
<style type="text/css">
  body { margin: 0; padding: 0; }
  .container { width: 600px; }
  @media only screen and (max-width: 480px) { .container { width: 100% !important; } }
  @media (prefers-color-scheme: dark) { .container { background: #111 !important; } }
</style>
<!--[if mso]><style>table { border-collapse: collapse; }</style><![endif]-->
</head>
<body bgcolor="#f4f4f4" text="#333333" link="#0066cc" leftmargin="0" topmargin="0" marginwidth="0" marginheight="0" style="margin:0">
<center>
<table role="presentation" class="container" width="600" align="center" cellpadding="0" cellspacing="0" border="0" bgcolor="#ffffff" style="border-collapse:collapse">
  <tr>
    <td valign="top" align="left" height="40" bordercolor="#cccccc" style="font-family:Arial,sans-serif;font-size:16px;color:#333">
      <font face="Georgia" color="#990000" size="3">Spring sale</font>
      <img src="cid:logo@shop.example" width="120" height="40" alt="Shop" hspace="4" vspace="2" border="0" style="display:block">
      <a href="https://shop.example/sale?utm_source=mail" title="Sale">Shop now</a>
    </td>
    <th scope="col" colspan="2" rowspan="1" nowrap>Price</th>
  </tr>
</table>
<!--[if !mso]><!--><p class="not-outlook">Shown by every client but Outlook</p><!--<![endif]-->
<!--[if gte mso 9]><p class="outlook-only">Outlook only</p><![endif]-->
</center>
</body></html>`;

describe('keeps what email needs', () => {
  const doc = clean(NEWSLETTER);
  const td = doc.querySelector('td')!;
  const table = doc.querySelector('table')!;

  test('table layout and its presentational attributes', () => {
    expect(table.getAttribute('width')).toBe('600');
    expect(table.getAttribute('align')).toBe('center');
    expect(table.getAttribute('cellpadding')).toBe('0');
    expect(table.getAttribute('cellspacing')).toBe('0');
    expect(table.getAttribute('border')).toBe('0');
    expect(table.getAttribute('bgcolor')).toBe('#ffffff');
    expect(table.getAttribute('role')).toBe('presentation');
    expect(td.getAttribute('valign')).toBe('top');
    expect(td.getAttribute('height')).toBe('40');
    expect(td.getAttribute('bordercolor')).toBe('#cccccc');
    expect(doc.querySelector('th')!.getAttribute('colspan')).toBe('2');
    expect(doc.querySelector('th')!.hasAttribute('nowrap')).toBe(true);
    expect(doc.querySelector('center')).not.toBeNull();
    expect(doc.querySelector('font')!.getAttribute('face')).toBe('Georgia');
  });

  test('body attributes of old layouts', () => {
    const body = doc.body;
    expect(body.getAttribute('bgcolor')).toBe('#f4f4f4');
    expect(body.getAttribute('text')).toBe('#333333');
    expect(body.getAttribute('link')).toBe('#0066cc');
    expect(body.getAttribute('leftmargin')).toBe('0');
    expect(body.getAttribute('marginwidth')).toBe('0');
  });

  test('<style> in head with media queries, inline styles and classes', () => {
    const css = doc.head.querySelector('style')!.textContent!;
    expect(css).toContain('@media only screen and (max-width: 480px)');
    expect(css).toContain('@media (prefers-color-scheme: dark)');
    expect(td.getAttribute('style')).toContain('font-family:Arial,sans-serif');
    expect(table.getAttribute('class')).toBe('container');
    expect(doc.documentElement.getAttribute('lang')).toBe('en');
    expect(doc.documentElement.getAttribute('dir')).toBe('ltr');
  });

  test('images with cid: sources, sizes and spacing; links with their titles', () => {
    const img = doc.querySelector('img')!;
    expect(img.getAttribute('src')).toBe('cid:logo@shop.example');
    expect(img.getAttribute('hspace')).toBe('4');
    expect(img.getAttribute('alt')).toBe('Shop');
    const link = doc.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://shop.example/sale?utm_source=mail');
    expect(link.getAttribute('title')).toBe('Sale');
  });

  test('conditional comments: what any client but Outlook shows', () => {
    expect(doc.querySelector('.not-outlook')?.textContent).toBe(
      'Shown by every client but Outlook',
    );
    expect(doc.querySelector('.outlook-only')).toBeNull();
    expect(doc.head.querySelectorAll('style')).toHaveLength(1);
    expect(sanitizeEmailHtml(NEWSLETTER).outlookOnlyBlocks).toBe(2);
  });
});

describe('stylesheets that look like markup', () => {
  test('the old <!-- --> wrapper is unwrapped, not the stylesheet removed', () => {
    const doc = clean(
      '<head><style type="text/css"><!--\n.a { color: red; }\n--></style></head><p class="a">x</p>',
    );
    expect(doc.querySelector('style')!.textContent).toContain('.a { color: red; }');
    expect(doc.querySelector('style')!.textContent).not.toContain('<!--');
  });
  test('markup inside CSS strings and comments becomes a CSS escape', () => {
    const doc = clean(
      '<style>/* <b>bold</b> */ .q::before { content: "<img src=x onerror=alert(1)>"; }</style>',
    );
    const css = doc.querySelector('style')!.textContent!;
    expect(css).toContain('content: "\\3C img src=x onerror=alert(1)>"');
    expect(css).not.toMatch(/<[/\w!]/);
    expect(doc.querySelectorAll('img')).toHaveLength(0);
  });
});

describe('removes what could run, navigate or submit', () => {
  const cases: Array<{ name: string; html: string; gone: string; kept?: string }> = [
    { name: 'script', html: '<p>a</p><script>alert(1)</script>', gone: 'script' },
    {
      name: 'event handlers',
      html: '<img src="x.png" onerror="alert(1)" onload="x()">',
      gone: '[onerror], [onload]',
      kept: 'img',
    },
    {
      name: 'body handler',
      html: '<body onload="alert(1)"><p>a</p></body>',
      gone: 'body[onload]',
      kept: 'p',
    },
    {
      name: 'javascript: link',
      html: '<a href="javascript:alert(1)">x</a>',
      gone: 'a[href]',
      kept: 'a',
    },
    {
      name: 'obfuscated javascript: link',
      html: '<a href="jav&#x09;ascript:alert(1)">x</a>',
      gone: 'a[href]',
      kept: 'a',
    },
    {
      name: 'vbscript: link',
      html: '<a href="vbscript:msgbox(1)">x</a>',
      gone: 'a[href]',
      kept: 'a',
    },
    {
      name: 'data:text/html link',
      html: '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
      gone: 'a[href]',
      kept: 'a',
    },
    {
      name: 'form and controls',
      html: '<form action="https://evil.example"><input name="p"><button>Go</button><select><option>1</option></select><textarea>t</textarea></form>',
      gone: 'form, input, button, select, option, textarea',
    },
    {
      name: 'base',
      html: '<head><base href="https://evil.example/"></head><p>a</p>',
      gone: 'base',
    },
    {
      name: 'meta refresh',
      html: '<head><meta http-equiv="refresh" content="0;url=https://evil.example"></head>',
      gone: 'meta',
    },
    {
      name: 'frames',
      html: '<iframe src="https://evil.example"></iframe><frameset><frame src="x"></frameset>',
      gone: 'iframe, frame, frameset',
    },
    {
      name: 'objects and embeds',
      html: '<object data="x.swf"><param name="a" value="b"></object><embed src="x.swf"><applet code="x"></applet>',
      gone: 'object, embed, param, applet',
    },
    {
      name: 'SVG and MathML',
      html: '<svg onload="alert(1)"><script>alert(1)</script></svg><math><mi>x</mi></math>',
      gone: 'svg, math, script',
    },
    {
      name: 'templates',
      html: '<template><img src=x onerror=alert(1)></template>',
      gone: 'template, img',
    },
    {
      name: 'the preview’s own marks',
      html: '<img src="x.png" data-mw-blocked="src" data-other="kept">',
      gone: '[data-mw-blocked]',
      kept: 'img[data-other]',
    },
    {
      name: 'autofocus and ping',
      html: '<a href="https://a.example" ping="https://track.example">x</a><div autofocus>y</div>',
      gone: '[ping], [autofocus]',
      kept: 'a[href]',
    },
  ];
  for (const entry of cases) {
    test(entry.name, () => {
      const doc = clean(entry.html);
      expect(doc.querySelectorAll(entry.gone)).toHaveLength(0);
      if (entry.kept) expect(doc.querySelector(entry.kept)).not.toBeNull();
    });
  }
});
