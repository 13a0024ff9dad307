import { describe, expect, test } from 'vitest';
import { SesError, v1SendEmailToV2 } from '../../../../src/lib/ses/index.ts';
import { rawMessage, simulator, thrown, withEventDestination } from '../support.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('SES v1 requests', () => {
  test('v1 SendEmail is the v2 Simple send; ReturnPath is the feedback forwarding address', () => {
    expect(
      v1SendEmailToV2({
        Source: 'Sender Name <sender@example.com>',
        Destination: { ToAddresses: ['recipient@example.com'], CcAddresses: [], BccAddresses: [] },
        Message: {
          Subject: { Data: 'Hello', Charset: 'UTF-8' },
          Body: { Text: { Data: 'Plain body' } },
        },
        ReplyToAddresses: ['replies@example.com'],
        ReturnPath: 'bounces@example.com',
        Tags: [{ Name: 'campaign', Value: 'welcome' }],
        ConfigurationSetName: 'ConfigSet',
      }),
    ).toEqual({
      FromEmailAddress: 'Sender Name <sender@example.com>',
      Destination: { ToAddresses: ['recipient@example.com'], CcAddresses: [], BccAddresses: [] },
      Content: {
        Simple: {
          Subject: { Data: 'Hello', Charset: 'UTF-8' },
          Body: { Text: { Data: 'Plain body' } },
        },
      },
      ReplyToAddresses: ['replies@example.com'],
      FeedbackForwardingEmailAddress: 'bounces@example.com',
      EmailTags: [{ Name: 'campaign', Value: 'welcome' }],
      ConfigurationSetName: 'ConfigSet',
    });
  });

  test('each v1 operation is published as its own ses:operation', () => {
    const ses = simulator();
    withEventDestination(ses);
    ses.sendV1Email({
      Source: 'sender@example.com',
      Destination: { ToAddresses: ['success@simulator.amazonses.com'] },
      Message: { Subject: { Data: 'Hi' }, Body: { Text: { Data: 'Hi' } } },
      ConfigurationSetName: 'ConfigSet',
    });
    ses.advance(1_000);
    ses.sendV1RawEmail({
      RawMessage: {
        Data: rawMessage({
          From: 'sender@example.com',
          To: 'success@simulator.amazonses.com',
          Subject: 'Hi',
        }),
      },
      Destinations: ['success@simulator.amazonses.com'],
      ConfigurationSetName: 'ConfigSet',
    });
    const sends = (ses.events() as Json[]).filter((e) => e.eventType === 'Send');
    expect(sends.map((e) => e.mail.tags['ses:operation'])).toEqual([
      ['SendEmail'],
      ['SendRawEmail'],
    ]);
  });

  test('v1 keeps its 10 MB limit and its own error codes', () => {
    const ses = simulator();
    const big = rawMessage(
      { From: 'sender@example.com', To: 'success@simulator.amazonses.com' },
      'x'.repeat(8 * 1024 * 1024),
    );
    const error = thrown(() => ses.sendV1RawEmail({ RawMessage: { Data: big } })) as SesError;
    expect([error.v1Code, error.message]).toEqual([
      'InvalidParameterValue',
      `Message length is more than 10485760 bytes long: '${Math.ceil(big.length / 3) * 4}'.`,
    ]);
    expect(() => ses.sendEmail({ Content: { Raw: { Data: big } } })).not.toThrow();
  });
});
