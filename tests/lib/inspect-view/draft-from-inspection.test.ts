import { describe, expect, it } from 'vitest';
import { buildMessage, inspectMessage } from '../../../src/lib/mime/index.ts';
import type { Draft, Inspection } from '../../../src/lib/mime/types.ts';
import { toEngineDraft } from '../../../src/lib/state/draft-fields.ts';
import { draftFromInspection } from '../../../src/lib/inspect-view/draft-from-inspection.ts';
import { parseWithPython, hasPython } from '../../support/python-email.ts';

const png = (seed: number) =>
  Uint8Array.from({ length: 300 }, (_, i) =>
    i < 8 ? [137, 80, 78, 71, 13, 10, 26, 10][i]! : (i * seed) & 255,
  );

const ORIGINAL: Draft = {
  from: 'Adèle Martin <adele@example.com>',
  to: ['Bob <bob@example.org>', 'carol@example.net'],
  cc: ['dan@example.com'],
  replyTo: ['replies@example.com'],
  subject: 'Résumé of the week — with pictures',
  text: 'Hello Bob,\n\nThe pictures are inline.\n',
  html: '<p>Hello <b>Bob</b>,</p><p><img src="cid:logo@example.com"> <img src="cid:chart@example.com"></p>',
  attachments: [
    {
      filename: 'logo.png',
      contentType: 'image/png',
      content: png(3),
      contentId: 'logo@example.com',
      inline: true,
    },
    {
      filename: 'chart.png',
      contentType: 'image/png',
      content: png(5),
      contentId: 'chart@example.com',
      inline: true,
    },
    {
      filename: 'notes.pdf',
      contentType: 'application/pdf',
      content: new TextEncoder().encode('%PDF-1.4\n%…'),
    },
  ],
  headers: [
    { name: 'X-SES-CONFIGURATION-SET', value: 'marketing' },
    { name: 'List-Unsubscribe', value: '<mailto:unsubscribe@example.com>' },
  ],
};

const NOW = new Date('2026-11-27T10:00:00Z');

/** What must survive a trip through Compose: everything a reader or SES sees, bytes of parts included. */
function essentials(inspection: Inspection) {
  const named = (name: string) =>
    inspection.headers.filter((h) => h.name.toLowerCase() === name).map((h) => h.decoded);
  return {
    from: named('from'),
    to: named('to'),
    cc: named('cc'),
    replyTo: named('reply-to'),
    subject: inspection.subject,
    text: inspection.text,
    html: inspection.html,
    extra: inspection.headers
      .filter((h) => /^(x-ses-configuration-set|list-unsubscribe)$/i.test(h.name))
      .map((h) => [h.name, h.decoded]),
    attachments: inspection.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      contentId: a.contentId,
      inline: a.disposition === 'inline',
      content: Array.from(a.content),
    })),
    types: (function walk(node): string[] {
      return [node.contentType, ...node.children.flatMap(walk)];
    })(inspection.tree),
  };
}

describe('draftFromInspection', () => {
  it('gives a draft that builds an equivalent multipart message with inline images', async () => {
    const first = await inspectMessage(buildMessage(ORIGINAL, { now: NOW }).raw);
    let counter = 0;
    const { fields, contents, leftOut } = draftFromInspection(first, () => `id-${++counter}`);
    const rebuilt = buildMessage(
      toEngineDraft(fields, (id) => contents.get(id)),
      { now: NOW },
    );
    const second = await inspectMessage(rebuilt.raw);
    expect(essentials(second)).toEqual(essentials(first));
    expect(rebuilt.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(leftOut).toEqual(expect.arrayContaining(['Date', 'Message-ID', 'MIME-Version']));
    expect(essentials(first).types).toContain('multipart/related');
  });

  it('leaves out trace fields and signatures, and keeps a different envelope sender', async () => {
    const raw =
      'Return-Path: <bounces@mail.example.com>\r\nReceived: from a by b; Fri, 27 Nov 2026 10:00:00 +0000\r\n' +
      'DKIM-Signature: v=1; d=example.com; s=s1; b=abc\r\nFrom: a@example.com\r\nTo: b@example.org\r\n' +
      'Subject: Hi\r\nIn-Reply-To: <x@example.org>\r\n\r\nBody\r\n';
    const { fields, leftOut } = draftFromInspection(await inspectMessage(raw), () => 'id');
    expect(fields.headers.map((row) => row.name)).toEqual(['In-Reply-To']);
    expect(leftOut).toEqual(['Return-Path', 'Received', 'DKIM-Signature']);
    expect(fields.envelopeMailFrom).toBe('bounces@mail.example.com');
    expect(fields.text).toBe('Body\r\n');
    expect(fields.html).toBe('');
  });

  it('keeps a text/calendar alternative an alternative, with its method, not an attachment', async () => {
    const calendar =
      'BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nSUMMARY:Planning\r\n' +
      'DTSTART:20261130T090000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
    const raw =
      'From: a@example.com\r\nTo: b@example.org\r\nSubject: Invitation\r\nMIME-Version: 1.0\r\n' +
      'Content-Type: multipart/mixed; boundary="m"\r\n\r\n' +
      '--m\r\nContent-Type: multipart/alternative; boundary="a"\r\n\r\n' +
      '--a\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nPlanning on Monday.\r\n' +
      '--a\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Planning on Monday.</p>\r\n' +
      '--a\r\nContent-Type: text/calendar; charset=utf-8;\r\n method=REQUEST\r\n\r\n' +
      calendar +
      '--a--\r\n' +
      '--m\r\nContent-Type: application/pdf; name="agenda.pdf"\r\n' +
      'Content-Disposition: attachment; filename="agenda.pdf"\r\n\r\n%PDF-1.4\r\n--m--\r\n';
    const first = await inspectMessage(raw);
    let counter = 0;
    const { fields, contents } = draftFromInspection(first, () => `id-${++counter}`);
    expect(fields.attachments.map((info) => [info.contentType, info.alternative ?? false])).toEqual(
      [
        ['text/calendar; charset=utf-8; method=REQUEST', true],
        ['application/pdf', false],
      ],
    );
    const rebuilt = buildMessage(
      toEngineDraft(fields, (id) => contents.get(id)),
      { now: NOW },
    );
    const second = await inspectMessage(rebuilt.raw);
    const types = (node: Inspection['tree']): string[] => [
      node.contentType,
      ...node.children.flatMap((child) => types(child).map((type) => `  ${type}`)),
    ];
    expect(types(second.tree)).toEqual([
      'multipart/mixed',
      '  multipart/alternative',
      '    text/plain',
      '    text/html',
      '    text/calendar',
      '  application/pdf',
    ]);
    const invitation = second.tree.children[0]!.children[2]!;
    expect(invitation.disposition).toBeUndefined();
    const contentType = invitation.headers.find((h) => h.name === 'Content-Type')!.value;
    expect(contentType).toMatch(/^text\/calendar; charset=utf-8; method=REQUEST$/);
    const calendarOf = (inspection: Inspection) =>
      new TextDecoder().decode(
        inspection.attachments.find((a) => a.contentType === 'text/calendar')!.content,
      );
    // The CRLF before a boundary belongs to the boundary (RFC 2046 §5.1.1), not to the part.
    expect(calendarOf(first)).toBe(calendar.replace(/\r\n$/, ''));
    expect(calendarOf(second)).toBe(calendarOf(first));
    expect(rebuilt.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // Python's email package reads the invitation as a rendering, not an attachment.
    if (hasPython()) {
      const [python] = parseWithPython([rebuilt.raw]);
      const part = python!.parts.find((p) => p.contentType === 'text/calendar')!;
      expect(part.ancestors).toEqual(['multipart/mixed', 'multipart/alternative']);
      expect(part.disposition).toBeNull();
      expect(python!.defects).toEqual([]);
    }
  });
});
