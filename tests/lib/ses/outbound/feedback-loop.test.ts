import { describe, expect, test } from 'vitest';
import { inspectMessage } from '../../../../src/lib/mime/index.ts';
import { createSesSimulator, SesError, type SesSimulator } from '../../../../src/lib/ses/index.ts';
import { parseWithPython } from '../../../support/python-email.ts';
import {
  rawRequest,
  simpleRequest,
  summaries,
  T0,
  thrown,
  TOPIC_ARN,
  withNotificationTopics,
} from '../support.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const HOUR = 3_600_000;

/** A production account with example.com verified and no notification topic. */
function account(): SesSimulator {
  const ses = createSesSimulator({
    now: () => new Date(T0),
    seed: 3,
    sandbox: false,
    outcomeRules: [
      { pattern: '*@gone.example', outcome: { kind: 'hard-bounce', status: '5.1.1' } },
      { pattern: '*@full.example', outcome: { kind: 'soft-bounce', status: '4.2.2' } },
      { pattern: '*@angry.example', outcome: { kind: 'complaint', delayMs: 60_000 } },
      {
        pattern: '*@later.example',
        outcome: {
          kind: 'hard-bounce',
          status: '5.2.1',
          timing: 'asynchronous',
          asyncDelayMs: HOUR,
        },
      },
      {
        pattern: '*@nxdomain.example',
        outcome: { kind: 'hard-bounce', status: '5.1.2', dnsFailure: true },
      },
    ],
  });
  ses.verifyIdentity('example.com');
  return ses;
}

describe('notifications and feedback forwarding', () => {
  test('without a topic SES publishes no notification, and forwards bounces and complaints by email', () => {
    const ses = account();
    ses.sendEmail(simpleRequest(['a@gone.example', 'b@angry.example', 'c@ok.example']));
    ses.advance(2 * HOUR);
    expect(ses.notifications()).toEqual([]);
    const emails = ses.feedbackEmails();
    expect(emails.map((e) => [e.kind, e.to])).toEqual([
      ['bounce', 'sender@example.com'],
      ['complaint', 'sender@example.com'],
    ]);
  });

  test('with topics, each notification type goes to its topic only', () => {
    const ses = account();
    ses.setIdentityNotificationTopic('example.com', 'Bounce', TOPIC_ARN);
    ses.sendEmail(simpleRequest(['a@gone.example', 'c@ok.example']));
    ses.advance(HOUR);
    expect((ses.notifications() as Json[]).map((n) => n.notificationType)).toEqual(['Bounce']);
    expect(ses.notificationLog()[0]?.topicArn).toBe(TOPIC_ARN);
  });

  test('forwarding goes to the feedback address, else the Return-Path, else the sender', () => {
    const ses = account();
    ses.sendEmail(
      simpleRequest(['a@gone.example'], { FeedbackForwardingEmailAddress: 'bounces@example.com' }),
    );
    ses.sendEmail(rawRequest(['b@gone.example'], { extra: [['Return-Path', '<rp@example.com>']] }));
    ses.advance(HOUR);
    expect(
      ses
        .feedbackEmails()
        .map((e) => e.to)
        .sort(),
    ).toEqual(['bounces@example.com', 'rp@example.com']);
  });

  test('forwarding can be turned off only once bounces and complaints have topics', () => {
    const ses = account();
    expect(
      (thrown(() => ses.setIdentityFeedbackForwardingEnabled('example.com', false)) as SesError)
        .code,
    ).toBe('BadRequestException');
    withNotificationTopics(ses, 'example.com');
    ses.setIdentityFeedbackForwardingEnabled('example.com', false);
    ses.sendEmail(simpleRequest(['a@gone.example']));
    ses.advance(HOUR);
    expect(ses.feedbackEmails()).toEqual([]);
    expect((ses.notifications() as Json[]).map((n) => n.notificationType)).toEqual(['Bounce']);
  });

  test('every forwarded email reads back as the report it stands for', async () => {
    const ses = account();
    withNotificationTopics(ses, 'example.com');
    ses.sendEmail(
      simpleRequest([
        'a@gone.example',
        'b@angry.example',
        'bounce@simulator.amazonses.com',
        'complaint@simulator.amazonses.com',
      ]),
    );
    ses.advance(2 * HOUR);
    const emails = ses.feedbackEmails();
    expect(emails.map((e) => e.kind).sort()).toEqual([
      'bounce',
      'bounce',
      'complaint',
      'complaint',
    ]);
    const notes = ses.notifications() as Json[];
    // Python's email package, an independent reader, finds nothing wrong with any of them.
    expect(parseWithPython(emails.map((e) => e.raw)).flatMap((r) => r.defects)).toEqual([]);
    for (const email of emails) {
      const inspection = await inspectMessage(email.raw);
      expect(inspection.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      if (email.kind === 'bounce') {
        const report = inspection.report as Json;
        expect(report.kind).toBe('bounce');
        const note = notes.find(
          (n) =>
            n.notificationType === 'Bounce' &&
            n.bounce.bouncedRecipients[0].emailAddress === report.recipients[0].emailAddress,
        ) as Json;
        expect(report.bounceType).toBe(note.bounce.bounceType);
        expect(report.recipients[0]).toMatchObject({
          action: 'failed',
          status: note.bounce.bouncedRecipients[0].status,
        });
      } else {
        const report = inspection.report as Json;
        expect(report).toMatchObject({ kind: 'complaint', feedbackType: 'abuse' });
        const note = notes.find(
          (n) =>
            n.notificationType === 'Complaint' &&
            n.complaint.complainedRecipients[0].emailAddress === report.complainedRecipients[0],
        ) as Json;
        expect(note).toBeDefined();
        expect(report.originalMessageId).toContain(email.messageId);
      }
    }
  });
});

describe('bounce timing', () => {
  test('an asynchronous bounce is delivered first, then bounced by the receiving server', () => {
    const ses = account();
    withNotificationTopics(ses, 'example.com');
    ses.sendEmail(simpleRequest(['x@later.example']));
    ses.advance(10_000);
    expect((ses.notifications() as Json[]).map((n) => n.notificationType)).toEqual(['Delivery']);
    ses.advance(HOUR);
    const bounce = (ses.notifications() as Json[])[1] as Json;
    expect(bounce.bounce).toMatchObject({
      bounceType: 'Permanent',
      reportingMTA: 'dns; mx.later.example',
      bouncedRecipients: [{ emailAddress: 'x@later.example', status: '5.2.1', action: 'failed' }],
    });
    expect(ses.messages()[0]?.recipients[0]?.status).toBe('bounced');
    expect(summaries(ses).map((e) => e.EmailAddress)).toEqual(['x@later.example']);
  });

  test('a DNS lookup failure is retried like a soft bounce, then reported as Permanent', () => {
    const ses = account();
    withNotificationTopics(ses, 'example.com');
    ses.sendEmail(simpleRequest(['y@nxdomain.example']));
    ses.advance(HOUR);
    expect(ses.notifications()).toEqual([]);
    expect(ses.messages()[0]?.recipients[0]?.status).toBe('delayed');
    ses.advance(14 * HOUR);
    const [note] = ses.notifications() as Json[];
    expect(note?.bounce).toMatchObject({
      bounceType: 'Permanent',
      bouncedRecipients: [{ emailAddress: 'y@nxdomain.example', status: '5.1.2' }],
    });
  });

  test('a soft bounce SES gives up on is reported as expired (4.4.7) after 840 minutes', () => {
    const ses = account();
    withNotificationTopics(ses, 'example.com');
    ses.sendEmail(simpleRequest(['z@full.example']));
    ses.advance(15 * HOUR);
    const [note] = ses.notifications() as Json[];
    expect(note?.bounce.bouncedRecipients[0]).toEqual({
      emailAddress: 'z@full.example',
      action: 'failed',
      status: '4.4.7',
      diagnosticCode:
        'smtp; 554 4.4.7 Message expired: unable to deliver in 840 minutes.<452 4.2.2 mailbox full>',
    });
  });
});
