import { describe, expect, test } from 'vitest';
import {
  DEFAULT_MAX_DELIVERY_MS,
  outcomeFor,
  patternMatches,
} from '../../../../src/lib/ses/index.ts';
import { checkOutcomeRule } from '../../../../src/lib/ses/account/outcome-rules.ts';
import { rawRequest, simulator, T0, withEventDestination } from '../support.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const HOUR = 60 * 60 * 1000;

function production() {
  const ses = simulator({
    sandbox: false,
    outcomeRules: [
      { pattern: '*@gone.example', outcome: { kind: 'hard-bounce', status: '5.1.1' } },
      { pattern: '*@full.example', outcome: { kind: 'soft-bounce', status: '4.2.2' } },
      {
        pattern: 'later@*.example',
        outcome: { kind: 'soft-bounce', status: '4.4.1', recoverAfterMs: HOUR },
      },
      { pattern: '*@angry.example', outcome: { kind: 'complaint' } },
    ],
  });
  withEventDestination(ses);
  return ses;
}

function send(ses: ReturnType<typeof production>, to: string) {
  return ses.sendEmail({ ...rawRequest([to]), ConfigurationSetName: 'ConfigSet' }).MessageId;
}

describe('the outcome table', () => {
  test('patterns are case-insensitive globs; the first match wins; the default is delivery', () => {
    expect(patternMatches('*@gone.example', 'Ann@GONE.example')).toBe(true);
    expect(patternMatches('*@gone.example', 'ann@gone.example.org')).toBe(false);
    expect(patternMatches('a?n@*', 'ann@x.example')).toBe(true);
    expect(patternMatches('a.n@*', 'ann@x.example')).toBe(false);
    const rules = [
      { pattern: 'vip@*', outcome: { kind: 'delivery' as const } },
      { pattern: '*@gone.example', outcome: { kind: 'hard-bounce' as const, status: '5.1.1' } },
    ];
    expect(outcomeFor(rules, 'vip@gone.example').kind).toBe('delivery');
    expect(outcomeFor(rules, 'x@gone.example').kind).toBe('hard-bounce');
    expect(outcomeFor([], 'x@gone.example')).toEqual({ kind: 'delivery' });
  });

  test('rules that cannot work are refused', () => {
    expect(() => checkOutcomeRule({ pattern: '', outcome: { kind: 'delivery' } })).toThrow(
      RangeError,
    );
    expect(() =>
      checkOutcomeRule({ pattern: '*', outcome: { kind: 'hard-bounce', status: '4.2.2' } }),
    ).toThrow('A hard bounce needs a 5.x.x status code.');
    expect(() =>
      checkOutcomeRule({ pattern: '*', outcome: { kind: 'soft-bounce', status: '5.1.1' } }),
    ).toThrow('A soft bounce needs a 4.x.x status code.');
    for (const asyncDelayMs of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() =>
        checkOutcomeRule({
          pattern: '*',
          outcome: { kind: 'soft-bounce', status: '4.2.2', timing: 'asynchronous', asyncDelayMs },
        }),
      ).toThrow('An asynchronous bounce comes a finite, non-negative time after delivery.');
    }
    const ses = simulator();
    expect(() =>
      ses.setOutcomeRules([{ pattern: '*', outcome: { kind: 'complaint', delayMs: -1 } }]),
    ).toThrow(RangeError);
    ses.setOutcomeRules([
      { pattern: '*@x.example', outcome: { kind: 'delivery', smtpResponse: '250 ok' } },
    ]);
    expect(ses.outcomeRules()).toEqual([
      { pattern: '*@x.example', outcome: { kind: 'delivery', smtpResponse: '250 ok' } },
    ]);
  });
});

describe('hard bounces', () => {
  test('are reported once, at the first attempt, and put the address on the account list', () => {
    const ses = production();
    const id = send(ses, 'jane@gone.example');
    ses.advance(24 * HOUR);
    const bounces = (ses.notifications() as Json[]).filter((n) => n.notificationType === 'Bounce');
    expect(bounces).toHaveLength(1);
    expect(bounces[0]?.bounce).toMatchObject({ bounceType: 'Permanent', bounceSubType: 'General' });
    const entry = ses.getSuppressedDestination('jane@gone.example');
    expect(entry).toEqual({
      SuppressedDestination: {
        EmailAddress: 'jane@gone.example',
        Reason: 'BOUNCE',
        LastUpdateTime: expect.any(String),
        Attributes: { MessageId: id, FeedbackId: bounces[0]?.bounce.feedbackId },
      },
    });
    expect(ses.messages()[0]?.recipients[0]?.status).toBe('bounced');
  });
});

describe('soft bounces', () => {
  test('are retried with DeliveryDelay events and reported as Transient when SES gives up', () => {
    const ses = production();
    send(ses, 'max@full.example');
    ses.advance(HOUR);
    expect(ses.notifications()).toEqual([]);
    const delays = (ses.events() as Json[]).filter((e) => e.eventType === 'DeliveryDelay');
    expect(delays.length).toBeGreaterThan(1);
    expect(delays[0]?.deliveryDelay).toMatchObject({
      delayType: 'MailboxFull',
      expirationTime: new Date(T0 + DEFAULT_MAX_DELIVERY_MS).toISOString(),
      delayedRecipients: [
        {
          emailAddress: 'max@full.example',
          status: '4.2.2',
          diagnosticCode: 'smtp; 452 4.2.2 mailbox full',
        },
      ],
    });
    expect(ses.messages()[0]?.recipients[0]?.status).toBe('delayed');
    ses.advance(DEFAULT_MAX_DELIVERY_MS - HOUR - 1);
    expect(ses.notifications()).toEqual([]);
    ses.advance(1);
    const notes = ses.notifications() as Json[];
    expect(notes).toHaveLength(1);
    expect(notes[0]?.bounce).toMatchObject({
      bounceType: 'Transient',
      bounceSubType: 'MailboxFull',
      timestamp: new Date(T0 + DEFAULT_MAX_DELIVERY_MS).toISOString(),
      // SES reports a soft bounce it gave up on as expired, with the last attempt's reply.
      bouncedRecipients: [
        {
          emailAddress: 'max@full.example',
          action: 'failed',
          status: '4.4.7',
          diagnosticCode:
            'smtp; 554 4.4.7 Message expired: unable to deliver in 840 minutes.<452 4.2.2 mailbox full>',
        },
      ],
    });
    const times = (ses.events() as Json[])
      .filter((e) => e.eventType === 'DeliveryDelay')
      .map((e) => Date.parse(e.deliveryDelay.timestamp));
    expect(times.every((t, i) => i === 0 || t > (times[i - 1] as number))).toBe(true);
    expect(times.at(-1)).toBeLessThan(T0 + DEFAULT_MAX_DELIVERY_MS);
    expect(ses.listSuppressedDestinations()).toEqual({ SuppressedDestinationSummaries: [] });
    expect(ses.reputation().bounces).toBe(0);
  });

  test('a configuration set’s MaxDeliverySeconds shortens the retry window', () => {
    const ses = production();
    ses.putConfigurationSet({ ...ses.configurationSets()[0]!, maxDeliverySeconds: 600 });
    send(ses, 'max@full.example');
    ses.advance(599_999);
    expect(ses.notifications()).toEqual([]);
    ses.advance(1);
    expect((ses.notifications() as Json[])[0]?.bounce.bounceType).toBe('Transient');
    expect(() =>
      ses.putConfigurationSet({ ...ses.configurationSets()[0]!, maxDeliverySeconds: 299 }),
    ).toThrow(RangeError);
  });

  test('a recipient that recovers is delivered at the first retry after it does', () => {
    const ses = production();
    send(ses, 'later@soon.example');
    ses.advance(3 * HOUR);
    const notes = ses.notifications() as Json[];
    expect(notes.map((n) => n.notificationType)).toEqual(['Delivery']);
    expect(Date.parse(notes[0]?.delivery.timestamp)).toBeGreaterThanOrEqual(T0 + HOUR);
    const delays = (ses.events() as Json[]).filter((e) => e.eventType === 'DeliveryDelay');
    expect(delays[0]?.deliveryDelay.delayType).toBe('TransientCommunicationFailure');
  });
});

describe('complaints', () => {
  test('come after delivery, feed the suppression list and count toward the complaint rate', () => {
    const ses = production();
    send(ses, 'rick@angry.example');
    ses.advance(HOUR - 1);
    expect((ses.notifications() as Json[]).map((n) => n.notificationType)).toEqual(['Delivery']);
    ses.advance(10_000);
    const notes = ses.notifications() as Json[];
    expect(notes.map((n) => n.notificationType)).toEqual(['Delivery', 'Complaint']);
    expect(notes[1]?.complaint.complainedRecipients).toEqual([
      { emailAddress: 'rick@angry.example' },
    ]);
    expect(ses.getSuppressedDestination('rick@angry.example').SuppressedDestination.Reason).toBe(
      'COMPLAINT',
    );
    expect(ses.reputation()).toMatchObject({ sent: 1, complaints: 1, complaintRate: 1 });
    expect(ses.messages()[0]?.recipients[0]).toMatchObject({
      status: 'delivered',
      complained: true,
    });
  });
});
