import { describe, expect, test } from 'vitest';
import { SesError } from '../../../../src/lib/ses/index.ts';
import {
  computeReputation,
  enforcementStatus,
  MIN_RATED_VOLUME,
  MIN_RATED_VOLUME_NOTE,
  reputationHistory,
} from '../../../../src/lib/ses/account/reputation.ts';
import { rawRequest, simulator, thrown, T0 } from '../support.ts';

describe('rates and thresholds', () => {
  test('rates are counted events over counted recipients, against 5%/10% and 0.1%/0.5%', () => {
    const at = (kind: 'send' | 'bounce' | 'complaint', count: number) => ({ at: T0, kind, count });
    expect(computeReputation([])).toMatchObject({
      bounceRate: 0,
      complaintRate: 0,
      bounceStatus: 'HEALTHY',
    });
    expect(computeReputation([at('send', 100), at('bounce', 4)]).bounceStatus).toBe('HEALTHY');
    expect(computeReputation([at('send', 100), at('bounce', 5)]).bounceStatus).toBe('UNDER_REVIEW');
    expect(computeReputation([at('send', 100), at('bounce', 10)]).bounceStatus).toBe(
      'PAUSE_THRESHOLD',
    );
    expect(computeReputation([at('send', 1000), at('complaint', 1)]).complaintStatus).toBe(
      'UNDER_REVIEW',
    );
    expect(computeReputation([at('send', 1000), at('complaint', 5)]).complaintStatus).toBe(
      'PAUSE_THRESHOLD',
    );
    const review = computeReputation([at('send', 100), at('bounce', 6)]);
    expect(review.bounceRate).toBeCloseTo(0.06);
    expect(enforcementStatus(review, true)).toBe('PROBATION');
    expect(enforcementStatus(review, false)).toBe('SHUTDOWN');
  });

  test('the history gives the rates after each moment, one point per moment', () => {
    expect(
      reputationHistory([
        { at: T0 + 2, kind: 'bounce', count: 1 },
        { at: T0, kind: 'send', count: 2 },
        { at: T0 + 2, kind: 'complaint', count: 1 },
      ]),
    ).toEqual([
      { at: T0, bounceRate: 0, complaintRate: 0 },
      { at: T0 + 2, bounceRate: 0.5, complaintRate: 0.5 },
    ]);
  });
});

describe('what counts', () => {
  function account() {
    return simulator({
      sandbox: false,
      outcomeRules: [
        { pattern: '*@gone.example', outcome: { kind: 'hard-bounce', status: '5.1.1' } },
        { pattern: '*@full.example', outcome: { kind: 'soft-bounce', status: '4.2.2' } },
      ],
    });
  }

  test('hard bounces to unverified domains count; verified domains, soft bounces and the simulator do not', () => {
    const ses = account();
    ses.verifyIdentity('gone.example');
    ses.sendEmail(rawRequest(['a@gone.example']));
    ses.advance(2_000);
    ses.verifyIdentity('me@elsewhere.example');
    ses.deleteIdentity('gone.example');
    ses.sendEmail(
      rawRequest([
        'b@gone.example',
        'c@fine.example',
        'd@full.example',
        'bounce@simulator.amazonses.com',
      ]),
    );
    ses.advance(24 * 60 * 60 * 1000);
    expect(ses.reputation()).toMatchObject({ sent: 3, bounces: 1, complaints: 0 });
    expect(ses.reputation().bounceRate).toBeCloseTo(1 / 3);
  });

  /** Send `count` recipients at `domain` in messages of 50, letting each be settled. */
  function sendTo(ses: ReturnType<typeof account>, domain: string, count: number, from = 0) {
    for (let at = from; at < from + count; at += 50) {
      const to = Array.from(
        { length: Math.min(50, from + count - at) },
        (_, i) => `r${at + i}@${domain}`,
      );
      ses.sendEmail(rawRequest(to));
      ses.advance(10_000);
    }
  }

  test('with pausing on, crossing a pause threshold pauses sending', () => {
    const ses = account();
    ses.setSendQuota({ maxSendRate: 1000 });
    ses.setPauseOnReputation(true);
    sendTo(ses, 'fine.example', 90);
    sendTo(ses, 'gone.example', 10);
    expect(ses.reputation()).toMatchObject({
      sent: MIN_RATED_VOLUME,
      bounces: 10,
      rated: true,
      bounceStatus: 'PAUSE_THRESHOLD',
      enforcementStatus: 'SHUTDOWN',
    });
    const error = thrown(() => ses.sendEmail(rawRequest(['y@fine.example']))) as SesError;
    expect(error.code).toBe('SendingPausedException');
    ses.setSendingEnabled(true);
    expect(() => ses.sendEmail(rawRequest(['y@fine.example']))).not.toThrow();
  });

  test('with pausing off, the account stays on probation and keeps sending', () => {
    const ses = account();
    ses.setSendQuota({ maxSendRate: 1000 });
    sendTo(ses, 'fine.example', 95);
    sendTo(ses, 'gone.example', 5);
    expect(ses.reputation()).toMatchObject({ bounceStatus: 'UNDER_REVIEW' });
    expect(ses.reputation().enforcementStatus).toBe('PROBATION');
    expect(() => ses.sendEmail(rawRequest(['y@fine.example']))).not.toThrow();
    expect(ses.reputationHistory().at(-1)?.bounceRate).toBeCloseTo(5 / 101);
  });
});

describe('the minimum volume before rates count (simulated)', () => {
  test('one message with one complaint does not put the account at the pause threshold', () => {
    const ses = simulator({
      sandbox: false,
      outcomeRules: [{ pattern: '*@angry.example', outcome: { kind: 'complaint' } }],
    });
    ses.setPauseOnReputation(true);
    ses.sendEmail(rawRequest(['rick@angry.example']));
    ses.advance(2 * 60 * 60 * 1000);
    expect(ses.reputation()).toEqual({
      sent: 1,
      bounces: 0,
      complaints: 1,
      bounceRate: 0,
      complaintRate: 1,
      rated: false,
      bounceStatus: 'HEALTHY',
      complaintStatus: 'HEALTHY',
      enforcementStatus: 'HEALTHY',
    });
    expect(ses.getAccount()).toMatchObject({ SendingEnabled: true, EnforcementStatus: 'HEALTHY' });
  });

  test('the rates count from the 100th counted recipient on', () => {
    const at = (kind: 'send' | 'bounce' | 'complaint', count: number) => ({ at: T0, kind, count });
    const below = computeReputation([at('send', MIN_RATED_VOLUME - 1), at('bounce', 50)]);
    expect([below.rated, below.bounceStatus]).toEqual([false, 'HEALTHY']);
    const reached = computeReputation([at('send', MIN_RATED_VOLUME), at('complaint', 1)]);
    expect([reached.rated, reached.complaintStatus]).toEqual([true, 'PAUSE_THRESHOLD']);
  });

  test('the page and the engine say the rule is the simulator’s', () => {
    expect(MIN_RATED_VOLUME_NOTE).toBe(
      'Rates count toward review and pause only once 100 counted recipients were sent (simulated: SES does not publish this rule)',
    );
  });
});
