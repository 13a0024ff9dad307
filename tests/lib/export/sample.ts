import type { BuiltMessage, Draft } from '../../../src/lib/mime/types.ts';

const encoder = new TextEncoder();

/** A draft with every feature the exports care about, and a message standing in for its build. */
export function sampleSource(overrides: Partial<Draft> = {}): {
  draft: Draft;
  built: Pick<BuiltMessage, 'raw' | 'envelope'>;
} {
  const draft: Draft = {
    from: 'Ana Example <ana@example.com>',
    to: ['bo@example.net', 'Cy <cy@example.org>'],
    cc: ['dee@example.com'],
    bcc: ['eve@example.com'],
    replyTo: ['replies@example.com'],
    subject: 'Your receipt',
    text: 'Thanks for your order.\n.\nSee https://example.com/o/1',
    html: '<p>Thanks for your <b>order</b>.</p><img src="cid:logo@example.com">',
    attachments: [
      {
        filename: 'receipt.pdf',
        contentType: 'application/pdf',
        content: encoder.encode('%PDF-1.4 receipt'),
      },
      {
        filename: 'logo.png',
        contentType: 'image/png',
        content: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255]),
        contentId: '<logo@example.com>',
        inline: true,
      },
    ],
    headers: [
      { name: 'X-SES-CONFIGURATION-SET', value: 'Receipts' },
      { name: 'X-SES-MESSAGE-TAGS', value: 'campaign=receipt, tier=gold' },
      { name: 'List-Unsubscribe', value: '<https://example.com/unsub/1>' },
      { name: 'List-Unsubscribe-Post', value: 'List-Unsubscribe=One-Click' },
    ],
    ...overrides,
  };
  const raw = encoder.encode(
    'From: Ana Example <ana@example.com>\r\nTo: bo@example.net\r\nSubject: Your receipt\r\n\r\n.leading dot\r\nbody\r\n',
  );
  return {
    draft,
    built: {
      raw,
      envelope: {
        mailFrom: draft.envelope?.mailFrom ?? 'ana@example.com',
        rcptTo: draft.envelope?.rcptTo ?? [
          'bo@example.net',
          'cy@example.org',
          'dee@example.com',
          'eve@example.com',
        ],
      },
    },
  };
}
