import { describe, expect, test } from 'vitest';
import { buildMessage, inspectMessage, type Draft } from '../../../src/lib/mime/index.ts';
import {
  SES_V1_MAX_MESSAGE_BYTES,
  SES_V2_MAX_MESSAGE_BYTES,
  sesEncodedSize,
  sizeDiagnostics,
} from '../../../src/lib/mime/build-diagnostics.ts';
import { expectWellFormed, leaves, nodeContent, shape, slice } from './build-support.ts';

const now = new Date(Date.UTC(2026, 10, 27, 21, 16, 10));
const utf8 = (text: string) => new TextEncoder().encode(text);
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const image = {
  filename: 'logo.png',
  content: Uint8Array.of(137, 80, 78, 71, 0, 255),
  inline: true,
  contentId: 'logo@x.example',
};
const pdf = { filename: 'report.pdf', content: Uint8Array.of(37, 80, 68, 70, 10, 200) };
const invitation = {
  filename: 'invite.ics',
  contentType: 'text/calendar; method=REQUEST; charset=utf-8',
  content: new TextEncoder().encode('BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n'),
  alternative: true,
};
const codes = (draft: Draft) => buildMessage(draft, { now }).diagnostics.map((d) => d.code);

describe('buildMessage', () => {
  test('writes a text-only message as one part with the message headers in order', () => {
    const message = buildMessage(
      { from: 'Ann <ann@example.com>', to: ['bob@example.com'], subject: 'Hi', text: 'Hello\n' },
      { now },
    );
    const raw = text(message.raw);
    expect(raw).toMatch(
      /^From: Ann <ann@example\.com>\r\nTo: bob@example\.com\r\nSubject: Hi\r\nDate: Fri, 27 Nov 2026 21:16:10 \+0000\r\nMessage-ID: <[0-9a-f]{8}\.[0-9a-z]+@example\.com>\r\nMIME-Version: 1\.0\r\nContent-Type: text\/plain; charset=utf-8\r\nContent-Transfer-Encoding: 7bit\r\n\r\nHello\r\n$/,
    );
    expect(message.tree).toMatchObject({
      contentType: 'text/plain',
      start: 0,
      end: message.raw.length,
      charset: 'utf-8',
      transferEncoding: '7bit',
    });
    expect(message.diagnostics).toEqual([]);
  });

  test('gives the same bytes for the same draft, clock and boundaries, and others for another clock', () => {
    const draft: Draft = {
      from: 'a@example.com',
      to: ['b@example.com'],
      text: 't',
      html: '<p>h</p>',
      attachments: [pdf],
    };
    const first = buildMessage(draft, { now });
    expect(buildMessage(structuredClone(draft), { now }).raw).toEqual(first.raw);
    const later = buildMessage(draft, { now: new Date(now.getTime() + 1000) });
    expect(text(later.raw)).not.toBe(text(first.raw));
    const fixed = (depth: number) => `b${depth}`;
    expect(buildMessage(draft, { now, boundary: fixed }).raw).toEqual(
      buildMessage(draft, { now, boundary: fixed }).raw,
    );
    expect(text(buildMessage(draft, { now, boundary: fixed }).raw)).toContain('boundary="b1"');
  });

  test('splits a subject word too long to fold into encoded words, keeping lines short', async () => {
    const subject = `Order ${'x'.repeat(1200)} shipped`;
    const message = buildMessage({ from: 'a@x.example', to: ['b@x.example'], subject }, { now });
    expectWellFormed(message);
    const head = text(message.raw).split('\r\n\r\n')[0]!;
    for (const line of head.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
    expect((await inspectMessage(message.raw)).subject).toBe(subject);
  });

  test('uses only the multipart levels a draft needs', () => {
    const cases: Array<[Draft, string]> = [
      [{ from: 'a@x.example', text: 't' }, 'text/plain'],
      [{ from: 'a@x.example', html: 'h' }, 'text/html'],
      [
        { from: 'a@x.example', text: 't', html: 'h' },
        'multipart/alternative(text/plain,text/html)',
      ],
      [
        { from: 'a@x.example', html: 'h', attachments: [image] },
        'multipart/related(text/html,image/png)',
      ],
      [
        { from: 'a@x.example', text: 't', attachments: [pdf] },
        'multipart/mixed(text/plain,application/pdf)',
      ],
      [{ from: 'a@x.example', attachments: [pdf] }, 'multipart/mixed(application/pdf)'],
      [
        {
          from: 'a@x.example',
          text: 't',
          html: '<img src="cid:logo@x.example">',
          attachments: [image, pdf],
        },
        'multipart/mixed(multipart/alternative(text/plain,multipart/related(text/html,image/png)),application/pdf)',
      ],
      [
        { from: 'a@x.example', text: 't', attachments: [image] },
        'multipart/mixed(text/plain,image/png)',
      ],
      [
        { from: 'a@x.example', text: 't', attachments: [invitation] },
        'multipart/alternative(text/plain,text/calendar)',
      ],
      [
        { from: 'a@x.example', text: 't', html: 'h', attachments: [pdf, invitation] },
        'multipart/mixed(multipart/alternative(text/plain,text/html,text/calendar),application/pdf)',
      ],
    ];
    for (const [draft, expected] of cases) {
      const message = buildMessage(draft, { now });
      expect(shape(message.tree)).toBe(expected);
      expectWellFormed(message);
    }
  });

  test('gives inline parts a Content-ID and a generated one when the draft has none', () => {
    const message = buildMessage(
      {
        from: 'a@x.example',
        html: '<img src="cid:logo@x.example">',
        attachments: [image, { ...image, contentId: undefined, filename: 'b.png' }],
      },
      { now },
    );
    const [, first, second] = leaves(message.tree);
    expect(first!.contentId).toBe('logo@x.example');
    expect(text(message.raw)).toContain('Content-ID: <logo@x.example>');
    expect(second!.contentId).toMatch(/^[0-9a-f]{8}\.1@x\.example$/);
    expect(message.diagnostics.filter((d) => d.code === 'unreferenced-inline')).toHaveLength(1);
  });

  test('never writes Bcc, and puts every recipient in the envelope once', () => {
    const message = buildMessage(
      {
        from: 'a@x.example',
        to: ['Bob <bob@Example.COM>', 'carol@example.com'],
        cc: ['bob@example.com', 'Bob@example.com'],
        bcc: ['secret@bücher.example'],
        text: 't',
      },
      { now },
    );
    expect(text(message.raw)).not.toMatch(/^Bcc:|secret/im);
    expect(message.envelope).toEqual({
      mailFrom: 'a@x.example',
      rcptTo: [
        'bob@Example.COM',
        'carol@example.com',
        'Bob@example.com',
        'secret@xn--bcher-kva.example',
      ],
    });
  });

  test('takes MAIL FROM from the envelope override, else Return-Path, else From', () => {
    const base: Draft = { from: 'a@x.example', to: ['b@x.example'], text: 't' };
    expect(
      buildMessage(
        { ...base, headers: [{ name: 'Return-Path', value: '<bounce@x.example>' }] },
        { now },
      ).envelope.mailFrom,
    ).toBe('bounce@x.example');
    expect(
      buildMessage(
        {
          ...base,
          headers: [{ name: 'Return-Path', value: '<bounce@x.example>' }],
          envelope: { mailFrom: 'env@x.example', rcptTo: ['only@x.example'] },
        },
        { now },
      ).envelope,
    ).toEqual({
      mailFrom: 'env@x.example',
      rcptTo: ['only@x.example'],
    });
  });

  test('checks the addresses of an envelope override', () => {
    const message = buildMessage(
      {
        from: 'a@x.example',
        to: ['b@x.example'],
        subject: 's',
        text: 't',
        envelope: { mailFrom: 'nobody', rcptTo: ['ok@x.example', 'zoë@x.example'] },
      },
      { now },
    );
    expect(message.diagnostics.map((d) => d.code)).toEqual([
      'invalid-address',
      'non-ascii-address',
    ]);
    expect(message.diagnostics[0]!.message).toMatch(/^Envelope: "nobody"/);
  });

  test('reports what SES would refuse', () => {
    const many = Array.from({ length: 51 }, (_, i) => `r${i}@example.com`);
    expect(codes({ from: 'a@x.example', to: many, subject: 's', text: 't' })).toEqual([
      'recipients-over-limit',
    ]);
    expect(codes({ from: '', to: ['b@x.example'], subject: 's', text: 't' })).toEqual([
      'missing-from',
    ]);
    expect(codes({ from: 'a@x.example', subject: 's', text: 't' })).toEqual(['no-recipients']);
    expect(
      codes({
        from: 'a@x.example',
        to: ['not an address', 'jürgen@x.example'],
        subject: 's',
        text: 't',
      }),
    ).toEqual(['invalid-address', 'non-ascii-address', 'no-recipients']);
    expect(
      codes({ from: 'a@x.example', to: ['b@x.example'], subject: 's', html: '<p>h</p>' }),
    ).toEqual(['html-without-text']);
    expect(
      codes({
        from: 'a@x.example',
        to: ['b@x.example'],
        subject: 's',
        text: 't',
        attachments: [{ filename: 'setup.exe', content: new Uint8Array(1) }],
      }),
    ).toEqual(['blocked-attachment-type']);
  });

  test('points header diagnostics at the bytes of their header', () => {
    const message = buildMessage(
      {
        from: 'a@x.example',
        to: ['b@x.example', 'jürgen@x.example'],
        subject: 'two\nlines',
        text: 't',
        date: 'soon',
      },
      { now },
    );
    const at = (code: string) => {
      const found = message.diagnostics.find((d) => d.code === code)!;
      return slice(message.raw, found.from!, found.to!);
    };
    expect(at('non-ascii-address')).toBe('To: b@x.example');
    expect(at('subject-line-break')).toBe('Subject: two lines');
    expect(at('invalid-date')).toMatch(/^Date: Fri, 27 Nov 2026 21:16:10 \+0000$/);
  });

  test('reports a message over the SES v1 and v2 size limits', () => {
    const sized = (bytes: number) =>
      codes({
        from: 'a@x.example',
        to: ['b@x.example'],
        subject: 's',
        attachments: [{ filename: 'a.bin', content: new Uint8Array(bytes) }],
      });
    expect(sized(5 * 1024 * 1024)).toEqual([]);
    expect(sized(8 * 1024 * 1024)).toEqual(['message-over-v1-limit']);
    expect(sized(31 * 1024 * 1024)).toEqual(['message-too-large']);
  });

  test('measures the size limits on the base64-encoded message, as SES does', () => {
    // 32 MB of raw message is about 42.7 MB once base64-encoded for the API: SES refuses it.
    const thirtyTwo = sizeDiagnostics(32 * 1024 * 1024);
    expect(thirtyTwo.map((d) => d.code)).toEqual(['message-too-large']);
    expect(thirtyTwo[0]!.message).toMatch(/base64/);
    expect(sizeDiagnostics(8 * 1024 * 1024).map((d) => d.code)).toEqual(['message-over-v1-limit']);
    const v2Edge = (SES_V2_MAX_MESSAGE_BYTES / 4) * 3;
    expect(sesEncodedSize(v2Edge)).toBe(SES_V2_MAX_MESSAGE_BYTES);
    expect(sizeDiagnostics(v2Edge).map((d) => d.code)).toEqual(['message-over-v1-limit']);
    expect(sizeDiagnostics(v2Edge + 1).map((d) => d.code)).toEqual(['message-too-large']);
    const v1Edge = (SES_V1_MAX_MESSAGE_BYTES / 4) * 3;
    expect(sizeDiagnostics(v1Edge)).toEqual([]);
    expect(sizeDiagnostics(v1Edge + 1).map((d) => d.code)).toEqual(['message-over-v1-limit']);
  });

  test('refuses injected, malformed and duplicate extra headers without altering them', () => {
    const message = buildMessage(
      {
        from: 'a@x.example',
        to: ['b@x.example'],
        subject: 's',
        text: 't',
        headers: [
          { name: 'X-Evil', value: 'x\r\nBcc: victim@x.example' },
          { name: 'Bad Name', value: 'v' },
          { name: 'Subject', value: 'again' },
          { name: 'List-Unsubscribe', value: '<mailto:u@x.example>' },
          { name: 'List-Unsubscribe', value: '<mailto:v@x.example>' },
          { name: 'X-Note', value: 'naïve' },
        ],
      },
      { now },
    );
    expect(message.diagnostics.map((d) => d.code)).toEqual([
      'header-injection',
      'invalid-header-name',
      'duplicate-header',
      'duplicate-header',
    ]);
    const raw = text(message.raw);
    expect(raw).not.toContain('X-Evil');
    expect(raw).not.toContain('victim');
    expect(raw.match(/List-Unsubscribe:/g)).toHaveLength(1);
    expect(raw).toContain('X-Note: =?UTF-8?Q?na=C3=AFve?=');
  });

  test('takes dates in RFC 3339 or RFC 5322 form and reports others', () => {
    const date = (value: string) =>
      buildMessage({ from: 'a@x.example', text: 't', date: value }, { now });
    expect(text(date('2026-01-02T03:04:05+05:30').raw)).toContain(
      'Date: Fri, 2 Jan 2026 03:04:05 +0530',
    );
    expect(text(date('Fri, 2 Jan 2026 03:04:05 -0800').raw)).toContain(
      'Date: Fri, 2 Jan 2026 03:04:05 -0800',
    );
    expect(date('yesterday').diagnostics.map((d) => d.code)).toContain('invalid-date');
  });

  test('keeps every line within 998 characters, even for one-word subjects and long names', () => {
    const message = buildMessage(
      {
        from: `${'N'.repeat(1200)} <a@x.example>`,
        to: [`"${'Doe, '.repeat(300)}" <b@x.example>`],
        subject: 'y'.repeat(1500),
        text: 't',
        messageId: `<${'m'.repeat(1200)}@x.example>`,
      },
      { now },
    );
    expectWellFormed(message);
    for (const line of text(message.raw).split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
    expect(message.diagnostics.map((d) => d.code)).toContain('invalid-message-id');
  });

  test('throws a RangeError only on misuse', () => {
    expect(() => buildMessage(undefined as unknown as Draft)).toThrow(RangeError);
    expect(() => buildMessage({ from: 'a@x.example' }, { now: new Date(NaN) })).toThrow(RangeError);
    expect(() =>
      buildMessage(
        { from: 'a@x.example', attachments: [pdf] },
        { now, boundary: () => 'bad\r\nboundary' },
      ),
    ).toThrow(RangeError);
  });

  test('records why each part got its transfer encoding and where its bytes are', () => {
    const message = buildMessage(
      {
        from: 'a@x.example',
        text: 'Grüße\n',
        html: `<p>${'x'.repeat(100)}</p>`,
        attachments: [pdf],
      },
      { now },
    );
    const [plain, html, attachment] = leaves(message.tree);
    expect(plain).toMatchObject({ transferEncoding: 'quoted-printable', charset: 'utf-8' });
    expect(plain!.transferEncodingReason).toMatch(/non-ASCII/);
    expect(html!.transferEncodingReason).toMatch(/107 characters long/);
    expect(attachment).toMatchObject({
      transferEncoding: 'base64',
      filename: 'report.pdf',
      disposition: 'attachment',
    });
    expect(text(nodeContent(message, plain!))).toBe('Grüße\r\n');
    expect(nodeContent(message, attachment!)).toEqual(pdf.content);
    expect(slice(message.raw, attachment!.start, attachment!.start + 13)).toBe('Content-Type:');
    expect(utf8(slice(message.raw, html!.end, html!.end + 4))).toEqual(utf8('\r\n--'));
  });
});

describe('buildMessage with a large attachment, built again and again', () => {
  test('gives the same bytes each time, and the attachment decodes to itself', () => {
    const content = new Uint8Array(1536 * 1024);
    for (let i = 0; i < content.length; i++) content[i] = (i * 7919) & 0xff;
    const draft = (subject: string): Draft => ({
      from: 'a@example.com',
      to: ['b@example.org'],
      subject,
      text: 'See attached.',
      attachments: [{ filename: 'big.bin', contentType: 'application/octet-stream', content }],
    });
    const options = { now: new Date(Date.UTC(2026, 0, 1)), boundary: () => 'b' };
    const first = buildMessage(draft('One'), options).raw;
    const again = buildMessage(draft('One'), options).raw;
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
    const other = buildMessage(draft('Two'), options);
    const part = leaves(other.tree).find((node) => node.filename === 'big.bin');
    expect(Buffer.from(nodeContent(other, part!)).equals(Buffer.from(content))).toBe(true);
  });
});
