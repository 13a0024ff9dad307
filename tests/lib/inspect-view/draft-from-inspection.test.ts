import { describe, expect, it } from 'vitest';
import { buildMessage, inspectMessage } from '../../../src/lib/mime/index.ts';
import type { Draft, Inspection } from '../../../src/lib/mime/types.ts';
import { toEngineDraft } from '../../../src/lib/state/draft-fields.ts';
import { draftFromInspection } from '../../../src/lib/inspect-view/draft-from-inspection.ts';

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
});
