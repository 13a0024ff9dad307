/** The hostile messages of `hostile.ts`, each at `scale` times the size that once froze the tab. */
const MB = 1024 * 1024;
const rep = (unit: string, length: number) =>
  unit.repeat(Math.max(1, Math.ceil(length / unit.length)));

function htmlMessage(html: string, extraHeaders = ''): string {
  return (
    'From: a@example.com\r\nTo: b@example.com\r\nSubject: Hostile\r\nMIME-Version: 1.0\r\n' +
    extraHeaders +
    'Content-Type: text/html; charset=utf-8\r\n\r\n<p id="start">start</p>' +
    html.replace(/\n/g, '\r\n') +
    '\r\n'
  );
}

export function hostileHtmlMessages(scale: number): Record<string, string> {
  return {
    'conditional-comments': htmlMessage(rep('<!--[if   mso   ', 0.2 * MB * scale)),
    'color-scheme': htmlMessage(`<style>${rep('color-scheme: light ', 0.8 * MB * scale)}</style>`),
    'unclosed-meta': htmlMessage(rep('<meta ', 0.3 * MB * scale)),
    'nested-divs': htmlMessage(`${'<div>'.repeat(Math.round(100_000 * scale))}x`),
    'header-fields': htmlMessage('<p>x</p>', 'X-A: b\r\n'.repeat(Math.round(50_000 * scale))),
    'one-big-header': htmlMessage(
      '<p>x</p>',
      `X-Big: ${'a'.repeat(Math.round(50 * MB * scale))}\r\n`,
    ),
    'markup-dense': htmlMessage(
      rep('<p style="color:red">Hello <b>world</b></p>\n', 3 * MB * scale),
    ),
  };
}
