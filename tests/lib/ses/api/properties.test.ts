import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { createSesSimulator, SesError, type SesSimulator } from '../../../../src/lib/ses/index.ts';
import { isSimulatorAddress } from '../../../../src/lib/ses/outbound/mailbox-simulator.ts';
import { rawRequest, summaries, T0, withNotificationTopics } from '../support.ts';
import { propertyRuns } from '../../../support/property-runs.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const DAY = 24 * 60 * 60 * 1000;

/** Whether an address is on the account-level list, case aside. */
function listed(ses: SesSimulator, address: string): boolean {
  return summaries(ses).some((e) => e.EmailAddress.toLowerCase() === address.toLowerCase());
}
const MAX_24_HOUR_SEND = 12;

const POOL = [
  'a@fine.example',
  'b@gone.example',
  'c@full.example',
  'd@angry.example',
  'e@example.com',
  'f@fine.example',
  'success@simulator.amazonses.com',
  'bounce@simulator.amazonses.com',
  'complaint@simulator.amazonses.com',
  'ooto+x@simulator.amazonses.com',
  'suppressionlist@simulator.amazonses.com',
];

const operation = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('send' as const),
      to: fc.uniqueArray(fc.nat(POOL.length - 1), { minLength: 1, maxLength: 4 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('advance' as const),
      ms: fc.oneof(fc.nat(3_000), fc.nat(2 * 60 * 60 * 1000), fc.constant(DAY)),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('suppress' as const),
      at: fc.nat(POOL.length - 1),
      reason: fc.constantFrom('BOUNCE' as const, 'COMPLAINT' as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('unsuppress' as const), at: fc.nat(POOL.length - 1) }),
  },
);

function account() {
  const ses = createSesSimulator({
    now: () => new Date(T0),
    seed: 11,
    sandbox: false,
    outcomeRules: [
      { pattern: '*@gone.example', outcome: { kind: 'hard-bounce', status: '5.1.1' } },
      { pattern: '*@full.example', outcome: { kind: 'soft-bounce', status: '4.2.2' } },
      { pattern: '*@angry.example', outcome: { kind: 'complaint', delayMs: 60_000 } },
    ],
  });
  ses.verifyIdentity('example.com');
  withNotificationTopics(ses, 'example.com');
  ses.setSendQuota({ max24HourSend: MAX_24_HOUR_SEND, maxSendRate: 3 });
  return ses;
}

describe('consistency over random send sequences', () => {
  test.prop([fc.array(operation, { maxLength: 40 })], propertyRuns(100))(
    'quotas, suppression and rates agree with what was sent',
    (operations) => {
      const ses = account();
      /** Messages sent to addresses that were suppressed at the time: id → addresses. */
      const suppressedAtSend = new Map<string, string[]>();
      for (const op of operations) {
        if (op.kind === 'advance') ses.advance(op.ms);
        else if (op.kind === 'suppress')
          ses.putSuppressedDestination(POOL[op.at] as string, op.reason);
        else if (op.kind === 'unsuppress') {
          if (listed(ses, POOL[op.at] as string))
            ses.deleteSuppressedDestination(POOL[op.at] as string);
        } else {
          const to = op.to.map((i) => POOL[i] as string);
          const countable = to.filter((a) => !isSimulatorAddress(a)).length;
          const before = ses.getSendQuota().SentLast24Hours;
          const suppressed = to.filter((a) => !isSimulatorAddress(a) && listed(ses, a));
          try {
            const { MessageId } = ses.sendEmail(rawRequest(to));
            expect(before + countable).toBeLessThanOrEqual(MAX_24_HOUR_SEND);
            suppressedAtSend.set(MessageId, suppressed);
          } catch (error) {
            expect(error).toBeInstanceOf(SesError);
            const message = (error as SesError).message;
            expect(['Maximum sending rate exceeded.', 'Daily message quota exceeded.']).toContain(
              message,
            );
            if (message === 'Daily message quota exceeded.')
              expect(before + countable).toBeGreaterThan(MAX_24_HOUR_SEND);
          }
        }
        // SentLast24Hours equals the countable recipients accepted in the trailing 24 hours.
        const now = ses.now().getTime();
        const expected = ses
          .messages()
          .filter((m) => Date.parse(m.timestamp) > now - DAY)
          .reduce((sum, m) => sum + m.destination.filter((a) => !isSimulatorAddress(a)).length, 0);
        expect(ses.getSendQuota().SentLast24Hours).toBe(expected);
      }
      ses.advance(15 * 60 * 60 * 1000);
      const notes = ses.notifications() as Json[];
      // A suppressed address never gets a Delivery.
      for (const [id, addresses] of suppressedAtSend) {
        const delivered = notes
          .filter((n) => n.notificationType === 'Delivery' && n.mail.messageId === id)
          .flatMap((n) => n.delivery.recipients as string[]);
        for (const address of addresses) expect(delivered).not.toContain(address);
      }
      // Every recipient ends delivered or bounced, and no recipient is hard-bounced twice.
      for (const message of ses.messages()) {
        for (const r of message.recipients)
          expect(['delivered', 'bounced', 'suppressed']).toContain(r.status);
        const permanent = notes
          .filter(
            (n) =>
              n.notificationType === 'Bounce' &&
              n.mail.messageId === message.messageId &&
              n.bounce.bounceType === 'Permanent',
          )
          .flatMap((n) => n.bounce.bouncedRecipients.map((b: Json) => b.emailAddress as string));
        expect(new Set(permanent).size).toBe(permanent.length);
      }
      // Rates are counted bounces and complaints over counted recipients, as defined.
      let sent = 0;
      let bounces = 0;
      let complaints = 0;
      for (const message of ses.messages()) {
        for (const r of message.recipients) {
          const counts =
            (r.route === 'outcome-rule' || r.route === 'global-suppressed') &&
            !r.emailAddress.endsWith('@example.com');
          if (!counts) continue;
          sent++;
          const hard = notes.some(
            (n) =>
              n.notificationType === 'Bounce' &&
              n.mail.messageId === message.messageId &&
              n.bounce.bounceType === 'Permanent' &&
              n.bounce.bouncedRecipients.some((b: Json) => b.emailAddress === r.emailAddress),
          );
          if (hard) bounces++;
          if (r.complained) complaints++;
        }
      }
      const reputation = ses.reputation();
      expect([reputation.sent, reputation.bounces, reputation.complaints]).toEqual([
        sent,
        bounces,
        complaints,
      ]);
      expect(reputation.bounceRate).toBe(sent === 0 ? 0 : bounces / sent);
      expect(reputation.complaintRate).toBe(sent === 0 ? 0 : complaints / sent);
    },
  );

  test.prop([fc.array(fc.nat(2 * 60 * 60 * 1000), { maxLength: 20 })], propertyRuns(100))(
    'how time is split into advances does not change what happens',
    (steps) => {
      const once = account();
      const split = account();
      for (const ses of [once, split]) {
        ses.sendEmail(
          rawRequest(['c@full.example', 'd@angry.example', 'complaint@simulator.amazonses.com']),
        );
      }
      const total = steps.reduce((a, b) => a + b, 0);
      once.advance(total);
      for (const step of steps) split.advance(step);
      expect(split.notifications()).toEqual(once.notifications());
      expect(split.events()).toEqual(once.events());
    },
  );
});
