import { describe, expect, test } from 'vitest';
import { utf8Decode, utf8Encode } from '../../../../src/lib/mime/bytes.ts';
import { formatDate } from '../../../../src/lib/mime/date.ts';
import {
  readHeaderSection,
  rewriteHeaderSection,
} from '../../../../src/lib/ses/outbound/header-section.ts';
import { stampMessage } from '../../../../src/lib/ses/outbound/outgoing-message.ts';

const RAW =
  'From: a@example.com\r\n' +
  'X-SES-CONFIGURATION-SET: Set1\r\n' +
  'Subject: a long\r\n subject\r\n' +
  'Message-ID: <mine@example.com>\r\n' +
  'x-ses-message-tags: a=b,\r\n\tc=d\r\n' +
  '\r\n' +
  'Body line\r\nX-SES-CONFIGURATION-SET: not a header\r\n';

describe('the header section', () => {
  test('fields are read in order, unfolded, with their byte ranges', () => {
    const section = readHeaderSection(utf8Encode(RAW));
    expect(section.headers.map((h) => [h.name, h.value])).toEqual([
      ['From', 'a@example.com'],
      ['X-SES-CONFIGURATION-SET', 'Set1'],
      ['Subject', 'a long subject'],
      ['Message-ID', '<mine@example.com>'],
      ['x-ses-message-tags', 'a=b,\tc=d'],
    ]);
    expect(RAW.slice(section.headers[2]!.start, section.headers[2]!.end)).toBe(
      'Subject: a long\r\n subject\r\n',
    );
    expect(RAW.slice(section.bodyStart)).toBe(
      'Body line\r\nX-SES-CONFIGURATION-SET: not a header\r\n',
    );
  });

  test('bare LF line ends and a message with no body are read too', () => {
    expect(readHeaderSection(utf8Encode('A: 1\nB: 2\n\nbody')).headers.map((h) => h.name)).toEqual([
      'A',
      'B',
    ]);
    const noBody = readHeaderSection(utf8Encode('A: 1\r\nB: 2'));
    expect(noBody.headers.map((h) => h.value)).toEqual(['1', '2']);
  });

  test('rewriting removes, replaces in place and prepends, leaving the body as it was', () => {
    const out = utf8Decode(
      rewriteHeaderSection(utf8Encode(RAW), {
        remove: ['X-SES-CONFIGURATION-SET', 'X-SES-MESSAGE-TAGS'],
        replace: [
          { name: 'Message-ID', value: '<ses@email.amazonses.com>' },
          { name: 'Date', value: 'Thu, 1 Jan 2026 00:00:00 +0000' },
        ],
        prepend: [{ name: 'Feedback-ID', value: 'f' }],
      }),
    );
    expect(out).toBe(
      'Feedback-ID: f\r\n' +
        'Date: Thu, 1 Jan 2026 00:00:00 +0000\r\n' +
        'From: a@example.com\r\n' +
        'Subject: a long\r\n subject\r\n' +
        'Message-ID: <ses@email.amazonses.com>\r\n' +
        '\r\n' +
        'Body line\r\nX-SES-CONFIGURATION-SET: not a header\r\n',
    );
  });

  test('a field added after an unended folded line at the top stays a field of its own', () => {
    // A message of " \r\n " alone: the added field once became part of the last " ".
    const out = rewriteHeaderSection(utf8Encode(' \r\n '), {
      prepend: [{ name: 'Feedback-ID', value: 'v' }],
    });
    expect(utf8Decode(out)).toBe(' \r\n \r\nFeedback-ID: v\r\n');
    expect(readHeaderSection(out).headers.map((h) => [h.name, h.value])).toEqual([
      ['Feedback-ID', 'v'],
    ]);
  });

  test('dates are written as SES writes them: UTC, day unpadded, seconds truncated', () => {
    expect(formatDate(new Date('2016-01-27T14:05:45Z'))).toBe('Wed, 27 Jan 2016 14:05:45 +0000');
    expect(formatDate(new Date('2026-11-02T03:04:05.999Z'))).toBe('Mon, 2 Nov 2026 03:04:05 +0000');
  });

  test('SES stamps its own Message-ID, Date, Feedback-ID, X-SES-Outgoing and Return-Path', () => {
    const out = utf8Decode(
      stampMessage(utf8Encode('Return-Path: <me@example.com>\r\n' + RAW), {
        messageIdHeader: '<0100-x@email.amazonses.com>',
        acceptedAt: new Date('2019-09-06T10:00:00Z'),
        feedbackId: '1.us-east-1.abc=:AmazonSES',
        outgoingIp: '203.0.113.7',
        returnPath: '0100-x@amazonses.com',
      }),
    );
    const headers = readHeaderSection(utf8Encode(out)).headers.map((h) => `${h.name}: ${h.value}`);
    expect(headers).toEqual([
      'Return-Path: <0100-x@amazonses.com>',
      'Feedback-ID: 1.us-east-1.abc=:AmazonSES',
      'X-SES-Outgoing: 2019.09.06-203.0.113.7',
      'Date: Fri, 6 Sep 2019 10:00:00 +0000',
      'From: a@example.com',
      'Subject: a long subject',
      'Message-ID: <0100-x@email.amazonses.com>',
    ]);
  });
});
