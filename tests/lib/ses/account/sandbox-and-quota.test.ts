import { describe, expect, test } from 'vitest';
import { SesError } from '../../../../src/lib/ses/index.ts';
import {
  createSendingAccount,
  quotaError,
  recordSend,
  sentLast24Hours,
  setProductionAccess,
  setQuotas,
} from '../../../../src/lib/ses/account/sandbox-and-quota.ts';
import { rawRequest, simulator, thrown, T0 } from '../support.ts';

const HOUR = 60 * 60 * 1000;

describe('the sandbox', () => {
  test('a new account is in the sandbox with 200 per 24 hours and 1 per second', () => {
    const ses = simulator();
    expect(ses.getSendQuota()).toEqual({ Max24HourSend: 200, MaxSendRate: 1, SentLast24Hours: 0 });
    expect(ses.getAccount()).toMatchObject({
      ProductionAccessEnabled: false,
      SendingEnabled: true,
      EnforcementStatus: 'HEALTHY',
    });
  });

  test('a second send within a second is throttled with SES’s error, then allowed', () => {
    const ses = simulator();
    ses.sendEmail(rawRequest(['a@example.com']));
    ses.advance(999);
    const error = thrown(() => ses.sendEmail(rawRequest(['a@example.com']))) as SesError;
    expect(error).toBeInstanceOf(SesError);
    expect([error.code, error.statusCode, error.v1Code, error.message]).toEqual([
      'TooManyRequestsException',
      429,
      'Throttling',
      'Maximum sending rate exceeded.',
    ]);
    expect(error.smtpReply).toBe('454 Throttling failure: Maximum sending rate exceeded');
    ses.advance(1);
    expect(() => ses.sendEmail(rawRequest(['a@example.com']))).not.toThrow();
  });

  test('the 201st recipient in 24 hours is refused, and the window slides', () => {
    const ses = simulator();
    for (let i = 0; i < 200; i++) {
      ses.sendEmail(rawRequest([`r${i}@example.com`]));
      ses.advance(60_000);
    }
    expect(ses.getSendQuota().SentLast24Hours).toBe(200);
    const error = thrown(() => ses.sendEmail(rawRequest(['late@example.com']))) as SesError;
    expect([error.code, error.message]).toEqual([
      'TooManyRequestsException',
      'Daily message quota exceeded.',
    ]);
    expect(error.smtpReply).toBe('454 Throttling failure: Daily message quota exceeded.');
    // The first send leaves the window 24 hours after it was made.
    ses.advance(24 * HOUR - 200 * 60_000 + 1);
    expect(ses.getSendQuota().SentLast24Hours).toBe(199);
    expect(() => ses.sendEmail(rawRequest(['late@example.com']))).not.toThrow();
  });

  test('quotas count recipients, not messages; a refused send counts nothing', () => {
    const ses = simulator({ sandbox: false });
    ses.setSendQuota({ max24HourSend: 5, maxSendRate: 50 });
    ses.sendEmail(rawRequest(['a@x.example', 'b@x.example', 'c@x.example']));
    expect(ses.getSendQuota().SentLast24Hours).toBe(3);
    expect(() => ses.sendEmail(rawRequest(['d@x.example', 'e@x.example', 'f@x.example']))).toThrow(
      'Daily message quota exceeded.',
    );
    expect(ses.getSendQuota().SentLast24Hours).toBe(3);
    expect(ses.messages()).toHaveLength(1);
  });

  test('one call may overdraw the rate; later calls wait until it has refilled', () => {
    const ses = simulator({ sandbox: false });
    ses.setSendQuota({ maxSendRate: 2 });
    ses.sendEmail(
      rawRequest(['a@x.example', 'b@x.example', 'c@x.example', 'd@x.example', 'e@x.example']),
    );
    ses.advance(1_999);
    expect(() => ses.sendEmail(rawRequest(['f@x.example']))).toThrow(
      'Maximum sending rate exceeded.',
    );
    ses.advance(1);
    expect(() => ses.sendEmail(rawRequest(['f@x.example']))).not.toThrow();
  });
});

describe('production access', () => {
  test('switching to production gives production quotas and lifts the recipient check', () => {
    const ses = simulator();
    expect(() => ses.sendEmail(rawRequest(['someone@else.example']))).toThrow(/not verified/);
    ses.setProductionAccess(true);
    expect(ses.getSendQuota()).toEqual({
      Max24HourSend: 50_000,
      MaxSendRate: 14,
      SentLast24Hours: 0,
    });
    expect(() => ses.sendEmail(rawRequest(['someone@else.example']))).not.toThrow();
    ses.setProductionAccess(true, { max24HourSend: 1_000_000, maxSendRate: 500 });
    expect(ses.getSendQuota().Max24HourSend).toBe(1_000_000);
    ses.setProductionAccess(false);
    expect(ses.getSendQuota()).toMatchObject({ Max24HourSend: 200, MaxSendRate: 1 });
  });

  test('-1 means no daily limit; nonsense quotas are misuse', () => {
    let account = setQuotas(createSendingAccount(false, T0), {
      max24HourSend: -1,
      maxSendRate: 1000,
    });
    account = recordSend(account, T0, 50, 50);
    expect(quotaError(account, T0 + 1000, 50, 50)).toBeUndefined();
    expect(() => setQuotas(account, { max24HourSend: 1.5 })).toThrow(RangeError);
    expect(() => setQuotas(account, { maxSendRate: 0 })).toThrow(RangeError);
    expect(setProductionAccess(account, false).max24HourSend).toBe(200);
  });

  test('the send log keeps only the trailing window', () => {
    let account = createSendingAccount(true, T0);
    account = recordSend(account, T0, 1, 1);
    account = recordSend(account, T0 + 25 * HOUR, 1, 1);
    expect(account.sendLog).toHaveLength(1);
    expect(sentLast24Hours(account, T0 + 25 * HOUR)).toBe(1);
  });
});

describe('pausing', () => {
  test('a paused account or configuration set cannot send', () => {
    const ses = simulator();
    ses.setSendingEnabled(false);
    expect(ses.getAccount().EnforcementStatus).toBe('SHUTDOWN');
    const error = thrown(() =>
      ses.sendEmail(rawRequest(['success@simulator.amazonses.com'])),
    ) as SesError;
    expect([error.code, error.v1Code]).toEqual([
      'SendingPausedException',
      'AccountSendingPausedException',
    ]);
    ses.setSendingEnabled(true);
    ses.putConfigurationSet({
      name: 'Paused',
      eventDestinations: [],
      tags: [],
      sendingEnabled: false,
    });
    const setError = thrown(() =>
      ses.sendEmail({
        ...rawRequest(['success@simulator.amazonses.com']),
        ConfigurationSetName: 'Paused',
      }),
    ) as SesError;
    expect([setError.code, setError.v1Code]).toEqual([
      'SendingPausedException',
      'ConfigurationSetSendingPausedException',
    ]);
  });
});
