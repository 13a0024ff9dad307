import { describe, expect, test } from 'vitest';
import { inspectMessage } from '../../../src/lib/mime/inspect.ts';
import {
  MAX_HEADER_BLOCK_BYTES,
  MAX_MESSAGE_BYTES,
  MAX_NESTING_DEPTH,
} from '../../../src/lib/mime/limits.ts';
import type { Diagnostic, Inspection } from '../../../src/lib/mime/types.ts';

const HEAD =
  'From: a@example.com\r\nTo: b@example.com\r\nDate: Mon, 1 May 2023 10:00:00 +0000\r\nMessage-ID: <1@example.com>\r\nSubject: s\r\n';
const bytes = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

function codes(inspection: Inspection): string[] {
  return inspection.diagnostics.map((d) => d.code);
}

function find(inspection: Inspection, code: string): Diagnostic {
  const found = inspection.diagnostics.find((d) => d.code === code);
  if (!found) throw new Error(`no ${code} in ${codes(inspection).join(', ')}`);
  return found;
}

/** The raw text a diagnostic points at. */
function at(raw: string, d: Diagnostic): string {
  return raw.slice(d.from, d.to);
} // prettier-ignore

describe('inspectMessage diagnostics, each with the byte range it is about', () => {
  test('a clean message has none', async () => {
    expect((await inspectMessage(`${HEAD}\r\nHello\r\n`)).diagnostics).toEqual([]);
  });

  test('bare LF and bare CR line ends, counted, pointing at the first', async () => {
    const raw = `${HEAD}\r\nline one\nline two\rline three\r\n`;
    const inspection = await inspectMessage(raw);
    expect(at(raw, find(inspection, 'bare-lf'))).toBe('\n');
    expect(find(inspection, 'bare-lf').from).toBe(raw.indexOf('one\n') + 3);
    expect(find(inspection, 'bare-cr').from).toBe(raw.indexOf('two\r') + 3);
  });

  test('a line over 998 octets', async () => {
    const long = 'x'.repeat(1200);
    const raw = `${HEAD}\r\n${long}\r\n`;
    const d = find(await inspectMessage(raw), 'line-too-long');
    expect(at(raw, d)).toBe(long);
  });

  test('8-bit bytes in a header and in a part declared 7bit', async () => {
    const raw = `${HEAD}X-Note: caf\xe9\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: 7bit\r\n\r\nna\xefve\r\n`;
    const inspection = await inspectMessage(bytes(raw));
    expect(at(raw, find(inspection, 'header-8bit'))).toBe('X-Note: caf\xe9\r\n');
    expect(at(raw, find(inspection, 'body-8bit-in-7bit'))).toBe('\xef');
    // Not UTF-8, so read as Windows-1252.
    expect(inspection.headers.find((h) => h.name === 'X-Note')?.decoded).toBe('café');
  });

  test('malformed and over-long encoded words', async () => {
    const word = `=?utf-8?B?${btoa('x'.repeat(80))}?=`;
    const raw = `${HEAD}X-Long: ${word}\r\nX-Bad: =?utf-8?X?abc?=\r\n\r\nbody`;
    const inspection = await inspectMessage(raw);
    expect(at(raw, find(inspection, 'encoded-word-too-long'))).toContain('X-Long');
    expect(at(raw, find(inspection, 'encoded-word-malformed'))).toContain('X-Bad');
    expect(inspection.headers.find((h) => h.name === 'X-Long')?.decoded).toBe('x'.repeat(80));
  });

  test('missing Date, From and Message-ID; duplicate unique headers', async () => {
    const raw = 'To: b@example.com\r\nSubject: one\r\nSubject: two\r\n\r\nbody';
    const inspection = await inspectMessage(raw);
    expect(codes(inspection)).toEqual(expect.arrayContaining(['missing-date', 'missing-from', 'missing-message-id']));
    expect(at(raw, find(inspection, 'duplicate-header'))).toBe('Subject: two\r\n');
    expect(inspection.subject).toBe('one');
  });

  test('an unterminated multipart still shows its last part', async () => {
    const raw = `${HEAD}Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\none\r\n--b\r\nContent-Type: text/html\r\n\r\n<p>two`;
    const inspection = await inspectMessage(raw);
    expect(codes(inspection)).toContain('multipart-unterminated');
    expect(inspection.tree.children).toHaveLength(2);
    expect(inspection.html).toBe('<p>two');
    expect(inspection.text).toBe('one');
  });

  test('a line that starts with the boundary but goes on is content, and said to be risky', async () => {
    const raw = `${HEAD}Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\n--bad line\r\n--b--\r\n`;
    const inspection = await inspectMessage(raw);
    expect(at(raw, find(inspection, 'boundary-in-content'))).toBe('--bad line');
    expect(inspection.text).toBe('--bad line');
  });

  test('an unknown transfer encoding, and a charset that cannot be decoded', async () => {
    const raw = `${HEAD}Content-Type: text/plain; charset=x-klingon\r\nContent-Transfer-Encoding: x-uuencode\r\n\r\nabc`;
    const inspection = await inspectMessage(raw);
    expect(codes(inspection)).toEqual(expect.arrayContaining(['unknown-transfer-encoding', 'charset-unsupported']));
    expect(inspection.text).toBe('abc');
  });

  test('a cid: reference with no part of that Content-ID', async () => {
    const raw = `${HEAD}Content-Type: multipart/related; boundary=b\r\n\r\n--b\r\nContent-Type: text/html\r\n\r\n<img src="cid:logo@x"><img src="cid:missing@x">\r\n--b\r\nContent-Type: image/png\r\nContent-ID: <logo@x>\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw==\r\n--b--\r\n`;
    const inspection = await inspectMessage(raw);
    const unresolved = inspection.diagnostics.filter((d) => d.code === 'cid-unresolved');
    expect(unresolved.map((d) => d.message)).toEqual([expect.stringContaining('cid:missing@x')]);
    expect(inspection.attachments[0]).toMatchObject({ contentId: 'logo@x', size: 4 });
  });
}); // prettier-ignore

describe('limits: over a limit, a diagnostic and what was parsed', () => {
  test(`nesting deeper than ${MAX_NESTING_DEPTH} levels`, async () => {
    let raw = '';
    for (let i = 0; i < MAX_NESTING_DEPTH + 10; i++) raw += `Content-Type: multipart/mixed; boundary=b${i}\r\n\r\n--b${i}\r\n`;
    raw += '\r\ninnermost\r\n';
    const inspection = await inspectMessage(`${HEAD}${raw}`);
    expect(codes(inspection)).toContain('nesting-too-deep');
    let depth = 0;
    for (let node = inspection.tree; node.children.length > 0; node = node.children[0]!) depth++;
    expect(depth).toBe(MAX_NESTING_DEPTH);
  });

  test('a header block over the limit ends there', async () => {
    const raw = `${HEAD}X-Big: ${'y'.repeat(MAX_HEADER_BLOCK_BYTES + 10)}\r\nX-After: 1\r\n\r\nbody`;
    const inspection = await inspectMessage(raw);
    expect(codes(inspection)).toContain('header-too-large');
    expect(inspection.headers.map((h) => h.name)).toContain('X-Big');
    expect(inspection.headers.map((h) => h.name)).not.toContain('X-After');
  });

  test(`a message over ${MAX_MESSAGE_BYTES} bytes is read up to the limit`, async () => {
    const line = bytes(`${'x'.repeat(76)}\r\n`);
    const raw = new Uint8Array(MAX_MESSAGE_BYTES + 1000);
    const head = bytes(`${HEAD}\r\n`);
    raw.set(head);
    for (let at = head.length; at < raw.length; at += line.length) raw.set(line.subarray(0, Math.min(line.length, raw.length - at)), at);
    const inspection = await inspectMessage(raw);
    const d = find(inspection, 'message-too-large');
    expect([d.from, d.to]).toEqual([MAX_MESSAGE_BYTES, raw.length]);
    expect(inspection.tree.end).toBe(MAX_MESSAGE_BYTES);
    expect(inspection.subject).toBe('s');
  });

  test('a UTF-8 byte order mark before the headers is skipped and mentioned', async () => {
    const inspection = await inspectMessage(bytes(`\xef\xbb\xbf${HEAD}\r\nbody`));
    expect(inspection.headers[0]?.name).toBe('From');
    expect(find(inspection, 'byte-order-mark')).toMatchObject({ from: 0, to: 3 });
    expect(inspection.tree.start).toBe(0);
  });

  test('malformed input never throws', async () => {
    for (const raw of ['', '\r\n', ':', 'no colon at all', '--', '\x00\xff\xfe', 'Content-Type: multipart/mixed; boundary=""\r\n\r\n--\r\n']) {
      await expect(inspectMessage(bytes(raw))).resolves.toBeDefined();
    }
    await expect(inspectMessage(42 as unknown as string)).rejects.toThrow(RangeError);
  });
}); // prettier-ignore

describe('decoded headers, bodies and charsets', () => {
  test('RFC 2047 words, RFC 2231 filenames, and bodies in iso-2022-jp, windows-1252 and UTF-7', async () => {
    const raw = [
      HEAD.replace('Subject: s', 'Subject: =?ISO-2022-JP?B?GyRCJUYlOSVIGyhC?= ok'),
      'Content-Type: multipart/mixed; boundary=b\r\n\r\n',
      '--b\r\nContent-Type: text/plain; charset=iso-2022-jp\r\n\r\n\x1b$B$3$s$K$A$O\x1b(B\r\n',
      '--b\r\nContent-Type: text/plain; charset=windows-1252\r\nContent-Transfer-Encoding: 8bit\r\nContent-Disposition: attachment; filename*=UTF-8\'\'r%C3%A9sum%C3%A9.txt\r\n\r\n\x93quoted\x94 \x80\r\n',
      '--b\r\nContent-Type: text/html; charset=unicode-1-1-utf-7\r\n\r\n+ZeVnLIqe-\r\n',
      '--b--\r\n',
    ].join('');
    const inspection = await inspectMessage(bytes(raw));
    expect(inspection.subject).toBe('テスト ok');
    expect(inspection.headers.find((h) => h.name === 'Subject')?.value).toContain('=?ISO-2022-JP?B?');
    expect(inspection.text).toBe('こんにちは');
    expect(inspection.html).toBe('日本語');
    expect(inspection.attachments[0]?.filename).toBe('résumé.txt');
    const disposition = inspection.tree.children[1]!.headers.find((h) => h.name === 'Content-Disposition');
    expect(disposition?.value).toBe("attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.txt");
    expect(inspection.attachments[0]!.content).toEqual(bytes('\x93quoted\x94 \x80\r\n'.slice(0, -2)));
    expect(inspection.diagnostics).toEqual([]);
    // Bytes 0x80-0x9F are typographic characters in windows-1252, the same in Node and browsers.
    const cp1252 = await inspectMessage(bytes(`${HEAD}Content-Type: text/plain; charset=cp1252\r\n\r\n\x93quoted\x94 \x80`));
    expect(cp1252.text).toBe('\u201cquoted\u201d \u20ac');
  });

  test('decoded header values undo RFC 2231 parameters as well as RFC 2047 words', async () => {
    const raw = `${HEAD}Content-Type: application/pdf; name*0*=UTF-8''%E2%82%AC; name*1=".pdf"\r\n\r\nx`;
    const header = (await inspectMessage(raw)).headers.find((h) => h.name === 'Content-Type');
    expect(header?.decoded).toBe('application/pdf; name="€.pdf"');
  });

  test('never makes up a text body from the HTML, nor the reverse', async () => {
    const html = await inspectMessage(`${HEAD}Content-Type: text/html\r\n\r\n<p>only html</p>`);
    expect(html.text).toBeUndefined();
    expect(html.html).toBe('<p>only html</p>');
    const text = await inspectMessage(`${HEAD}\r\nonly text`);
    expect(text.html).toBeUndefined();
  });

  test('reads the route, authentication, DKIM and alignment from the headers', async () => {
    const raw = `Received: from mx.example.net by mx.example.com with ESMTP id 2; Mon, 1 May 2023 10:00:05 +0000\r\nReceived: from client by mx.example.net with ESMTPSA id 1; Mon, 1 May 2023 10:00:00 +0000\r\nAuthentication-Results: mx.example.com; spf=pass smtp.mailfrom=bounce.example.org; dkim=pass header.d=example.org\r\nDKIM-Signature: v=1; a=rsa-sha256; d=example.org; s=sel; h=from:to; bh=x; b=y\r\nReturn-Path: <bounce@bounce.example.org>\r\n${HEAD.replace('a@example.com', 'news@example.org')}\r\nbody`;
    const inspection = await inspectMessage(raw);
    expect(inspection.route?.hops.map((h) => h.id)).toEqual(['1', '2']);
    expect(inspection.route?.totalDelaySeconds).toBe(5);
    expect(inspection.authentication?.spf?.result).toBe('pass');
    expect(inspection.dkim?.[0]).toMatchObject({ domain: 'example.org', selector: 'sel' });
    expect(inspection.alignment).toMatchObject({ fromDomain: 'example.org', passRelaxed: true, passStrict: true });
    expect(inspection.alignment?.spf).toMatchObject({ domain: 'bounce.example.org', relaxed: true, strict: false });
  });
}); // prettier-ignore
