/**
 * How the SES workspace colours a status: each maps to one of the shared pill tones, so that a
 * recipient's fate, a rate against SES's thresholds and an account's standing read alike.
 */
import type { EnforcementStatus, RateStatus, SentMessageView } from '../../ses/index.ts';

/** A pill tone: the `pill-<tone>` class of the shared styles. */
export type Tone = 'ok' | 'warn' | 'error' | 'info';

/** One pill: its word and its tone. */
export interface StatusPill {
  label: string;
  tone: Tone;
}

type RecipientView = SentMessageView['recipients'][number];

const RECIPIENT_TONES: Record<RecipientView['status'], Tone> = {
  pending: 'info',
  delayed: 'warn',
  delivered: 'ok',
  bounced: 'error',
  suppressed: 'warn',
  rejected: 'error',
};

/** What became of a recipient, as pills: its delivery status, and `complained` when it did. */
export function recipientPills(
  recipient: Pick<RecipientView, 'status' | 'complained'>,
): StatusPill[] {
  const pills: StatusPill[] = [
    { label: recipient.status, tone: RECIPIENT_TONES[recipient.status] },
  ];
  if (recipient.complained) pills.push({ label: 'complained', tone: 'error' });
  return pills;
}

/** A rate's standing against SES's review and pause thresholds. */
export function rateTone(status: RateStatus): Tone {
  return status === 'HEALTHY' ? 'ok' : status === 'UNDER_REVIEW' ? 'warn' : 'error';
}

/** The account's enforcement status (HEALTHY, PROBATION, SHUTDOWN). */
export function enforcementTone(status: EnforcementStatus): Tone {
  return status === 'HEALTHY' ? 'ok' : status === 'PROBATION' ? 'warn' : 'error';
}

/** A notification's or event's type: feedback that hurts is red, a delay amber. */
export function feedbackTone(type: string): Tone {
  if (type === 'Bounce' || type === 'Complaint' || type === 'Reject') return 'error';
  if (type === 'DeliveryDelay' || type === 'Rendering Failure') return 'warn';
  if (type === 'Delivery') return 'ok';
  return 'info';
}
