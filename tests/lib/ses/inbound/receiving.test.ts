import { beforeAll, describe, expect, test } from 'vitest';
import type { ReceiptRuleSet } from '../../../../src/lib/ses/index.ts';
import { recipientConditionMatches } from '../../../../src/lib/ses/inbound/receiving.ts';
import { EICAR } from '../../../../src/lib/ses/outbound/send.ts';
import { fixture, keysOf, shapeOf } from '../shape.ts';
import { rawMessage, rawRequest, simulator } from '../support.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let lambdaExample: Json;
let snsExample: Json;
beforeAll(async () => {
  lambdaExample = (await fixture('received-lambda.json')) as Json;
  snsExample = (await fixture('received-sns.json')) as Json;
});

const inbound = (
  to: string,
  subject = 'Help please',
  extra: Record<string, string> = {},
  body = 'My order is late.',
) =>
  rawMessage(
    {
      From: '"Doe, John" <sender@customer.example>',
      To: to,
      Subject: subject,
      Date: 'Mon, 5 Aug 2019 21:29:57 +0000',
      'Message-ID': '<F8098FDD@customer.example>',
      ...extra,
    },
    body,
  );

function receiver(rules: ReceiptRuleSet['rules']) {
  const ses = simulator();
  ses.putReceiptRuleSet({ name: 'default-rule-set', rules });
  ses.setActiveReceiptRuleSet('default-rule-set');
  return ses;
}

describe('recipient conditions', () => {
  test('an address (and its +labels), a domain, or every subdomain', () => {
    expect(recipientConditionMatches('user@example.com', 'user@example.com')).toBe(true);
    expect(recipientConditionMatches('user@example.com', 'User+tag@Example.com')).toBe(true);
    expect(recipientConditionMatches('user@example.com', 'other@example.com')).toBe(false);
    expect(recipientConditionMatches('example.com', 'anyone@example.com')).toBe(true);
    expect(recipientConditionMatches('example.com', 'anyone@sub.example.com')).toBe(false);
    expect(recipientConditionMatches('.example.com', 'anyone@sub.example.com')).toBe(true);
    expect(recipientConditionMatches('.example.com', 'anyone@example.com')).toBe(false);
  });
});

describe('receipt rules', () => {
  test('actions run in order; the Lambda event and SNS notification have SES’s shape', () => {
    const ses = receiver([
      {
        name: 'support',
        enabled: true,
        recipients: ['support@example.com'],
        scanEnabled: true,
        actions: [
          { type: 'AddHeader', headerName: 'X-Routed', headerValue: 'support' },
          { type: 'S3', bucketName: 'inbox', objectKeyPrefix: 'in/' },
          {
            type: 'SNS',
            topicArn: 'arn:aws:sns:us-east-1:123456789012:inbound',
            encoding: 'Base64',
          },
          {
            type: 'Lambda',
            functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:IncomingEmail',
          },
        ],
      },
    ]);
    const record = ses.receiveEmail({
      raw: inbound('support@example.com'),
      mailFrom: 'prvs=1=sender@customer.example',
    });
    expect(record.disposition).toBe('accepted');
    expect(record.messageId).toMatch(/^[a-z0-9]{28}$/);
    expect(record.stored).toEqual({ bucketName: 'inbox', objectKey: `in/${record.messageId}` });
    expect(record.actions.map((a) => a.action.type)).toEqual(['AddHeader', 'S3', 'SNS', 'Lambda']);
    const lambda = record.actions[3]?.payload as Json;
    expect(shapeOf(lambda)).toEqual(shapeOf(lambdaExample));
    expect(keysOf(lambda.Records[0].ses.receipt)).toEqual(
      keysOf(lambdaExample.Records[0].ses.receipt),
    );
    expect(lambda.Records[0].ses.receipt.action).toEqual({
      type: 'Lambda',
      functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:IncomingEmail',
      invocationType: 'Event',
    });
    expect(lambda.Records[0].ses.mail.commonHeaders).toMatchObject({
      returnPath: 'prvs=1=sender@customer.example',
      from: ['"Doe, John" <sender@customer.example>'],
      to: ['support@example.com'],
      subject: 'Help please',
    });
    const headers = lambda.Records[0].ses.mail.headers.map((h: Json) => h.name);
    expect(headers.slice(0, 6)).toEqual([
      'X-Routed',
      'Return-Path',
      'Received',
      'X-SES-Spam-Verdict',
      'X-SES-Virus-Verdict',
      'Authentication-Results',
    ]);
    const sns = record.actions[2]?.payload as Json;
    expect(keysOf(sns)).toEqual(keysOf(snsExample));
    expect(keysOf(sns.receipt)).toEqual(keysOf(snsExample.receipt));
    expect(sns.receipt.action).toEqual({
      type: 'SNS',
      topicArn: 'arn:aws:sns:us-east-1:123456789012:inbound',
      encoding: 'BASE64',
    });
    expect(atob(sns.content)).toContain('X-Routed: support\r\n');
    expect(ses.inbound()).toHaveLength(1);
  });

  test('mail no rule takes is refused during SMTP', () => {
    const ses = receiver([
      {
        name: 'only-sales',
        enabled: true,
        recipients: ['sales@example.com'],
        scanEnabled: false,
        actions: [{ type: 'S3', bucketName: 'b' }],
      },
    ]);
    const record = ses.receiveEmail({ raw: inbound('nobody@example.com') });
    expect(record.disposition).toBe('rejected');
    expect(record.smtpReply).toMatch(/^550 /);
    expect(record.actions).toEqual([]);
  });

  test('a rule without recipients takes every verified domain only', () => {
    const ses = receiver([
      {
        name: 'all',
        enabled: true,
        recipients: [],
        scanEnabled: false,
        actions: [{ type: 'S3', bucketName: 'b' }],
      },
    ]);
    expect(ses.receiveEmail({ raw: inbound('anyone@sub.example.com') }).disposition).toBe(
      'accepted',
    );
    expect(ses.receiveEmail({ raw: inbound('anyone@unverified.example') }).disposition).toBe(
      'rejected',
    );
  });

  test('Stop ends the rule set; Bounce answers the sender; disabled rules are skipped', () => {
    const ses = receiver([
      {
        name: 'off',
        enabled: false,
        recipients: [],
        scanEnabled: false,
        actions: [{ type: 'S3', bucketName: 'never' }],
      },
      {
        name: 'bounce-old',
        enabled: true,
        recipients: ['old@example.com'],
        scanEnabled: false,
        actions: [
          {
            type: 'Bounce',
            smtpReplyCode: '550',
            statusCode: '5.1.1',
            message: 'Mailbox does not exist',
            sender: 'mailer-daemon@example.com',
            topicArn: 'arn:aws:sns:us-east-1:123456789012:b',
          },
          { type: 'Stop', scope: 'RuleSet' },
        ],
      },
      {
        name: 'catch-all',
        enabled: true,
        recipients: ['example.com'],
        scanEnabled: false,
        actions: [{ type: 'S3', bucketName: 'all' }],
      },
    ]);
    const record = ses.receiveEmail({ raw: inbound('old@example.com') });
    expect(record.matchedRules).toEqual(['bounce-old', 'catch-all']);
    expect(record.actions.map((a) => `${a.rule}:${a.action.type}`)).toEqual([
      'bounce-old:Bounce',
      'bounce-old:Stop',
    ]);
    expect(record.bounce).toEqual({
      smtpReplyCode: '550',
      statusCode: '5.1.1',
      message: 'Mailbox does not exist',
      sender: 'mailer-daemon@example.com',
    });
    expect((record.actions[0]?.payload as Json).receipt.action).toMatchObject({
      type: 'Bounce',
      smtpReplyCode: '550',
      statusCode: '5.1.1',
    });
    expect(record.stored).toBeUndefined();
  });

  test('a keyword condition looks in the subject, the body or either', () => {
    const ses = receiver([
      {
        name: 'invoices',
        enabled: true,
        recipients: [],
        keyword: { text: 'invoice', scope: 'subject' },
        scanEnabled: false,
        actions: [{ type: 'S3', bucketName: 'inv' }],
      },
      {
        name: 'urgent',
        enabled: true,
        recipients: [],
        keyword: { text: 'URGENT', scope: 'body' },
        scanEnabled: false,
        actions: [{ type: 'S3', bucketName: 'urg' }],
      },
    ]);
    expect(
      ses.receiveEmail({ raw: inbound('a@example.com', 'Your Invoice 12') }).matchedRules,
    ).toEqual(['invoices']);
    expect(
      ses.receiveEmail({ raw: inbound('a@example.com', 'Hello', {}, 'This is urgent.') })
        .matchedRules,
    ).toEqual(['urgent']);
    expect(
      ses.receiveEmail({ raw: inbound('a@example.com', 'Hello', {}, 'invoice attached') })
        .disposition,
    ).toBe('rejected');
  });

  test('verdicts: scanning off is DISABLED, a virus FAILs, authentication is read from the message', () => {
    const rule = {
      name: 'scan',
      enabled: true,
      recipients: [],
      scanEnabled: true,
      actions: [{ type: 'Lambda' as const, functionArn: 'arn:f' }],
    };
    const ses = receiver([rule]);
    const clean = ses.receiveEmail({
      raw: inbound('a@example.com', 'Hi', {
        'Authentication-Results': 'mx.example; spf=pass smtp.mailfrom=x; dkim=fail; dmarc=fail',
      }),
    });
    const receipt = (clean.actions[0]?.payload as Json).Records[0].ses.receipt;
    expect([
      receipt.spamVerdict,
      receipt.virusVerdict,
      receipt.spfVerdict,
      receipt.dkimVerdict,
      receipt.dmarcVerdict,
    ]).toEqual([
      { status: 'PASS' },
      { status: 'PASS' },
      { status: 'PASS' },
      { status: 'FAIL' },
      { status: 'FAIL' },
    ]);
    expect(receipt.dmarcPolicy).toBe('none');
    const virus = ses.receiveEmail({ raw: inbound('a@example.com', 'Hi', {}, EICAR) });
    expect((virus.actions[0]?.payload as Json).Records[0].ses.receipt.virusVerdict).toEqual({
      status: 'FAIL',
    });
    ses.putReceiptRuleSet({ name: 'default-rule-set', rules: [{ ...rule, scanEnabled: false }] });
    const off = ses.receiveEmail({ raw: inbound('a@example.com') });
    const offReceipt = (off.actions[0]?.payload as Json).Records[0].ses.receipt;
    expect([
      offReceipt.spamVerdict.status,
      offReceipt.virusVerdict.status,
      offReceipt.spfVerdict.status,
    ]).toEqual(['DISABLED', 'DISABLED', 'GRAY']);
  });

  test('mail the simulator delivers to a verified domain goes through the receipt rules', () => {
    const ses = receiver([
      {
        name: 'self',
        enabled: true,
        recipients: ['inbox@example.com'],
        scanEnabled: true,
        actions: [{ type: 'S3', bucketName: 'self' }],
      },
    ]);
    ses.sendEmail(rawRequest(['inbox@example.com', 'other@example.com']));
    expect(ses.inbound()).toHaveLength(0);
    ses.advance(10_000);
    const [record] = ses.inbound();
    expect(record?.recipients).toEqual(['inbox@example.com', 'other@example.com']);
    expect(record?.matchedRules).toEqual(['self']);
    expect(atob(record?.raw ?? '')).toMatch(
      /^Return-Path: <0100[0-9a-f]{12}-[0-9a-f-]{36}-000000@amazonses\.com>\r\n/,
    );
    expect(atob(record?.raw ?? '')).toContain(
      'Authentication-Results: amazonses.com; spf=pass; dkim=pass; dmarc=pass',
    );
  });

  test('rule sets are checked; the active one cannot be deleted', () => {
    const ses = receiver([]);
    expect(() => ses.putReceiptRuleSet({ name: '-bad', rules: [] })).toThrow(RangeError);
    expect(() =>
      ses.putReceiptRuleSet({
        name: 'x',
        rules: [
          {
            name: 'r',
            enabled: true,
            recipients: [],
            scanEnabled: false,
            actions: [{ type: 'AddHeader', headerName: 'Bad Name', headerValue: 'v' }],
          },
        ],
      }),
    ).toThrow(RangeError);
    expect(() => ses.deleteReceiptRuleSet('default-rule-set')).toThrow(RangeError);
    expect(() => ses.setActiveReceiptRuleSet('missing')).toThrow(RangeError);
    ses.setActiveReceiptRuleSet(undefined);
    ses.deleteReceiptRuleSet('default-rule-set');
    expect(ses.receiptRuleSets()).toEqual([]);
    expect(ses.activeReceiptRuleSet()).toBeUndefined();
  });
});

describe('message size', () => {
  test('a message over 40 MB is refused during SMTP, before any rule runs', () => {
    const ses = receiver([
      {
        name: 'all',
        enabled: true,
        recipients: [],
        scanEnabled: false,
        actions: [{ type: 'S3', bucketName: 'all' }],
      },
    ]);
    const head = new TextEncoder().encode(inbound('a@example.com'));
    const big = new Uint8Array(40 * 1024 * 1024 + 1);
    big.fill(0x61);
    big.set(head);
    const refused = ses.receiveEmail({ raw: big });
    expect(refused.disposition).toBe('rejected');
    expect(refused.smtpReply).toMatch(/^552 /);
    expect(refused.matchedRules).toEqual([]);
    expect(refused.actions).toEqual([]);
    const fits = ses.receiveEmail({ raw: big.subarray(0, 40 * 1024 * 1024) });
    expect(fits.disposition).toBe('accepted');
  });
});
