import { describe, expect, test } from 'vitest';
import { SesError } from '../../../../src/lib/ses/index.ts';
import {
  GLOBAL_SUPPRESSION_MAX_MS,
  isGloballySuppressed,
  recordGlobalHardBounce,
} from '../../../../src/lib/ses/account/suppression.ts';
import { rawRequest, simulator, summaries, thrown, T0 } from '../support.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const DAY = 24 * 60 * 60 * 1000;

describe('the account-level suppression list', () => {
  test('addresses are added, listed with reason and time, and removed by hand', () => {
    const ses = simulator();
    ses.putSuppressedDestination('Ann@X.example', 'COMPLAINT');
    ses.advance(5_000);
    ses.putSuppressedDestination('bob@x.example', 'BOUNCE');
    expect(ses.listSuppressedDestinations()).toEqual({
      SuppressedDestinationSummaries: [
        {
          EmailAddress: 'Ann@X.example',
          Reason: 'COMPLAINT',
          LastUpdateTime: new Date(T0).toISOString(),
        },
        {
          EmailAddress: 'bob@x.example',
          Reason: 'BOUNCE',
          LastUpdateTime: new Date(T0 + 5_000).toISOString(),
        },
      ],
    });
    ses.putSuppressedDestination('ann@x.example', 'BOUNCE');
    expect(summaries(ses).map((e) => [e.EmailAddress, e.Reason])).toEqual([
      ['bob@x.example', 'BOUNCE'],
      ['ann@x.example', 'BOUNCE'],
    ]);
    ses.deleteSuppressedDestination('ANN@x.example');
    expect(summaries(ses).map((e) => e.EmailAddress)).toEqual(['bob@x.example']);
    const error = thrown(() => ses.deleteSuppressedDestination('nobody@x.example')) as SesError;
    expect([error.code, error.statusCode]).toEqual(['NotFoundException', 404]);
  });

  test('bad addresses and reasons are refused', () => {
    const ses = simulator();
    expect((thrown(() => ses.putSuppressedDestination('nope', 'BOUNCE')) as SesError).message).toBe(
      "Missing final '@domain'",
    );
    expect(
      (thrown(() => ses.putSuppressedDestination('a@x.example', 'SPAM' as 'BOUNCE')) as SesError)
        .code,
    ).toBe('BadRequestException');
  });

  test('a send to a suppressed address is accepted and bounces OnAccountSuppressionList', () => {
    const ses = simulator();
    ses.verifyIdentity('x.example');
    ses.putSuppressedDestination('gone@x.example', 'BOUNCE');
    const { MessageId } = ses.sendEmail(rawRequest(['gone@x.example']));
    expect(MessageId).toMatch(/^0100[0-9a-f]{12}-/);
    ses.advance(10_000);
    const notes = ses.notifications() as Json[];
    expect(notes).toHaveLength(1);
    expect(notes[0]?.bounce).toMatchObject({
      bounceType: 'Permanent',
      bounceSubType: 'OnAccountSuppressionList',
      reportingMTA: 'dns; amazonses.com',
      bouncedRecipients: [
        {
          emailAddress: 'gone@x.example',
          action: 'failed',
          status: '5.1.1',
          diagnosticCode:
            'Amazon SES did not send the message to this address because it is on the suppression list for your account. For more information about removing addresses from the suppression list, see the Amazon SES Developer Guide at https://docs.aws.amazon.com/ses/latest/DeveloperGuide/sending-email-suppression-list.html',
        },
      ],
    });
    // Counts toward the daily quota, not toward the bounce rate.
    expect(ses.getSendQuota().SentLast24Hours).toBe(1);
    expect(ses.reputation()).toMatchObject({ sent: 0, bounces: 0 });
  });

  test('an address suppressed for complaints is reported as a complaint OnAccountSuppressionList', () => {
    const ses = simulator({ sandbox: false });
    ses.putSuppressedDestination('angry@x.example', 'COMPLAINT');
    ses.sendEmail(rawRequest(['angry@x.example', 'fine@x.example']));
    ses.advance(10_000);
    const notes = ses.notifications() as Json[];
    expect(notes.map((n) => n.notificationType)).toEqual(['Delivery', 'Complaint']);
    expect(notes[1]?.complaint).toEqual({
      complainedRecipients: [{ emailAddress: 'angry@x.example' }],
      timestamp: expect.any(String),
      feedbackId: expect.stringMatching(/-000000$/),
      complaintSubType: 'OnAccountSuppressionList',
    });
    expect(ses.messages()[0]?.recipients.map((r) => r.status)).toEqual(['suppressed', 'delivered']);
    expect(ses.reputation()).toMatchObject({ sent: 1, complaints: 0 });
  });

  test('only the reasons in use suppress; a configuration set can override them', () => {
    const ses = simulator({ sandbox: false });
    ses.putSuppressedDestination('c@x.example', 'COMPLAINT');
    ses.putAccountSuppressionAttributes(['BOUNCE']);
    ses.sendEmail(rawRequest(['c@x.example']));
    ses.advance(10_000);
    expect((ses.notifications() as Json[]).map((n) => n.notificationType)).toEqual(['Delivery']);
    ses.putConfigurationSet({
      name: 'Strict',
      eventDestinations: [],
      tags: [],
      sendingEnabled: true,
      suppressedReasons: ['COMPLAINT'],
    });
    ses.sendEmail({ ...rawRequest(['c@x.example']), ConfigurationSetName: 'Strict' });
    ses.advance(10_000);
    expect((ses.notifications() as Json[])[1]?.complaint.complaintSubType).toBe(
      'OnAccountSuppressionList',
    );
    expect(ses.getAccount().SuppressionAttributes).toEqual({ SuppressedReasons: ['BOUNCE'] });
  });
});

describe('the global suppression list', () => {
  test('a hard bounce puts an address on it for a time that grows up to 14 days', () => {
    let list = recordGlobalHardBounce([], 'A@x.example', T0);
    expect(isGloballySuppressed(list, 'a@x.example', T0 + DAY - 1)).toBe(true);
    expect(isGloballySuppressed(list, 'a@x.example', T0 + DAY)).toBe(false);
    for (let i = 0; i < 10; i++) list = recordGlobalHardBounce(list, 'a@x.example', T0);
    expect(list[0]?.until).toBe(T0 + GLOBAL_SUPPRESSION_MAX_MS);
  });

  test('without an account-level list a globally suppressed address bounces Suppressed and counts', () => {
    const ses = simulator({
      sandbox: false,
      outcomeRules: [{ pattern: 'gone@*', outcome: { kind: 'hard-bounce', status: '5.1.1' } }],
    });
    ses.putAccountSuppressionAttributes([]);
    ses.sendEmail(rawRequest(['gone@x.example']));
    ses.advance(10_000);
    ses.setOutcomeRules([]);
    ses.sendEmail(rawRequest(['gone@x.example']));
    ses.advance(10_000);
    const bounces = (ses.notifications() as Json[]).map((n) => n.bounce?.bounceSubType);
    expect(bounces).toEqual(['General', 'Suppressed']);
    expect(summaries(ses)).toEqual([]);
    expect(ses.reputation()).toMatchObject({ sent: 2, bounces: 2 });
  });

  test('with the account-level list in use, the global list is overridden and delivery is attempted', () => {
    const ses = simulator({
      sandbox: false,
      outcomeRules: [{ pattern: 'gone@*', outcome: { kind: 'hard-bounce', status: '5.1.1' } }],
    });
    ses.sendEmail(rawRequest(['gone@x.example']));
    ses.advance(10_000);
    ses.deleteSuppressedDestination('gone@x.example');
    ses.setOutcomeRules([]);
    ses.sendEmail(rawRequest(['gone@x.example']));
    ses.advance(10_000);
    expect((ses.notifications() as Json[]).map((n) => n.notificationType)).toEqual([
      'Bounce',
      'Delivery',
    ]);
  });
});
