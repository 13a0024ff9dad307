/**
 * What Amazon SES would do on receiving a bounce or complaint like this one, in sentences for the
 * report view (reference/ses-facts.md §6 Suppression, §6.3 Soft bounces, §7 Reputation).
 */
import type { BounceReport, ComplaintReport } from '../mime/types.ts';
import {
  BOUNCE_PAUSE_RATE,
  BOUNCE_REVIEW_RATE,
  COMPLAINT_PAUSE_RATE,
  COMPLAINT_REVIEW_RATE,
  MAX_MAX_DELIVERY_SECONDS,
  MIN_MAX_DELIVERY_SECONDS,
} from '../ses/index.ts';
import { formatRate } from '../format/rate.ts';
import { formatDuration } from '../format/time.ts';

/** The consequences SES draws from a report, one sentence each. */
export function sesConsequence(report: BounceReport | ComplaintReport): string[] {
  if (report.kind === 'complaint') {
    return [
      'SES sends a Complaint notification (notificationType "Complaint") to the identity’s feedback topic.',
      'With the account-level suppression list on for COMPLAINT (the default for accounts made after 25 November 2019), the complaining recipients are added to it with reason COMPLAINT, and later sends to them are accepted but not delivered.',
      `The complaint counts toward the account’s complaint rate: under review at ${formatRate(COMPLAINT_REVIEW_RATE)}, sending may be paused at ${formatRate(COMPLAINT_PAUSE_RATE)}.`,
    ];
  }
  if (report.bounceType === 'Permanent') {
    const lines = [
      'A hard bounce: SES does not retry it and sends a Bounce notification (notificationType "Bounce", bounceType "Permanent").',
    ];
    if (report.bounceSubType === 'OnAccountSuppressionList') {
      lines.push(
        'The address was already on the account-level suppression list: nothing was sent, and this bounce does not count toward the bounce rate (it does count toward the daily quota).',
      );
    } else {
      lines.push(
        'With the account-level suppression list on for BOUNCE (the default for newer accounts), the recipients are added to it with reason BOUNCE; SES also puts them on its global suppression list for up to 14 days.',
        `It counts toward the account’s bounce rate (for domains you have not verified): under review at ${formatRate(BOUNCE_REVIEW_RATE)}, sending may be paused at ${formatRate(BOUNCE_PAUSE_RATE)}.`,
      );
    }
    return lines;
  }
  if (report.bounceType === 'Transient') {
    return [
      `A soft bounce: SES keeps retrying delivery for a while (a configuration set can cap it between ${formatDuration(MIN_MAX_DELIVERY_SECONDS * 1000)} and ${formatDuration(MAX_MAX_DELIVERY_SECONDS * 1000)}), reporting DeliveryDelay events meanwhile.`,
      'Only if it still fails does SES give up and send a Bounce notification with bounceType "Transient". The recipient is not suppressed, and soft bounces do not count toward the bounce rate.',
    ];
  }
  return [
    'SES cannot tell whether this bounce is permanent: it sends a Bounce notification with bounceType "Undetermined" and does not suppress the recipient.',
  ];
}
