import { describe, expect, test } from 'vitest';
import { inspectMessage } from '../../../../src/lib/mime/index.ts';
import { verifyDkim } from '../../../../src/lib/mime/dkim/index.ts';
import { SesError, type SesSimulator } from '../../../../src/lib/ses/index.ts';
import { UNSUBSCRIBE_HOST } from '../../../../src/lib/ses/outbound/list-management.ts';
import { parseListManagementHeader } from '../../../../src/lib/ses/outbound/control-headers.ts';
import { parseWithPython } from '../../../support/python-email.ts';
import { dkimpyVerify } from '../../../support/dkimpy.ts';
import { dnsTable, keyedSimulator, publishAll } from '../identities/identity-support.ts';
import {
  rawMessage,
  simpleRequest,
  simulator,
  T0,
  thrown,
  withEventDestination,
} from '../support.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const MINUTE = 60_000;
const TOKEN = '[0-9a-f]{32}';
const LIST_HEADER = new RegExp(
  `^<https://${UNSUBSCRIBE_HOST.replaceAll('.', '\\.')}/v1/unsubscribe/(${TOKEN})>, ` +
    `<mailto:unsubscribe-\\1@${UNSUBSCRIBE_HOST.replaceAll('.', '\\.')}>$`,
);
const LIST = { ContactListName: 'Newsletter', TopicName: 'Weekly' };

/** A production account with a contact list (topics Weekly, opt-in, and Offers, opt-out). */
function account(): SesSimulator {
  const ses = simulator({ sandbox: false });
  withEventDestination(ses);
  ses.createContactList({
    ContactListName: 'Newsletter',
    Topics: [
      { TopicName: 'Weekly', DisplayName: 'Weekly', DefaultSubscriptionStatus: 'OPT_IN' },
      { TopicName: 'Offers', DisplayName: 'Offers', DefaultSubscriptionStatus: 'OPT_OUT' },
    ],
  });
  return ses;
}

function text(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}

function headerLines(raw: Uint8Array): string[] {
  return text(raw).split('\r\n\r\n')[0]!.split('\r\n');
}

function eventsOf(ses: SesSimulator, type: string): Json[] {
  return (ses.events() as Json[]).filter((e) => e.eventType === type);
}

const BODY = 'Read on. To leave: {{amazonSESUnsubscribeUrl}}';

function listed(to: string[], extra: object = {}) {
  return simpleRequest(to, {
    ConfigurationSetName: 'ConfigSet',
    ListManagementOptions: LIST,
    Content: {
      Simple: {
        Subject: { Data: 'News' },
        Body: {
          Text: { Data: BODY },
          Html: {
            Data: `<p>${BODY.replace('{{', '<a href="{{').replace('}}', '}}">here</a>')}</p>`,
          },
        },
      },
    },
    ...extra,
  });
}

describe('ListManagementOptions', () => {
  test('SES adds List-Unsubscribe and List-Unsubscribe-Post and replaces the unsubscribe placeholder', async () => {
    const ses = account();
    const { MessageId } = ses.sendEmail(listed(['reader@example.net']));
    ses.advance(MINUTE);
    const raw = ses.deliveredMessage(MessageId, 'reader@example.net');
    const lines = headerLines(raw);
    const at = lines.findIndex((l) => l.startsWith('List-Unsubscribe:'));
    expect(lines[at]!.slice('List-Unsubscribe: '.length)).toMatch(LIST_HEADER);
    expect(lines[at + 1]).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    const url = LIST_HEADER.exec(lines[at]!.slice(18))![0].slice(1).split('>')[0]!;
    const inspection = await inspectMessage(raw);
    expect(inspection.text).toBe(`Read on. To leave: ${url}`);
    expect(inspection.html).toContain(`<a href="${url}">here</a>`);
    expect(text(raw)).not.toContain('amazonSESUnsubscribeUrl');
    expect(ses.messages()[0]!.recipients[0]!.status).toBe('delivered');
  });

  test('a message to several recipients keeps its placeholder and gets no headers', () => {
    const ses = account();
    const { MessageId } = ses.sendEmail(listed(['a@example.net', 'b@example.net']));
    ses.advance(MINUTE);
    const raw = text(ses.deliveredMessage(MessageId, 'a@example.net'));
    expect(raw).not.toContain('List-Unsubscribe');
    expect(raw).toContain('{{amazonSESUnsubscribeUrl}}');
    expect(thrown(() => ses.unsubscribe(MessageId, 'a@example.net'))).toBeInstanceOf(RangeError);
  });

  test('an unknown list is a NotFoundException, an unknown topic a BadRequestException; nothing is sent', () => {
    const ses = account();
    const missing = thrown(() =>
      ses.sendEmail(listed(['a@example.net'], { ListManagementOptions: { ContactListName: 'X' } })),
    ) as SesError;
    expect(missing).toBeInstanceOf(SesError);
    expect([missing.code, missing.statusCode]).toEqual(['NotFoundException', 404]);
    const topic = thrown(() =>
      ses.sendEmail(
        listed(['a@example.net'], {
          ListManagementOptions: { ContactListName: 'Newsletter', TopicName: 'Daily' },
        }),
      ),
    ) as SesError;
    expect(topic.code).toBe('BadRequestException');
    expect(ses.messages()).toEqual([]);
  });

  test('a contact unsubscribed from the topic is not sent to: SES reports a Permanent bounce', () => {
    const ses = account();
    ses.createContact({
      ContactListName: 'Newsletter',
      EmailAddress: 'out@example.net',
      TopicPreferences: [{ TopicName: 'Weekly', SubscriptionStatus: 'OPT_OUT' }],
    });
    const { MessageId } = ses.sendEmail(listed(['out@example.net']));
    ses.advance(MINUTE);
    const [record] = ses.messages()[0]!.recipients;
    expect([record!.route, record!.status]).toEqual(['unsubscribed', 'bounced']);
    expect(() => ses.deliveredMessage(MessageId, 'out@example.net')).toThrow(RangeError);
    const [bounce] = eventsOf(ses, 'Bounce');
    expect(bounce!.bounce).toEqual({
      bounceType: 'Permanent',
      bounceSubType: 'UnsubscribedRecipient',
      bouncedRecipients: [{ emailAddress: 'out@example.net', action: 'failed' }],
      timestamp: expect.any(String),
      feedbackId: expect.any(String),
      reportingMTA: 'dns; amazonses.com',
    });
    expect(eventsOf(ses, 'Delivery')).toEqual([]);
    // Not the account's doing: no suppression, no bounce rate.
    expect(ses.listSuppressedDestinations().SuppressedDestinationSummaries).toEqual([]);
    expect(ses.reputation().bounceRate).toBe(0);
  });

  test('UnsubscribeAll keeps every topic away; a topic default applies to contacts only', () => {
    const ses = account();
    ses.createContact({
      ContactListName: 'Newsletter',
      EmailAddress: 'all@example.net',
      UnsubscribeAll: true,
    });
    ses.createContact({ ContactListName: 'Newsletter', EmailAddress: 'c@example.net' });
    const offers = {
      ListManagementOptions: { ContactListName: 'Newsletter', TopicName: 'Offers' },
    };
    const ids = [
      listed(['all@example.net'], { ListManagementOptions: { ContactListName: 'Newsletter' } }),
      listed(['c@example.net'], offers),
      listed(['stranger@example.net'], offers),
    ].map((request) => ses.sendEmail(request).MessageId);
    ses.advance(MINUTE);
    const status = (id: string) =>
      ses.messages().find((m) => m.messageId === id)!.recipients[0]!.status;
    expect(ids.map(status)).toEqual(['bounced', 'bounced', 'delivered']);
  });
});

describe('the X-SES-LIST-MANAGEMENT-OPTIONS header', () => {
  test('reads as ListManagementOptions and is removed before sending', () => {
    expect(parseListManagementHeader('contactListName=Newsletter; topicName=Weekly')).toEqual(LIST);
    expect(parseListManagementHeader(' ContactListName = Newsletter ')).toEqual({
      ContactListName: 'Newsletter',
    });
    expect(parseListManagementHeader('topicName=Weekly')).toBeUndefined();
    const ses = account();
    const { MessageId } = ses.sendEmail({
      ConfigurationSetName: 'ConfigSet',
      Content: {
        Raw: {
          Data: rawMessage(
            [
              ['From', 'sender@example.com'],
              ['To', 'reader@example.net'],
              ['Subject', 'Raw'],
              ['X-SES-LIST-MANAGEMENT-OPTIONS', 'contactListName=Newsletter; topicName=Weekly'],
            ],
            'Leave: {{amazonSESUnsubscribeUrl}}',
          ),
        },
      },
    });
    ses.advance(MINUTE);
    const raw = text(ses.deliveredMessage(MessageId, 'reader@example.net'));
    expect(raw).not.toContain('X-SES-LIST-MANAGEMENT-OPTIONS');
    expect(raw).toMatch(/\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n/);
    expect(raw).toMatch(/\r\n\r\nLeave: https:\/\/unsubscribe\./);
    expect(ses.unsubscribe(MessageId, 'reader@example.net').contactList).toBe('Newsletter');
  });
});

describe('unsubscribing', () => {
  test('one-click on a topic: the contact opts out of it, and SES publishes a Subscription event', () => {
    const ses = account();
    const { MessageId } = ses.sendEmail(listed(['reader@example.net']));
    ses.advance(MINUTE);
    const subscription = ses.unsubscribe(MessageId, 'reader@example.net', { oneClick: true });
    const [event] = eventsOf(ses, 'Subscription');
    expect(Object.keys(event!)).toEqual(['eventType', 'mail', 'subscription']);
    expect(event!.mail.messageId).toBe(MessageId);
    expect(event!.mail.tags['ses:configuration-set']).toEqual(['ConfigSet']);
    expect(event!.subscription).toEqual({
      contactList: 'Newsletter',
      timestamp: new Date(T0 + MINUTE).toISOString(),
      source: 'UnsubscribeHeader',
      newTopicPreferences: {
        unsubscribeAll: false,
        topicSubscriptionStatus: [
          { topicName: 'Weekly', subscriptionStatus: 'OptOut' },
          { topicName: 'Offers', subscriptionStatus: 'OptOut' },
        ],
      },
      oldTopicPreferences: {
        unsubscribeAll: false,
        topicSubscriptionStatus: [
          { topicName: 'Weekly', subscriptionStatus: 'OptIn' },
          { topicName: 'Offers', subscriptionStatus: 'OptOut' },
        ],
      },
    });
    expect(subscription).toEqual(event!.subscription);
    expect(ses.getContact('Newsletter', 'reader@example.net')).toMatchObject({
      TopicPreferences: [{ TopicName: 'Weekly', SubscriptionStatus: 'OPT_OUT' }],
      UnsubscribeAll: false,
    });
    // The next issue on that topic is not sent.
    ses.sendEmail(listed(['reader@example.net']));
    ses.advance(MINUTE);
    expect(ses.messages().at(-1)!.recipients[0]!.route).toBe('unsubscribed');
  });

  test('without a topic the link unsubscribes from everything', () => {
    const ses = account();
    const { MessageId } = ses.sendEmail(
      listed(['reader@example.net'], { ListManagementOptions: { ContactListName: 'Newsletter' } }),
    );
    ses.advance(MINUTE);
    const subscription = ses.unsubscribe(MessageId, 'reader@example.net');
    expect(subscription.source).toBe('UnsubscribeLink');
    expect(subscription.newTopicPreferences.unsubscribeAll).toBe(true);
    expect(ses.getContact('Newsletter', 'reader@example.net').UnsubscribeAll).toBe(true);
  });

  test('a message without list management, or not yet delivered, cannot be unsubscribed from', () => {
    const ses = account();
    const plain = ses.sendEmail(simpleRequest(['a@example.net'])).MessageId;
    const early = ses.sendEmail(listed(['b@example.net'])).MessageId;
    expect(thrown(() => ses.unsubscribe(early, 'b@example.net'))).toBeInstanceOf(RangeError);
    ses.advance(MINUTE);
    expect(thrown(() => ses.unsubscribe(plain, 'a@example.net'))).toBeInstanceOf(RangeError);
    expect(eventsOf(ses, 'Subscription')).toEqual([]);
  });
});

describe('Raw content and signatures', () => {
  const html = '<p>Bye: <a href="{{amazonSESUnsubscribeUrl}}">unsubscribe</a></p>'.repeat(3);
  const rawBody = [
    '--b1',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    btoa('Grüße. Leave: {{amazonSESUnsubscribeUrl}}'.replace('ü', 'u').replace('ß', 'ss')),
    '--b1',
    'Content-Type: text/html; charset=UTF-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    html.replace(/(.{70})/g, '$1=\r\n'),
    '--b1',
    'Content-Type: application/octet-stream; name="a.bin"',
    'Content-Disposition: attachment; filename="a.bin"',
    'Content-Transfer-Encoding: base64',
    '',
    'e3thbWF6b25TRVNVbnN1YnNjcmliZVVybH19',
    '--b1--',
    '',
  ].join('\r\n');
  const request = (from = 'sender@example.com') => ({
    ConfigurationSetName: 'ConfigSet',
    ListManagementOptions: LIST,
    Content: {
      Raw: {
        Data: rawMessage(
          [
            ['From', from],
            ['To', 'reader@example.net'],
            ['Subject', 'Raw'],
            ['MIME-Version', '1.0'],
            ['Content-Type', 'multipart/alternative; boundary="b1"'],
          ],
          rawBody,
        ),
      },
    },
  });

  test('the link replaces the placeholder in each body part; the rest is byte for byte; Python reads it cleanly', async () => {
    const ses = account();
    const { MessageId } = ses.sendEmail(request());
    ses.advance(MINUTE);
    const raw = ses.deliveredMessage(MessageId, 'reader@example.net');
    const delivered = text(raw);
    // The attachment carries the placeholder too, and is left alone.
    expect(delivered).toContain('e3thbWF6b25TRVNVbnN1YnNjcmliZVVybH19');
    expect(delivered).toContain(
      'Content-Type: multipart/alternative; boundary="b1"\r\n\r\n--b1\r\n',
    );
    const [report] = parseWithPython([raw]);
    expect(report!.defects).toEqual([]);
    const url = /<(https:[^>]+)>/.exec(delivered)![1]!;
    expect(report!.text!.trim()).toBe(`Grusse. Leave: ${url}`);
    expect(report!.html).toContain(`<a href="${url}">unsubscribe</a>`);
    expect(report!.html).not.toContain('amazonSESUnsubscribeUrl');
  });

  test("SES's DKIM signatures cover the unsubscribe headers and verify with dkimpy", async () => {
    const ses = await keyedSimulator();
    ses.createEmailIdentity('example.com');
    publishAll(ses, 'example.com');
    ses.advance(5 * MINUTE);
    expect(ses.getEmailIdentity('example.com').VerificationStatus).toBe('SUCCESS');
    ses.createContactList({
      ContactListName: 'Newsletter',
      Topics: [{ TopicName: 'Weekly', DisplayName: 'Weekly', DefaultSubscriptionStatus: 'OPT_IN' }],
    });
    withEventDestination(ses);
    const { MessageId } = ses.sendEmail(request());
    ses.advance(MINUTE);
    const raw = ses.deliveredMessage(MessageId, 'reader@example.net');
    const resolver = (name: string) => ses.resolveTxt(name);
    const results = verifyDkim(raw, resolver);
    expect(results.map((r) => r.result)).toEqual(['pass', 'pass']);
    for (const r of results) {
      expect(r.signature!.signedHeaders.slice(-2)).toEqual([
        'List-Unsubscribe',
        'List-Unsubscribe-Post',
      ]);
    }
    const selectors = results.map((r) => r.keyName!);
    expect(dkimpyVerify([raw], dnsTable(ses, selectors))).toEqual([[true, true]]);
  });
});
