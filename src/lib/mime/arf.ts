/**
 * Abuse reports in the Abuse Reporting Format (RFC 5965) read into a `ComplaintReport`, with the
 * fields SES puts in its complaint notifications.
 */
import { readReportBlocks, recipientAddress } from './report-fields.ts';
import type { ComplaintReport } from './types.ts';

/** What the enclosed original message (third part of the report) says, when it is there. */
export interface OriginalMessageHints {
  messageId?: string;
  /** The original To addresses: SES infers complained recipients from them when the ISP redacts. */
  to?: string[];
}

/**
 * Read the text of a `message/feedback-report` part. Complained recipients are the
 * Original-Rcpt-To fields (RFC 5965 §3.2); when there are none, the original message's To.
 */
export function readFeedbackReport(
  text: string,
  original: OriginalMessageHints = {},
): ComplaintReport {
  const fields = readReportBlocks(text).flat();
  const get = (name: string) => fields.find((f) => f.name === name)?.value;
  const report: ComplaintReport = { kind: 'complaint', complainedRecipients: [] };
  const feedbackType = get('feedback-type');
  if (feedbackType) report.feedbackType = feedbackType.toLowerCase();
  const userAgent = get('user-agent');
  if (userAgent) report.userAgent = userAgent;
  const arrivalDate = get('arrival-date') ?? get('received-date');
  if (arrivalDate) report.arrivalDate = arrivalDate;
  const recipients = fields
    .filter((f) => f.name === 'original-rcpt-to')
    .map((f) => recipientAddress(f.value))
    .filter((address) => address.includes('@'));
  report.complainedRecipients =
    recipients.length > 0 ? [...new Set(recipients)] : [...new Set(original.to ?? [])];
  if (original.messageId) report.originalMessageId = original.messageId;
  return report;
}
