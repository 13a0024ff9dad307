import { fc, test } from '@fast-check/vitest';
import { beforeAll, describe, expect } from 'vitest';
import {
  createSesSimulator,
  SesError,
  type RecipientStatus,
  type SesSimulator,
  type SesSimulatorState,
} from '../../../../src/lib/ses/index.ts';
import { RECIPIENT_TRANSITIONS } from '../../../../src/lib/ses/outbound/recipient-status.ts';
import { propertyRuns } from '../../../support/property-runs.ts';
import { keyedSimulator, publishAll } from '../identities/identity-support.ts';
import { rawRequest, T0, withNotificationTopics } from '../support.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

/** Recipients: each domain has an outcome rule (retried, bounced, complained) or none. */
const POOL = [
  'a@fine.example',
  'B@Fine.example',
  'c@gone.example',
  'd@full.example',
  'e@later.example',
  'f@nodns.example',
  'g@angry.example',
  'h@async.example',
  'bounce@simulator.amazonses.com',
  'complaint@simulator.amazonses.com',
];
/** Senders: one always verified, one an address identity with a lifecycle, one a domain. */
const SENDERS = ['sender@example.com', 'me@person.example', 'news@brand.example'];
const IDENTITIES = ['me@person.example', 'brand.example'];

const operation = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('send' as const),
      from: fc.nat(SENDERS.length - 1),
      to: fc.uniqueArray(fc.nat(POOL.length - 1), { minLength: 1, maxLength: 4 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('advance' as const),
      ms: fc.oneof(fc.nat(5_000), fc.nat(3 * HOUR), fc.constant(15 * HOUR)),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constantFrom('suppress' as const, 'unsuppress' as const),
      at: fc.nat(POOL.length - 1),
      reason: fc.constantFrom('BOUNCE' as const, 'COMPLAINT' as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constantFrom(
        'create' as const,
        'click' as const,
        'delete' as const,
        'verify' as const,
        'publish' as const,
      ),
      at: fc.nat(IDENTITIES.length - 1),
    }),
  },
);

type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

/** A saved state with DKIM keys made (keys are slow to make, so once for the file). */
let keyed: SesSimulatorState;
beforeAll(async () => {
  keyed = (await keyedSimulator()).exportState();
});

function account(): SesSimulator {
  const ses = createSesSimulator({ now: () => new Date(T0), state: structuredClone(keyed) });
  ses.setOutcomeRules([
    { pattern: '*@gone.example', outcome: { kind: 'hard-bounce', status: '5.1.1' } },
    { pattern: '*@full.example', outcome: { kind: 'soft-bounce', status: '4.2.2' } },
    {
      pattern: '*@later.example',
      outcome: { kind: 'soft-bounce', status: '4.4.1', recoverAfterMs: 2 * HOUR },
    },
    {
      pattern: '*@nodns.example',
      outcome: { kind: 'hard-bounce', status: '5.1.2', dnsFailure: true },
    },
    { pattern: '*@angry.example', outcome: { kind: 'complaint', delayMs: 10 * MINUTE } },
    {
      pattern: '*@async.example',
      outcome: {
        kind: 'hard-bounce',
        status: '5.1.1',
        timing: 'asynchronous',
        asyncDelayMs: 5 * MINUTE,
      },
    },
  ]);
  ses.verifyIdentity('example.com');
  withNotificationTopics(ses, 'example.com');
  ses.setSendQuota({ max24HourSend: 10_000, maxSendRate: 100 });
  return ses;
}

/** Statuses reachable from a status in any number of moves (itself included). */
function reachable(from: RecipientStatus): Set<RecipientStatus> {
  const seen = new Set<RecipientStatus>([from]);
  const queue = [from];
  while (queue.length > 0) {
    for (const next of RECIPIENT_TRANSITIONS[queue.shift()!]) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

/** Run one operation; SES's refusals (SesError) are answers, anything else is a failure. */
function run(ses: SesSimulator, op: Operation): void {
  try {
    switch (op.kind) {
      case 'send':
        ses.sendEmail(
          rawRequest(
            op.to.map((i) => POOL[i]!),
            { from: SENDERS[op.from] },
          ),
        );
        break;
      case 'advance':
        ses.advance(op.ms);
        break;
      case 'suppress':
        ses.putSuppressedDestination({ EmailAddress: POOL[op.at]!, Reason: op.reason });
        break;
      case 'unsuppress':
        ses.deleteSuppressedDestination(POOL[op.at]!);
        break;
      case 'create':
        // A domain takes a key from the pool made ahead; with none left there is nothing to do.
        if (IDENTITIES[op.at]!.includes('@') || ses.dkimKeysReady()) {
          ses.createEmailIdentity(IDENTITIES[op.at]!);
        }
        break;
      case 'click':
        ses.clickVerificationLink(IDENTITIES[op.at]!);
        break;
      case 'delete':
        ses.deleteEmailIdentity(IDENTITIES[op.at]!);
        break;
      case 'verify':
        ses.verifyIdentity(IDENTITIES[op.at]!);
        break;
      case 'publish':
        publishAll(ses, IDENTITIES[op.at]!);
        break;
    }
  } catch (error) {
    if (error instanceof SesError) return;
    // Clicking a link of an identity that is not an address with a pending link is misuse.
    if (error instanceof RangeError && op.kind === 'click') return;
    throw error;
  }
}

function checkListAndGetAgree(ses: SesSimulator): void {
  const listed = new Map<string, Json>();
  let token: string | undefined;
  do {
    const page = ses.listSuppressedDestinations({ PageSize: 3, NextToken: token });
    for (const summary of page.SuppressedDestinationSummaries) {
      expect(listed.has(summary.EmailAddress.toLowerCase())).toBe(false);
      listed.set(summary.EmailAddress.toLowerCase(), summary);
    }
    token = page.NextToken;
  } while (token !== undefined);
  for (const address of POOL) {
    const summary = listed.get(address.toLowerCase());
    if (summary) {
      const { SuppressedDestination } = ses.getSuppressedDestination(address);
      expect(SuppressedDestination).toMatchObject(summary);
    } else {
      expect(() => ses.getSuppressedDestination(address)).toThrow(SesError);
    }
  }
}

describe('the simulator stays consistent over random sequences', () => {
  test.prop([fc.array(operation, { minLength: 1, maxLength: 30 })], propertyRuns(60, 300))(
    'identities, sends with retries and suppression: legal moves, nothing suppressed delivered, list and get agree',
    (operations) => {
      const ses = account();
      const seen = new Map<string, RecipientStatus>();
      for (const op of operations) {
        run(ses, op);
        for (const message of ses.messages()) {
          for (const r of message.recipients) {
            const key = `${message.messageId} ${r.emailAddress}`;
            const before = seen.get(key) ?? 'pending';
            expect(reachable(before).has(r.status)).toBe(true);
            seen.set(key, r.status);
            // An address on the account list when it was sent to is never delivered to.
            if (r.route === 'account-suppressed') {
              expect(['pending', 'bounced', 'suppressed']).toContain(r.status);
            }
          }
        }
        checkListAndGetAgree(ses);
      }
      const notes = ses.notifications() as Json[];
      for (const message of ses.messages()) {
        const suppressed = message.recipients
          .filter((r) => r.route === 'account-suppressed')
          .map((r) => r.emailAddress);
        const delivered = notes
          .filter(
            (n) => n.notificationType === 'Delivery' && n.mail.messageId === message.messageId,
          )
          .flatMap((n) => n.delivery.recipients as string[]);
        for (const address of suppressed) expect(delivered).not.toContain(address);
      }
    },
  );

  test.prop(
    [fc.array(operation, { minLength: 1, maxLength: 20 }), fc.array(operation, { maxLength: 10 })],
    propertyRuns(40, 200),
  )('a state exported and imported goes on exactly as the original', (before, after) => {
    const original = account();
    for (const op of before) run(original, op);
    const copy = createSesSimulator({ now: () => new Date(T0), seed: 99, sandbox: false });
    copy.importState(JSON.parse(JSON.stringify(original.exportState())));
    expect(copy.exportState()).toEqual(original.exportState());
    for (const op of after) {
      run(original, op);
      run(copy, op);
    }
    original.advance(15 * HOUR);
    copy.advance(15 * HOUR);
    expect(copy.exportState()).toEqual(original.exportState());
    expect(copy.listSuppressedDestinations()).toEqual(original.listSuppressedDestinations());
  });
});
