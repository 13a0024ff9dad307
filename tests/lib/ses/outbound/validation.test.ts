import { describe, expect, test } from 'vitest';
import {
  BLOCKED_ATTACHMENT_EXTENSIONS,
  isBlockedAttachment,
  SesError,
} from '../../../../src/lib/ses/index.ts';
import {
  checkMessageTags,
  parseMessageTagsHeader,
} from '../../../../src/lib/ses/outbound/message-tags.ts';
import { findDuplicateHeader } from '../../../../src/lib/ses/outbound/unique-headers.ts';
import {
  base64Size,
  checkMessageSize,
  prepareSend,
} from '../../../../src/lib/ses/outbound/validation.ts';
import { rawMessage, rawRequest, simpleRequest, simulator, thrown } from '../support.ts';
import { MAX_MESSAGE_BYTES } from '../../../../src/lib/ses/limits.ts';
import { SIMULATOR_WORDING } from '../../../../src/lib/ses/wording.ts';

function rejection(run: () => unknown): [string, string] {
  const error = thrown(run) as SesError;
  expect(error).toBeInstanceOf(SesError);
  return [error.v1Code, error.message];
}

describe('recipients', () => {
  test('at most 50 recipients across To, Cc and Bcc', () => {
    const many = Array.from({ length: 51 }, (_, i) => `r${i}@x.example`);
    const request = simpleRequest(many.slice(0, 20), {
      Destination: {
        ToAddresses: many.slice(0, 20),
        CcAddresses: many.slice(20, 40),
        BccAddresses: many.slice(40),
      },
    });
    expect(rejection(() => prepareSend(request))).toEqual([
      'InvalidParameterValue',
      'Recipient count exceeds 50.',
    ]);
    const error = thrown(() => prepareSend(request)) as SesError;
    expect(error.smtpReply).toBe('554 Transaction failed: Recipient count exceeds 50.');
    request.Destination!.BccAddresses = many.slice(40, 50);
    expect(prepareSend(request).recipients).toHaveLength(50);
  });

  test('raw messages take their recipients from To, Cc and Bcc unless Destination is given', () => {
    const raw = rawMessage({
      From: 'a@example.com',
      To: 'b@x.example, "C, D" <c@x.example>',
      Cc: 'd@x.example',
      Bcc: 'e@x.example',
    });
    expect(prepareSend({ Content: { Raw: { Data: raw } } }).recipients).toEqual([
      'b@x.example',
      'c@x.example',
      'd@x.example',
      'e@x.example',
    ]);
    expect(
      prepareSend({
        Destination: { ToAddresses: ['only@x.example'] },
        Content: { Raw: { Data: raw } },
      }).recipients,
    ).toEqual(['only@x.example']);
  });

  test('no recipients, or one bad address, refuses the whole message', () => {
    expect(rejection(() => prepareSend(simpleRequest([])))).toEqual([
      'InvalidParameterValue',
      'There are no recipients specified.',
    ]);
    expect(rejection(() => prepareSend(simpleRequest(['good@x.example', 'bad.example'])))).toEqual([
      'InvalidParameterValue',
      "Missing final '@domain'",
    ]);
    expect(rejection(() => prepareSend(simpleRequest(['user@'])))[1]).toBe('Missing domain');
  });
});

describe('headers', () => {
  test('a second Message-ID, DKIM-Signature, Subject… is refused with SES’s sentence', () => {
    const raw = rawMessage([
      ['From', 'a@example.com'],
      ['To', 'b@x.example'],
      ['dkim-signature', 'v=1; a'],
      ['DKIM-Signature', 'v=1; b'],
    ]);
    expect(rejection(() => prepareSend({ Content: { Raw: { Data: raw } } }))).toEqual([
      'InvalidParameterValue',
      "Duplicate header 'DKIM-Signature'.",
    ]);
    expect(
      findDuplicateHeader([
        { name: 'X-Custom', value: '1' },
        { name: 'X-Custom', value: '2' },
      ]),
    ).toBeUndefined();
    expect(
      findDuplicateHeader([
        { name: 'message-id', value: '1' },
        { name: 'Message-ID', value: '2' },
      ]),
    ).toBe('Message-ID');
  });

  test('a Simple header that repeats one SES writes is a duplicate too', () => {
    const request = simpleRequest(['b@x.example']);
    request.Content.Simple!.Headers = [{ Name: 'Subject', Value: 'again' }];
    expect(rejection(() => prepareSend(request))[1]).toBe("Duplicate header 'Subject'.");
  });

  test('Simple headers follow the model’s patterns and its limit of 15', () => {
    const request = simpleRequest(['b@x.example']);
    request.Content.Simple!.Headers = [{ Name: 'Bad:Name', Value: 'x' }];
    expect(rejection(() => prepareSend(request))).toEqual([
      'ValidationError',
      "1 validation error detected: Value 'Bad:Name' at 'content.simple.headers.1.member.name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[!-9;-@A-~]+$",
    ]);
    request.Content.Simple!.Headers = Array.from({ length: 16 }, (_, i) => ({
      Name: `X-H${i}`,
      Value: 'v',
    }));
    expect(rejection(() => prepareSend(request))[1]).toMatch(/less than or equal to 15$/);
  });

  test('raw mail needs a From (or FromEmailAddress) and no empty header names', () => {
    const noFrom = rawMessage({ To: 'b@x.example', Subject: 'x' });
    expect(rejection(() => prepareSend({ Content: { Raw: { Data: noFrom } } }))).toEqual([
      'InvalidParameterValue',
      "Missing required header 'From'.",
    ]);
    expect(
      prepareSend({ FromEmailAddress: 'a@example.com', Content: { Raw: { Data: noFrom } } }).from
        .address,
    ).toBe('a@example.com');
    const emptyName = 'From: a@example.com\r\nTo: b@x.example\r\n: value\r\n\r\nbody\r\n';
    expect(rejection(() => prepareSend({ Content: { Raw: { Data: emptyName } } }))[1]).toBe(
      'Empty header names are illegal.',
    );
  });

  test('X-SES-CONFIGURATION-SET and X-SES-MESSAGE-TAGS are read; request parameters win', () => {
    const request = rawRequest(['b@x.example'], {
      extra: [
        ['X-SES-CONFIGURATION-SET', 'FromHeader'],
        ['X-SES-MESSAGE-TAGS', 'campaign=welcome, variant=b'],
      ],
    });
    const prepared = prepareSend(request);
    expect(prepared.configurationSetName).toBe('FromHeader');
    expect(prepared.tags).toEqual([
      { Name: 'campaign', Value: 'welcome' },
      { Name: 'variant', Value: 'b' },
    ]);
    const overridden = prepareSend({
      ...request,
      ConfigurationSetName: 'FromApi',
      EmailTags: [{ Name: 'only', Value: 'api' }],
    });
    expect(overridden.configurationSetName).toBe('FromApi');
    expect(overridden.tags).toEqual([{ Name: 'only', Value: 'api' }]);
  });
});

describe('message tags, with the messages AWS returns', () => {
  const cases: Array<[string, string, string]> = [
    ['', 'v', 'The tag name must be specified.'],
    [
      'test_invalid_name:123',
      'v',
      "Invalid tag name <test_invalid_name:123>: only alphanumeric ASCII characters, '_',  '-' are allowed.",
    ],
    ['n', '', 'The tag value must be specified.'],
    [
      'n',
      'test_invalid_value:123',
      "Invalid tag value <test_invalid_value:123>: only alphanumeric ASCII characters, '_',  '-' , '.', '@' are allowed.",
    ],
    ['x'.repeat(256), 'v', 'Tag name cannot exceed 255 characters.'],
    ['n', 'x'.repeat(256), 'Tag value cannot exceed 255 characters.'],
    [
      'bad name',
      'bad value',
      "Invalid tag name <bad name>: only alphanumeric ASCII characters, '_',  '-' are allowed.",
    ],
  ];
  for (const [name, value, message] of cases) {
    test(message, () => {
      expect(rejection(() => checkMessageTags([{ Name: name, Value: value }]))).toEqual([
        'InvalidParameterValue',
        message,
      ]);
    });
  }

  test('SES’s own tags and values with dots and @ pass', () => {
    expect(() =>
      checkMessageTags([
        { Name: 'ses:feedback-id-a', Value: 'campaign-1' },
        { Name: 'user_id', Value: 'ann.lee@example.com' },
        { Name: 'x'.repeat(255), Value: 'y'.repeat(255) },
      ]),
    ).not.toThrow();
  });

  test('the header form is name=value pairs separated by commas', () => {
    expect(parseMessageTagsHeader('a=1, b=2,c = 3')).toEqual([
      { Name: 'a', Value: '1' },
      { Name: 'b', Value: '2' },
      { Name: 'c', Value: '3' },
    ]);
  });
});

describe('attachments and size', () => {
  test('SES’s unsupported attachment extensions are refused, in any case', () => {
    expect(BLOCKED_ATTACHMENT_EXTENSIONS.size).toBe(90);
    expect(isBlockedAttachment('setup.EXE')).toBe(true);
    expect(isBlockedAttachment('report.pdf')).toBe(false);
    expect(isBlockedAttachment('archive.tar.js')).toBe(true);
    expect(isBlockedAttachment('noextension')).toBe(false);
    const request = simpleRequest(['b@x.example']);
    request.Content.Simple!.Attachments = [{ FileName: 'run.bat', RawContent: 'echo' }];
    expect(rejection(() => prepareSend(request))).toEqual([
      'InvalidParameterValue',
      "Illegal filename 'run.bat'.",
    ]);
  });

  test('raw attachments are checked when the message was inspected', () => {
    const request = rawRequest(['b@x.example']);
    expect(() => prepareSend(request, ['invoice.pdf'])).not.toThrow();
    expect(rejection(() => prepareSend(request, ['invoice.pdf.scr']))[1]).toBe(
      "Illegal filename 'invoice.pdf.scr'.",
    );
  });

  test('messages over 40 MB after base64 are refused', () => {
    const limit = (MAX_MESSAGE_BYTES / 4) * 3;
    expect(base64Size(limit)).toBe(MAX_MESSAGE_BYTES);
    expect(() => checkMessageSize(limit)).not.toThrow();
    expect(rejection(() => checkMessageSize(limit + 1))).toEqual([
      'InvalidParameterValue',
      `Message length is more than 41943040 bytes long: '41943044'.`,
    ]);
  });
});

describe('content', () => {
  test('a Simple body with neither text nor HTML is refused in words marked as the simulator’s', () => {
    const request = simpleRequest(['b@x.example']);
    request.Content.Simple!.Body = {};
    expect(rejection(() => prepareSend(request))).toEqual([
      'InvalidParameterValue',
      'The message body must contain text or HTML.' + SIMULATOR_WORDING,
    ]);
  });

  test('exactly one of Simple, Raw and Template, in words marked as the simulator’s', () => {
    expect(rejection(() => prepareSend({ Content: {} }))[1]).toBe(
      'Exactly one of Simple, Raw or Template content must be specified.' + SIMULATOR_WORDING,
    );
    const both = { ...simpleRequest(['b@x.example']) };
    both.Content = { ...both.Content, Raw: { Data: 'x' } };
    expect(rejection(() => prepareSend(both))[1]).toBe(
      'Exactly one of Simple, Raw or Template content must be specified.' + SIMULATOR_WORDING,
    );
  });

  test('a failed send changes nothing, and the next ids are the ones it would have had', () => {
    const a = simulator();
    const b = simulator();
    expect(() =>
      a.sendEmail(simpleRequest(['b@x.example'], { FromEmailAddress: 'x@unverified.example' })),
    ).toThrow();
    expect(a.exportState()).toEqual(b.exportState());
    expect(a.sendEmail(rawRequest(['success@simulator.amazonses.com']))).toEqual(
      b.sendEmail(rawRequest(['success@simulator.amazonses.com'])),
    );
  });
});

describe('previewing a send', () => {
  test('tells what SES would answer without changing anything', () => {
    const ses = simulator({
      sandbox: false,
      outcomeRules: [
        { pattern: '*@gone.example', outcome: { kind: 'hard-bounce', status: '5.1.1' } },
      ],
    });
    const before = ses.exportState();
    const preview = ses.previewSend(
      rawRequest(['a@gone.example', 'bounce@simulator.amazonses.com']),
    );
    expect(ses.exportState()).toEqual(before);
    if (!preview.accepted) throw new Error('expected the send to be accepted');
    expect(preview.plans.map((p) => [p.emailAddress, p.route, p.plan.kind])).toEqual([
      ['a@gone.example', 'outcome-rule', 'bounce'],
      ['bounce@simulator.amazonses.com', 'simulator', 'bounce'],
    ]);
    expect(new TextDecoder().decode(preview.message.raw)).toMatch(/^Return-Path: </);
    const refused = ses.previewSend(rawRequest(['a@x.example'], { from: 'me@unverified.example' }));
    expect(refused.accepted).toBe(false);
    if (!refused.accepted) expect(refused.error.code).toBe('MessageRejected');
    expect(ses.sendEmail(rawRequest(['a@x.example'])).MessageId).toBeTruthy();
  });
});
