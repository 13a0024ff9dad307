/**
 * How far a recipient's delivery has got, and the only way it moves on. Every change of a
 * recipient's status goes through {@link moveRecipient}, which holds it to the transitions SES's
 * delivery allows: a recipient is tried (and perhaps delayed and retried) until it is delivered or
 * bounces; mail accepted and later found undeliverable bounces after delivery (an asynchronous
 * bounce); suppression and rejection happen before any attempt. Nothing leaves a final state.
 */
import type { RecipientRecord, RecipientStatus } from '../api/state.ts';

/** Which statuses each status may move to. */
export const RECIPIENT_TRANSITIONS: Readonly<Record<RecipientStatus, readonly RecipientStatus[]>> =
  {
    pending: ['delayed', 'delivered', 'bounced', 'suppressed', 'rejected'],
    // A retry that fails again keeps the recipient delayed.
    delayed: ['delayed', 'delivered', 'bounced'],
    // An asynchronous bounce: the receiving server accepted the mail, then sent a DSN.
    delivered: ['bounced'],
    bounced: [],
    suppressed: [],
    rejected: [],
  };

/** Every recipient status, in the order a delivery goes through them. */
export const RECIPIENT_STATUSES = Object.keys(RECIPIENT_TRANSITIONS) as RecipientStatus[];

/** Whether a recipient may go from one status to another. */
export function canMoveRecipient(from: RecipientStatus, to: RecipientStatus): boolean {
  return (RECIPIENT_TRANSITIONS[from] ?? []).includes(to);
}

/** Move a recipient to a status; RangeError when its current status does not allow it. */
export function moveRecipient(recipient: RecipientRecord, to: RecipientStatus): void {
  if (!canMoveRecipient(recipient.status, to)) {
    throw new RangeError(
      `Recipient ${recipient.emailAddress} cannot go from ${recipient.status} to ${to}.`,
    );
  }
  recipient.status = to;
}
