/**
 * The simulator's own bounce emails, opened in Inspect, must read back as the bounce type and
 * subtype the simulator's notification gave: every mailbox simulator outcome, every outcome-rule
 * bounce (hard and soft, synchronous and asynchronous, each status with a wording of its own) and
 * the account's suppression list.
 */
import { describe, expect, test } from 'vitest';
import { inspectMessage } from '../../../src/lib/mime/index.ts';
import type { OutcomeRule } from '../../../src/lib/ses/account/outcome-rules.ts';
import { createSesSimulator } from '../../../src/lib/ses/index.ts';
import { simpleRequest, T0, withNotificationTopics } from '../ses/support.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const DAY = 24 * 3_600_000;
// 5.2.2 and 5.3.4 are left out: SES reports a full mailbox or an oversized message as Transient
// whatever the class, while the simulator's hard-bounce rules report every 5.x.x as Permanent.
const HARD = ['5.0.0', '5.1.1', '5.1.2', '5.1.3', '5.1.6', '5.1.10', '5.2.1', '5.4.4', '5.7.1'];
const SOFT = ['4.0.0', '4.2.2', '4.2.3', '4.3.4', '4.4.1', '4.6.0', '4.7.1'];

/** One rule per status and timing, each for its own domain, and what each one reads back as. */
function rules(): OutcomeRule[] {
  const list: OutcomeRule[] = [];
  for (const timing of ['synchronous', 'asynchronous'] as const) {
    for (const status of HARD) {
      list.push({
        pattern: `*@h${status.replaceAll('.', '-')}-${timing}.example`,
        outcome: { kind: 'hard-bounce', status, timing },
      });
    }
    for (const status of SOFT) {
      list.push({
        pattern: `*@s${status.replaceAll('.', '-')}-${timing}.example`,
        outcome: { kind: 'soft-bounce', status, timing },
      });
    }
  }
  return list;
}

async function readBack(recipients: string[], suppressed: string[] = []) {
  const list = rules();
  const ses = createSesSimulator({
    now: () => new Date(T0),
    seed: 7,
    sandbox: false,
    outcomeRules: list,
  });
  ses.verifyIdentity('example.com');
  withNotificationTopics(ses, 'example.com');
  for (const address of suppressed) ses.putSuppressedDestination(address, 'BOUNCE');
  for (const recipient of recipients) {
    ses.sendEmail(simpleRequest([recipient]));
    ses.advance(1_000); // within the sending rate
  }
  ses.advance(2 * DAY);
  const bounces = (ses.notifications() as Json[]).filter((n) => n.notificationType === 'Bounce');
  const emails = ses.feedbackEmails().filter((email) => email.kind === 'bounce');
  const pairs: Array<{ address: string; sent: string; read: string }> = [];
  for (const email of emails) {
    const report = (await inspectMessage(email.raw)).report as Json;
    const address = report.recipients[0].emailAddress as string;
    const note = bounces.find((n) => n.bounce.bouncedRecipients[0].emailAddress === address)!;
    pairs.push({
      address,
      sent: `${note.bounce.bounceType}/${note.bounce.bounceSubType}`,
      read: `${report.bounceType}/${report.bounceSubType}`,
    });
  }
  return pairs;
}

describe("the simulator's bounce emails read back as its notifications", () => {
  test('every outcome-rule bounce, the mailbox simulator and the suppression list', async () => {
    const recipients = [
      'bounce@simulator.amazonses.com',
      'suppressionlist@simulator.amazonses.com',
      'ooto@simulator.amazonses.com',
      'kept-out@example.net',
      ...rules().map((rule) => rule.pattern.replace('*', 'someone')),
    ];
    const pairs = await readBack(recipients, ['kept-out@example.net']);
    // Every bounce but the out-of-office reply (an auto-reply, not a bounce email) was forwarded.
    expect(pairs.length).toBeGreaterThanOrEqual(recipients.length - 1);
    for (const pair of pairs) expect(pair.read, pair.address).toBe(pair.sent);
    expect(pairs.map((pair) => pair.sent)).toEqual(
      expect.arrayContaining([
        'Permanent/General',
        'Permanent/Suppressed',
        'Permanent/OnAccountSuppressionList',
        'Transient/MailboxFull',
        'Transient/MessageTooLarge',
        'Transient/ContentRejected',
        'Transient/General',
      ]),
    );
  });
});
