import { beforeAll, describe, expect, test } from 'vitest';
import type { BounceReport, ComplaintReport } from '../../../../src/lib/mime/types.ts';
import { reportToNotification } from '../../../../src/lib/ses/index.ts';
import { sesIdFromMessageIdHeader } from '../../../../src/lib/ses/outbound/report-notification.ts';
import { fixture, keysOf, shapeOf } from '../shape.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let bounceExample: Json;
beforeAll(async () => {
  bounceExample = (await fixture('notification-bounce.json')) as Json;
});

const ORIGINAL = [
  { name: 'From', value: '"John Doe" <john@example.com>' },
  { name: 'To', value: '"Jane Doe" <jane@example.com>, "Mary Doe" <mary@example.com>' },
  {
    name: 'Message-ID',
    value: '<0100016d07eb7477-8e1938ce-26f8-4f3e-9b4f-1a6f0e3a8f8a-000000@email.amazonses.com>',
  },
  { name: 'Subject', value: 'Hello' },
  { name: 'Date', value: 'Wed, 27 Jan 2016 14:05:45 +0000' },
];

describe('notifications for inspected reports', () => {
  test('a DSN becomes the bounce notification SES would send, shaped like its example', () => {
    const report: BounceReport = {
      kind: 'bounce',
      bounceType: 'Permanent',
      bounceSubType: 'General',
      reportingMTA: 'dns; mx.example.com',
      recipients: [
        {
          emailAddress: 'jane@example.com',
          action: 'failed',
          status: '5.1.1',
          diagnosticCode: 'smtp; 550 5.1.1 user unknown',
        },
      ],
    };
    const note = reportToNotification(report, {
      originalHeaders: ORIGINAL,
      now: new Date('2016-01-27T14:59:38.237Z'),
    }) as Json;
    expect(keysOf(note)).toEqual(keysOf(bounceExample));
    expect(keysOf(note.bounce).filter((k) => k !== 'remoteMtaIp')).toEqual(
      keysOf(bounceExample.bounce).filter((k) => k !== 'remoteMtaIp'),
    );
    expect(shapeOf(note.mail)).toEqual(shapeOf(bounceExample.mail));
    expect(note.mail).toMatchObject({
      messageId: '0100016d07eb7477-8e1938ce-26f8-4f3e-9b4f-1a6f0e3a8f8a-000000',
      source: 'john@example.com',
      sourceArn: 'arn:aws:ses:us-east-1:123456789012:identity/example.com',
      destination: ['jane@example.com', 'mary@example.com'],
      timestamp: '2016-01-27T14:05:45.000Z',
    });
    expect(note.bounce).toMatchObject({
      timestamp: '2016-01-27T14:59:38.237Z',
      reportingMTA: 'dns; mx.example.com',
    });
    expect(note.bounce.bouncedRecipients).toEqual(report.recipients);
  });

  test('an ARF report becomes a complaint notification', () => {
    const report: ComplaintReport = {
      kind: 'complaint',
      feedbackType: 'abuse',
      userAgent: 'AnyCompany Feedback Loop (V0.01)',
      arrivalDate: 'Wed, 27 Jan 2016 14:59:38 +0000',
      complainedRecipients: ['richard@example.com'],
    };
    const note = reportToNotification(report, {
      originalHeaders: ORIGINAL,
      now: new Date('2016-01-27T15:00:00Z'),
      includeHeaders: false,
    }) as Json;
    expect(note.notificationType).toBe('Complaint');
    expect(note.complaint).toEqual({
      userAgent: 'AnyCompany Feedback Loop (V0.01)',
      complainedRecipients: [{ emailAddress: 'richard@example.com' }],
      complaintFeedbackType: 'abuse',
      arrivalDate: '2016-01-27T14:59:38.000Z',
      timestamp: '2016-01-27T15:00:00.000Z',
      feedbackId: expect.stringMatching(/^0100[0-9a-f]{12}-[0-9a-f-]{36}-000000$/),
      complaintSubType: null,
    });
    expect(note.mail).not.toHaveProperty('headers');
  });

  test('without original headers the ids come from the seed, the same each time', () => {
    const report: BounceReport = {
      kind: 'bounce',
      bounceType: 'Transient',
      bounceSubType: 'MailboxFull',
      recipients: [{ emailAddress: 'a@x.example' }],
    };
    const options = { now: new Date('2026-01-01T00:00:00Z'), seed: 3 };
    const a = reportToNotification(report, options) as Json;
    expect(reportToNotification(report, options)).toEqual(a);
    expect(a.mail.destination).toEqual(['a@x.example']);
    expect(a.mail).not.toHaveProperty('headers');
    expect(a.bounce).not.toHaveProperty('reportingMTA');
  });

  test('SES message ids are recognised in Message-ID headers of any region', () => {
    expect(
      sesIdFromMessageIdHeader(
        '<0102018f00000000-11111111-2222-3333-4444-555555555555-000000@eu-west-1.amazonses.com>',
      ),
    ).toBe('0102018f00000000-11111111-2222-3333-4444-555555555555-000000');
    expect(sesIdFromMessageIdHeader('<abc@example.com>')).toBeUndefined();
  });
});

describe('dates in reports', () => {
  test('a Date header that is not a mail date does not become a made-up timestamp', () => {
    const report: ComplaintReport = {
      kind: 'complaint',
      feedbackType: 'abuse',
      arrivalDate: 'Order 5',
      complainedRecipients: ['jane@example.com'],
    };
    const now = new Date('2016-01-27T15:00:00Z');
    const note = reportToNotification(report, {
      originalHeaders: [
        ...ORIGINAL.filter((h) => h.name !== 'Date'),
        { name: 'Date', value: 'Order 5' },
      ],
      now,
    }) as Json;
    expect(note.mail.timestamp).toBe(now.toISOString());
    expect(note.complaint.arrivalDate).toBe('Order 5');
    const dated = reportToNotification(
      { ...report, arrivalDate: 'Wed, 27 Jan 2016 09:59:38 -0500' },
      { originalHeaders: ORIGINAL, now },
    ) as Json;
    expect(dated.complaint.arrivalDate).toBe('2016-01-27T14:59:38.000Z');
  });
});
