import { beforeAll, describe, expect, test } from 'vitest';
import { EICAR } from '../../../../src/lib/ses/outbound/send.ts';
import { fixture, keysOf, shapeOf } from '../shape.ts';
import { rawRequest, simulator, withEventDestination } from '../support.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let bounceExample: Json;
let complaintExample: Json;
let deliveryExample: Json;
let eventMailExample: Json;
let eventExamples: Json[];

beforeAll(async () => {
  bounceExample = (await fixture('notification-bounce.json')) as Json;
  complaintExample = (await fixture('notification-complaint.json')) as Json;
  deliveryExample = (await fixture('notification-delivery.json')) as Json;
  eventMailExample = (await fixture('event-mail.json')) as Json;
  eventExamples = (await fixture('events.json')) as Json[];
});

const HEADERS: Array<[string, string]> = [
  ['Message-ID', 'custom-message-ID'],
  ['Content-Transfer-Encoding', '7bit'],
  ['Date', 'Wed, 27 Jan 2016 14:05:45 +0000'],
];

/** A simulator with rules for every outcome, and a send to each. */
function scenario(options: { headers: boolean; extra?: Array<[string, string]>; body?: string }) {
  const ses = simulator({
    sandbox: false,
    outcomeRules: [
      { pattern: '*@gone.example', outcome: { kind: 'hard-bounce', status: '5.1.1' } },
      { pattern: '*@full.example', outcome: { kind: 'soft-bounce', status: '4.2.2' } },
      { pattern: '*@angry.example', outcome: { kind: 'complaint' } },
    ],
  });
  withEventDestination(ses);
  if (options.headers) ses.setIdentityHeadersInNotificationsEnabled('example.com', true);
  const send = (to: string) => {
    ses.sendEmail(
      rawRequest([to], {
        from: '"John Doe" <john@example.com>',
        extra: [['X-SES-CONFIGURATION-SET', 'ConfigSet'], ...(options.extra ?? [])],
        ...(options.body !== undefined ? { body: options.body } : {}),
      }),
    );
    ses.advance(5_000);
  };
  return { ses, send };
}

describe('feedback notifications have the shape of SES’s examples', () => {
  test('a bounce with original headers matches the documented bounce, field by field', () => {
    const { ses, send } = scenario({ headers: true, extra: HEADERS });
    send('jane@gone.example');
    ses.advance(60_000);
    const [note] = ses.notifications() as Json[];
    expect(shapeOf(note)).toEqual(shapeOf(bounceExample));
    expect(keysOf(note?.mail.commonHeaders)).toEqual(keysOf(bounceExample.mail.commonHeaders));
    expect(note?.mail.commonHeaders).toMatchObject({
      from: ['John Doe <john@example.com>'],
      date: 'Wed, 27 Jan 2016 14:05:45 +0000',
      to: ['jane@gone.example'],
      messageId: 'custom-message-ID',
      subject: 'Hello',
    });
    expect(note?.mail.headers[0]).toEqual({ name: 'From', value: '"John Doe" <john@example.com>' });
    expect(note?.mail.headers.map((h: Json) => h.name)).not.toContain('X-SES-CONFIGURATION-SET');
    expect(note?.bounce.bouncedRecipients).toEqual([
      {
        emailAddress: 'jane@gone.example',
        action: 'failed',
        status: '5.1.1',
        diagnosticCode: 'smtp; 550 5.1.1 user unknown',
      },
    ]);
  });

  test('without "include original headers" the mail object has no headers', () => {
    const { ses, send } = scenario({ headers: false });
    send('jane@gone.example');
    const [note] = ses.notifications() as Json[];
    expect(note?.mail).not.toHaveProperty('headers');
    expect(note?.mail).not.toHaveProperty('commonHeaders');
    expect(note?.mail).not.toHaveProperty('headersTruncated');
    expect(keysOf(note?.mail)).toEqual(keysOf(bounceExample.mail).slice(0, 8));
  });

  test('a delivery matches the documented delivery', () => {
    const { ses, send } = scenario({ headers: false });
    send('jane@fine.example');
    const [note] = ses.notifications() as Json[];
    expect(keysOf(note)).toEqual(keysOf(deliveryExample));
    expect(keysOf(note?.delivery)).toEqual(keysOf(deliveryExample.delivery));
    expect(shapeOf(note?.delivery)).toEqual(shapeOf(deliveryExample.delivery));
    expect([...keysOf(note?.mail)].sort()).toEqual([...keysOf(deliveryExample.mail)].sort());
    expect(note?.delivery.processingTimeMillis).toBeGreaterThan(0);
  });

  test('a complaint matches the documented complaint, with complaintSubType null', () => {
    const { ses, send } = scenario({ headers: false });
    send('richard@angry.example');
    ses.advance(2 * 60 * 60 * 1000);
    const notes = ses.notifications() as Json[];
    expect(notes.map((n) => n.notificationType)).toEqual(['Delivery', 'Complaint']);
    const complaint = notes[1]?.complaint;
    expect(keysOf(complaint).filter((k) => k !== 'complaintSubType')).toEqual(
      keysOf(complaintExample.complaint),
    );
    expect(complaint.userAgent).toBe('Simulated Feedback Loop');
    expect(complaint.complaintSubType).toBeNull();
    expect([...keysOf(notes[1]?.mail)].sort()).toEqual([...keysOf(complaintExample.mail)].sort());
  });
});

describe('published events have the shape of SES’s examples', () => {
  function eventExample(type: string): Json {
    return eventExamples.find((e) => e.eventType === type) as Json;
  }

  test('the mail object of a Delivery event matches the documented one, tags included', () => {
    const { ses, send } = scenario({
      headers: false,
      extra: [
        ['Content-Transfer-Encoding', '7bit'],
        ['X-SES-MESSAGE-TAGS', 'myCustomTag1=myCustomTagValue1'],
      ],
    });
    send('recipient@fine.example');
    const events = ses.events() as Json[];
    expect(events.map((e) => e.eventType)).toEqual(['Send', 'Delivery']);
    const mail = events[1]?.mail;
    expect(shapeOf(mail)).toEqual(shapeOf(eventMailExample));
    expect(mail.tags).toEqual({
      'ses:operation': ['SendEmail'],
      'ses:configuration-set': ['ConfigSet'],
      'ses:source-ip': ['192.0.2.0'],
      'ses:from-domain': ['example.com'],
      'ses:caller-identity': ['ses_user'],
      'ses:outgoing-ip': [expect.stringMatching(/^203\.0\.113\.\d+$/)],
      myCustomTag1: ['myCustomTagValue1'],
    });
    expect(mail.commonHeaders.messageId).toBe(mail.messageId);
    expect(events[0]?.mail.tags).not.toHaveProperty('ses:outgoing-ip');
  });

  test('Send, Delivery, Bounce and Complaint records match the documented records', () => {
    const { ses, send } = scenario({ headers: false });
    send('a@fine.example');
    send('b@gone.example');
    send('c@angry.example');
    ses.advance(2 * 60 * 60 * 1000);
    const events = ses.events() as Json[];
    for (const type of ['Send', 'Delivery', 'Bounce', 'Complaint']) {
      const ours = events.find((e) => e.eventType === type) as Json;
      const theirs = eventExample(type);
      expect(keysOf(ours)).toEqual(keysOf(theirs));
      const key = keysOf(theirs)[2] as string;
      // remoteMtaIp is a documented bounce field the example happens to leave out.
      expect(keysOf(ours[key]).filter((k) => k !== 'remoteMtaIp')).toEqual(keysOf(theirs[key]));
      expect(shapeOf(ours[key].bouncedRecipients ?? [])).toEqual(
        shapeOf(theirs[key].bouncedRecipients ?? []),
      );
    }
  });

  test('a soft bounce publishes DeliveryDelay records shaped as documented, reduced mail included', () => {
    const { ses, send } = scenario({ headers: false });
    send('d@full.example');
    const delay = (ses.events() as Json[]).find((e) => e.eventType === 'DeliveryDelay') as Json;
    const example = eventExample('DeliveryDelay');
    expect(keysOf(delay)).toEqual(keysOf(example));
    // reportingMTA is a documented field (the remote MTA answered 452) that the example lacks.
    expect(keysOf(delay.deliveryDelay).filter((k) => k !== 'reportingMTA')).toEqual(
      keysOf(example.deliveryDelay),
    );
    expect(shapeOf(delay.deliveryDelay.delayedRecipients)).toEqual(
      shapeOf(example.deliveryDelay.delayedRecipients),
    );
    expect(delay.mail).not.toHaveProperty('headers');
    expect(delay.mail.tags).toEqual({ 'ses:configuration-set': ['ConfigSet'] });
  });

  test('a message with a virus is accepted, then Rejected with reason "Bad content"', () => {
    const { ses, send } = scenario({ headers: false, body: EICAR });
    send('e@fine.example');
    const events = ses.events() as Json[];
    expect(events.map((e) => e.eventType)).toEqual(['Send', 'Reject']);
    expect(events[1]?.reject).toEqual(eventExample('Reject').reject);
    expect(ses.notifications()).toEqual([]);
    expect(ses.messages()[0]?.recipients[0]?.status).toBe('rejected');
  });
});

describe('header truncation', () => {
  test('headers are truncated at 10 KB and say so', () => {
    const ses = simulator();
    withEventDestination(ses);
    const filler: Array<[string, string]> = Array.from({ length: 150 }, (_, i) => [
      `X-Filler-${i}`,
      'v'.repeat(100),
    ]);
    ses.sendEmail(
      rawRequest(['success@simulator.amazonses.com'], {
        extra: [['X-SES-CONFIGURATION-SET', 'ConfigSet'], ...filler],
      }),
    );
    const [send] = ses.events() as Json[];
    expect(send?.mail.headersTruncated).toBe(true);
    const size = send?.mail.headers.reduce(
      (n: number, h: Json) => n + h.name.length + h.value.length + 4,
      0,
    );
    expect(size).toBeLessThanOrEqual(10 * 1024);
    expect(send?.mail.headers.length).toBeLessThan(155);
    expect(send?.mail.headers[0]).toEqual({ name: 'From', value: 'sender@example.com' });
  });
});
