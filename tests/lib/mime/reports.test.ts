import { describe, expect, test } from 'vitest';
import { readFeedbackReport } from '../../../src/lib/mime/arf.ts';
import { readTextBounce } from '../../../src/lib/mime/bounce-text.ts';
import { classifyFailure, readDeliveryStatus } from '../../../src/lib/mime/dsn.ts';
import { decodeUtf7, isUtf7Label } from '../../../src/lib/mime/utf7.ts';
import { decodeWindows1252 } from '../../../src/lib/mime/windows-1252.ts';

describe('delivery-status (RFC 3464)', () => {
  test('reads the per-message and per-recipient fields of a Postfix report', () => {
    const report = readDeliveryStatus(
      [
        'Reporting-MTA: dns; mx.example.net',
        'X-Postfix-Queue-ID: 2A0B3C4D5',
        'Arrival-Date: Mon, 1 May 2023 10:00:00 +0000',
        '',
        'Final-Recipient: rfc822; jane@example.com',
        'Original-Recipient: rfc822;jane@example.com',
        'Action: failed',
        'Status: 5.1.1',
        'Remote-MTA: dns; mx.example.com',
        'Diagnostic-Code: smtp; 550 5.1.1 <jane@example.com>: Recipient address',
        '    rejected: User unknown',
        '',
      ].join('\r\n'),
    );
    expect(report).toEqual({
      kind: 'bounce',
      bounceType: 'Permanent',
      bounceSubType: 'General',
      reportingMTA: 'dns; mx.example.net',
      recipients: [
        {
          emailAddress: 'jane@example.com',
          action: 'failed',
          status: '5.1.1',
          diagnosticCode:
            'smtp; 550 5.1.1 <jane@example.com>: Recipient address rejected: User unknown',
        },
      ],
    });
  });

  test('splits recipients when the blank lines are missing', () => {
    const report = readDeliveryStatus(
      'Reporting-MTA: dns; a.example\nFinal-Recipient: rfc822; a@x.example\nAction: delayed\nStatus: 4.4.7\nFinal-Recipient: rfc822; b@x.example\nAction: failed\nStatus: 5.2.2 (mailbox full)\n',
    );
    expect(report.recipients.map((r) => [r.emailAddress, r.status])).toEqual([
      ['a@x.example', '4.4.7'],
      ['b@x.example', '5.2.2'],
    ]);
    expect(report.bounceType).toBe('Transient');
    expect(report.bounceSubType).toBe('MailboxFull');
  });

  test('reads Action whatever its place among the recipient fields, as SES writes them', () => {
    const sesOrder = [
      'Reporting-MTA: dns; a1-23.smtp-out.eu-west-1.amazonses.com',
      '',
      'Action: failed',
      'Final-Recipient: rfc822; bounce@simulator.amazonses.com',
      'Diagnostic-Code: smtp; 550 5.1.1 user unknown',
      'Status: 5.1.1',
      '',
      'Action: delayed',
      'Final-Recipient: rfc822; later@example.com',
      'Status: 4.4.1',
    ];
    for (const text of [sesOrder.join('\r\n'), sesOrder.filter(Boolean).join('\n')]) {
      const report = readDeliveryStatus(text);
      expect(report.reportingMTA).toBe('dns; a1-23.smtp-out.eu-west-1.amazonses.com');
      expect(report.recipients).toEqual([
        {
          emailAddress: 'bounce@simulator.amazonses.com',
          action: 'failed',
          status: '5.1.1',
          diagnosticCode: 'smtp; 550 5.1.1 user unknown',
        },
        { emailAddress: 'later@example.com', action: 'delayed', status: '4.4.1' },
      ]);
      expect(report.bounceSubType).toBe('General');
    }
  });

  test("classifies as SES does (SES's bounce types and subtypes)", () => {
    expect(classifyFailure('5.1.1')).toEqual({ bounceType: 'Permanent', bounceSubType: 'General' });
    expect(classifyFailure('5.7.1')).toEqual({ bounceType: 'Permanent', bounceSubType: 'General' });
    expect(classifyFailure('4.2.2')).toEqual({ bounceType: 'Transient', bounceSubType: 'MailboxFull' });
    expect(classifyFailure('5.3.4')).toEqual({ bounceType: 'Transient', bounceSubType: 'MessageTooLarge' });
    expect(classifyFailure('4.4.1')).toEqual({ bounceType: 'Transient', bounceSubType: 'General' });
    expect(classifyFailure(undefined, 'smtp; 550 no such user')).toEqual({ bounceType: 'Permanent', bounceSubType: 'General' });
    expect(classifyFailure(undefined, '')).toEqual({ bounceType: 'Undetermined', bounceSubType: 'Undetermined' });
    expect(classifyFailure(undefined, '', 'delayed').bounceType).toBe('Transient');
    expect(
      classifyFailure('5.1.1', 'Amazon SES did not send the message to this address because it is on the suppression list for your account.'),
    ).toEqual({ bounceType: 'Permanent', bounceSubType: 'OnAccountSuppressionList' });
  }); // prettier-ignore
});

describe('feedback-report (RFC 5965)', () => {
  // RFC 5965 Appendix B.2.
  const RFC_EXAMPLE = [
    'Feedback-Type: abuse',
    'User-Agent: SomeGenerator/1.0',
    'Version: 1',
    'Original-Mail-From: <somespammer@example.net>',
    'Original-Rcpt-To: <user@example.com>',
    'Arrival-Date: Thu, 8 Mar 2005 14:00:00 EDT',
    'Reporting-MTA: dns; mail.example.com',
    'Source-IP: 192.0.2.1',
    'Authentication-Results: mail.example.com;',
    '               spf=fail smtp.mail=somespammer@example.com',
  ].join('\n');

  test('reads the feedback type, agent, arrival date and recipients', () => {
    expect(readFeedbackReport(RFC_EXAMPLE, { messageId: '<8787KJKJ3K4J3K4J3K4J3.mail@example.net>' })).toEqual({
      kind: 'complaint',
      feedbackType: 'abuse',
      userAgent: 'SomeGenerator/1.0',
      arrivalDate: 'Thu, 8 Mar 2005 14:00:00 EDT',
      complainedRecipients: ['user@example.com'],
      originalMessageId: '<8787KJKJ3K4J3K4J3K4J3.mail@example.net>',
    });
  }); // prettier-ignore

  test('falls back to the original To when the ISP redacts recipients, as SES does', () => {
    const report = readFeedbackReport('Feedback-Type: abuse\nUser-Agent: AOL SComp\n', {
      to: ['richard@example.com'],
    });
    expect(report.complainedRecipients).toEqual(['richard@example.com']);
  });
});

describe('plain-text bounces', () => {
  test('recognises qmail and reads the recipient and reply with high confidence', () => {
    const bounce = readTextBounce({
      subject: 'failure notice',
      from: 'MAILER-DAEMON@mx.example.net',
      text: "Hi. This is the qmail-send program at mx.example.net.\nI'm afraid I wasn't able to deliver your message to the following addresses.\nThis is a permanent error; I've given up. Sorry it didn't work out.\n\n<jane@example.com>:\n192.0.2.5 does not like recipient.\nRemote host said: 550 5.1.1 <jane@example.com>... User unknown\nGiving up on 192.0.2.5.\n\n--- Below this line is a copy of the message.\n\nReturn-Path: <sender@example.org>\nTo: jane@example.com\n",
      ownAddresses: ['sender@example.org'],
    });
    expect(bounce?.form).toBe('qmail');
    expect(bounce?.confidence).toBe('high');
    expect(bounce?.report.bounceType).toBe('Permanent');
    expect(bounce?.report.bounceSubType).toBe('General');
    expect(bounce?.report.recipients).toEqual([
      {
        emailAddress: 'jane@example.com',
        action: 'failed',
        status: '5.1.1',
        diagnosticCode: 'smtp; 550 5.1.1 <jane@example.com>... User unknown',
      },
    ]);
  });

  test('is less sure with only a bounce-like subject', () => {
    const bounce = readTextBounce({ subject: 'Undeliverable: hello', text: 'Sorry.' });
    expect(bounce?.confidence).toBe('low');
    expect(bounce?.report.bounceType).toBe('Undetermined');
  });

  test('does not take a note from the postmaster for a bounce', () => {
    expect(readTextBounce({ subject: 'Please enjoy this link', from: 'Bob <postmaster@example.com>', text: 'Write to jane@example.com.' })).toBeUndefined();
  }); // prettier-ignore

  test('says nothing about an ordinary message', () => {
    expect(readTextBounce({ subject: 'Lunch?', from: 'a@example.com', text: 'Does not exist yet.' })).toBeUndefined();
  }); // prettier-ignore
});

describe('UTF-7 (RFC 2152)', () => {
  test('decodes the RFC examples, "+-" and runs closed by other characters', () => {
    expect(decodeUtf7(new TextEncoder().encode('Hi Mom -+Jjo--!'))).toBe('Hi Mom -\u263a-!');
    expect(decodeUtf7(new TextEncoder().encode('+ZeVnLIqe-'))).toBe('\u65e5\u672c\u8a9e');
    expect(decodeUtf7(new TextEncoder().encode('A+ImIDkQ.'))).toBe('A\u2262\u0391.');
    expect(decodeUtf7(new TextEncoder().encode('1 +- 1'))).toBe('1 + 1');
    expect(decodeUtf7(new TextEncoder().encode('+2D3eAA-'))).toBe('\u{1f600}');
  });

  test('knows its labels', () => {
    expect(isUtf7Label('UNICODE-1-1-UTF-7')).toBe(true);
    expect(isUtf7Label('"utf-7"')).toBe(true);
    expect(isUtf7Label('utf-8')).toBe(false);
  });
});

describe('Windows-1252 (WHATWG Encoding Standard)', () => {
  test('maps 0x80-0x9F to their characters and every other byte to itself', () => {
    const all = decodeWindows1252(Uint8Array.from({ length: 256 }, (_, i) => i));
    expect(all.length).toBe(256);
    expect([...all.slice(0x80, 0xa0)].join('')).toBe(
      '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
        '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178',
    );
    for (let i = 0; i < 256; i++) if (i < 0x80 || i >= 0xa0) expect(all.charCodeAt(i)).toBe(i);
    expect(decodeWindows1252(new Uint8Array(100_000).fill(0x80))).toBe('\u20ac'.repeat(100_000));
  });
});
