import { describe, expect, test } from 'vitest';
import type { RecipientRecord } from '../../../../src/lib/ses/index.ts';
import {
  canMoveRecipient,
  moveRecipient,
  RECIPIENT_STATUSES,
  RECIPIENT_TRANSITIONS,
} from '../../../../src/lib/ses/outbound/recipient-status.ts';
import { simulator, thrown } from '../support.ts';

function recipient(status: RecipientRecord['status']): RecipientRecord {
  return {
    emailAddress: 'a@x.example',
    route: 'outcome-rule',
    plan: { kind: 'deliver', smtpResponse: '250 Ok' },
    status,
    complained: false,
    countsForReputation: true,
  };
}

describe('recipient status transitions', () => {
  test('every allowed move is made and every other one is a RangeError', () => {
    for (const from of RECIPIENT_STATUSES) {
      for (const to of RECIPIENT_STATUSES) {
        const r = recipient(from);
        if (RECIPIENT_TRANSITIONS[from].includes(to)) {
          moveRecipient(r, to);
          expect(r.status).toBe(to);
        } else {
          const error = thrown(() => moveRecipient(r, to));
          expect(error).toBeInstanceOf(RangeError);
          expect((error as Error).message).toBe(
            `Recipient a@x.example cannot go from ${from} to ${to}.`,
          );
          expect(r.status).toBe(from);
        }
      }
    }
  });

  test('final states are final and nothing goes back to pending', () => {
    for (const final of ['bounced', 'suppressed', 'rejected'] as const) {
      expect(RECIPIENT_TRANSITIONS[final]).toEqual([]);
    }
    for (const from of RECIPIENT_STATUSES) expect(canMoveRecipient(from, 'pending')).toBe(false);
    expect(canMoveRecipient('delivered', 'bounced')).toBe(true);
  });

  test('a saved state with a recipient status the simulator does not know is refused', () => {
    const ses = simulator();
    ses.sendEmail({
      FromEmailAddress: 'sender@example.com',
      Destination: { ToAddresses: ['success@simulator.amazonses.com'] },
      Content: { Simple: { Subject: { Data: 's' }, Body: { Text: { Data: 'b' } } } },
    });
    const saved = JSON.parse(JSON.stringify(ses.exportState()));
    saved.messages[0].recipients[0].status = 'lost';
    expect(() => simulator().importState(saved)).toThrow(/messages\[0\]\.recipients\[0\]\.status/);
  });
});
