import { describe, expect, test } from 'vitest';
import { utf8Decode } from '../../../../src/lib/mime/bytes.ts';
import { SesError } from '../../../../src/lib/ses/index.ts';
import { readHeaderSection } from '../../../../src/lib/ses/outbound/header-section.ts';
import { hasPython, parseWithPython } from '../../../support/python-email.ts';
import { rawMessage, simpleRequest, simulator, T0, withEventDestination } from '../support.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

function richRequest() {
  return simpleRequest(['Jane Doe <jane@example.com>'], {
    Destination: {
      ToAddresses: ['Jane Doe <jane@example.com>'],
      CcAddresses: ['mary@example.com'],
      BccAddresses: ['hidden@example.com'],
    },
    ReplyToAddresses: ['replies@example.com'],
    ConfigurationSetName: 'ConfigSet',
    Content: {
      Simple: {
        Subject: { Data: 'Grüße aus Köln', Charset: 'UTF-8' },
        Body: {
          Text: { Data: 'Plain body, naïve café.' },
          Html: { Data: '<p>HTML <img src="cid:logo1"></p>' },
        },
        Headers: [
          { Name: 'X-Campaign', Value: 'welcome' },
          { Name: 'X-SES-MESSAGE-TAGS', Value: 'campaign=welcome' },
        ],
        Attachments: [
          {
            FileName: 'logo.png',
            ContentType: 'image/png',
            ContentDisposition: 'INLINE',
            ContentId: 'logo1',
            RawContent: PNG,
          },
          { FileName: 'terms.txt', ContentType: 'text/plain', RawContent: 'Terms.' },
        ],
      },
    },
  });
}

describe('Simple content', () => {
  test('is assembled into the message SES would send, with SES’s own headers', () => {
    const ses = simulator();
    withEventDestination(ses);
    const { MessageId } = ses.sendEmail(richRequest());
    const [message] = ses.messages();
    const text = utf8Decode(message!.raw);
    const headers = readHeaderSection(message!.raw).headers;
    const value = (name: string) =>
      headers.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value;
    expect(value('Message-ID')).toBe(`<${MessageId}@email.amazonses.com>`);
    expect(value('Date')).toBe('Thu, 1 Jan 2026 00:00:00 +0000');
    expect(value('Feedback-ID')).toMatch(/^1\.us-east-1\.[A-Za-z0-9+/]{43}=:AmazonSES$/);
    expect(value('X-SES-Outgoing')).toMatch(/^2026\.01\.01-203\.0\.113\.\d+$/);
    expect(value('Return-Path')).toBe(`<${MessageId}@amazonses.com>`);
    expect(value('X-Campaign')).toBe('welcome');
    expect(value('Bcc')).toBeUndefined();
    expect(text).not.toMatch(/^X-SES-MESSAGE-TAGS:/im);
    expect(text).not.toContain('hidden@example.com');
    expect(message!.destination).toEqual([
      'jane@example.com',
      'mary@example.com',
      'hidden@example.com',
    ]);
  });

  test('the mail object lists the headers SES wrote, without its later Message-ID and Date', () => {
    const ses = simulator();
    withEventDestination(ses);
    const { MessageId } = ses.sendEmail(richRequest());
    const [send] = ses.events() as Json[];
    const names = send?.mail.headers.map((h: Json) => h.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'From',
        'To',
        'Cc',
        'Reply-To',
        'Subject',
        'MIME-Version',
        'Content-Type',
        'X-Campaign',
      ]),
    );
    expect(names).not.toContain('Message-ID');
    expect(names).not.toContain('Date');
    expect(names).not.toContain('Bcc');
    expect(send?.mail.commonHeaders).toMatchObject({
      from: ['sender@example.com'],
      to: ['Jane Doe <jane@example.com>'],
      cc: ['mary@example.com'],
      replyTo: ['replies@example.com'],
      messageId: MessageId,
      subject: 'Grüße aus Köln',
    });
    expect(send?.mail.headers.find((h: Json) => h.name === 'Subject').value).toMatch(
      /^=\?UTF-8\?/i,
    );
    expect(send?.mail.tags.campaign).toEqual(['welcome']);
  });

  test.runIf(hasPython())(
    'the delivered message parses in Python’s email package without defects',
    () => {
      const ses = simulator();
      withEventDestination(ses);
      ses.sendEmail(richRequest());
      const [report] = parseWithPython([ses.messages()[0]!.raw]);
      expect(report?.defects).toEqual([]);
      expect(report?.parts.map((p) => p.contentType)).toEqual([
        'text/plain',
        'text/html',
        'image/png',
        'text/plain',
      ]);
      expect(report?.headers.find(([n]) => n === 'Subject')?.[1]).toBe('Grüße aus Köln');
    },
  );

  test('outside us-east-1 the Message-ID names the region', () => {
    const ses = simulator({ region: 'eu-west-1' });
    const { MessageId } = ses.sendEmail(simpleRequest(['success@simulator.amazonses.com']));
    expect(MessageId.slice(0, 16)).toBe(`0102${T0.toString(16).padStart(12, '0')}`);
    expect(utf8Decode(ses.messages()[0]!.raw)).toContain(
      `Message-ID: <${MessageId}@eu-west-1.amazonses.com>`,
    );
  });

  test('a Simple attachment SES does not send is refused before anything is sent', () => {
    const ses = simulator();
    const request = simpleRequest(['success@simulator.amazonses.com']);
    request.Content.Simple!.Attachments = [{ FileName: 'setup.exe', RawContent: 'MZ' }];
    expect(() => ses.sendEmail(request)).toThrow(SesError);
    expect(ses.messages()).toEqual([]);
  });
});

describe('Raw content read by inspectMessage', () => {
  const withExe = rawMessage(
    {
      From: 'sender@example.com',
      To: 'success@simulator.amazonses.com',
      Subject: '=?UTF-8?B?R3LDvMOfZQ==?=',
      'MIME-Version': '1.0',
      'Content-Type': 'multipart/mixed; boundary="b1"',
    },
    '--b1\r\nContent-Type: text/plain\r\n\r\nHi\r\n--b1\r\nContent-Type: application/octet-stream\r\n' +
      'Content-Disposition: attachment; filename="setup.exe"\r\nContent-Transfer-Encoding: base64\r\n\r\nTVo=\r\n--b1--',
  );

  test('blocked attachments inside raw MIME are refused by either send', async () => {
    const ses = simulator();
    await expect(ses.sendEmailAsync({ Content: { Raw: { Data: withExe } } })).rejects.toThrow(
      "Illegal filename 'setup.exe'.",
    );
    expect(() => ses.sendEmail({ Content: { Raw: { Data: withExe } } })).toThrow(
      "Illegal filename 'setup.exe'.",
    );
    const named = withExe
      .replace('attachment; filename="setup.exe"', 'attachment')
      .replace('application/octet-stream', 'application/octet-stream; name="tool.VBS"');
    expect(() => ses.sendEmail({ Content: { Raw: { Data: named } } })).toThrow(
      "Illegal filename 'tool.VBS'.",
    );
    expect(ses.messages()).toEqual([]);
  });

  test('encoded subjects are decoded in commonHeaders, by either send', async () => {
    const ok = withExe.replace('setup.exe', 'setup.txt');
    const a = simulator();
    a.sendEmail({ Content: { Raw: { Data: ok } } });
    const b = simulator();
    await b.sendEmailAsync({ Content: { Raw: { Data: ok } } });
    for (const ses of [a, b]) {
      ses.advance(10_000);
      ses.setIdentityHeadersInNotificationsEnabled('example.com', true);
      expect(ses.messages()[0]?.subject).toBe('Grüße');
    }
  });

  test('an encoded subject around which the header has whitespace decodes the same either way', async () => {
    const raw = rawMessage([
      ['From', 'sender@example.com'],
      ['To', 'inbox@example.com'],
      ['Subject', '\t=?UTF-8?B?w6k=?= '],
    ]);
    const ses = simulator();
    ses.sendEmail({ Content: { Raw: { Data: raw } } });
    ses.advance(1_000);
    await ses.sendEmailAsync({ Content: { Raw: { Data: raw } } });
    expect(ses.messages().map((m) => m.subject)).toEqual(['é', 'é']);
  });

  test('receiving with inspection matches keywords in encoded bodies', async () => {
    const ses = simulator();
    ses.putReceiptRuleSet({
      name: 'rs',
      rules: [
        {
          name: 'refunds',
          enabled: true,
          recipients: [],
          keyword: { text: 'refund', scope: 'body' },
          scanEnabled: false,
          actions: [{ type: 'S3', bucketName: 'b' }],
        },
      ],
    });
    ses.setActiveReceiptRuleSet('rs');
    const encoded = rawMessage(
      {
        From: 'a@customer.example',
        To: 'help@example.com',
        Subject: 'x',
        'Content-Transfer-Encoding': 'base64',
      },
      btoa('I would like a refund.'),
    );
    // Both paths decode the body before the keyword is searched for.
    expect(ses.receiveEmail({ raw: encoded }).disposition).toBe('accepted');
    expect((await ses.receiveEmailAsync({ raw: encoded })).disposition).toBe('accepted');
  });
});
