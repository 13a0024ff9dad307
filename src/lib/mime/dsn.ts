/**
 * Delivery status notifications (RFC 3464) read into a `BounceReport`, classified the way SES
 * classifies bounces (see SES's notification contents: bounce types and subtypes).
 */
import { type ReportField, readReportBlocks, recipientAddress } from './report-fields.ts';
import type { BounceReport } from './types.ts';

type Recipient = BounceReport['recipients'][number];

const STATUS_PATTERN = /\b([245])\.(\d{1,3})\.(\d{1,3})\b/;
const REPLY_PATTERN = /\b([45])\d\d\b/;

/** The RFC 3463 status code in a text, e.g. `5.1.1`, if there is one. */
export function findStatusCode(text: string | undefined): string | undefined {
  const match = text ? STATUS_PATTERN.exec(text) : null;
  return match ? `${match[1]}.${match[2]}.${match[3]}` : undefined;
}

/** The last RFC 3463 status code in a text (the quoted reply of an expiry notice). */
function lastStatusCode(text: string): string | undefined {
  let last: string | undefined;
  for (const match of text.matchAll(new RegExp(STATUS_PATTERN, 'g'))) {
    last = `${match[1]}.${match[2]}.${match[3]}`;
  }
  return last;
}

/** SES's bounce type and subtype for one failure. */
export interface BounceClassification {
  bounceType: BounceReport['bounceType'];
  bounceSubType: string;
}

/**
 * Classify one failure as SES does: 5.x.x is Permanent, 4.x.x Transient, anything else
 * Undetermined. SES lists MailboxFull and MessageTooLarge only as Transient subtypes, so a full
 * mailbox (X.2.2) or an oversized message (X.3.4, X.2.3) is Transient whether the server said 4
 * or 5. Any other Permanent bounce is `General`, as SES reports a 5.1.1 "user unknown" (its
 * mailbox simulator and the notifications it publishes for ISPs' DSNs); only SES's own
 * suppression wording makes it `Suppressed` or `OnAccountSuppressionList`. Other Transient
 * subtypes follow the status (X.7.1 and X.6.0 ContentRejected, as the simulator has them), else
 * the wording for rejected attachments or content. Without a status, the
 * SMTP reply code in the diagnostic (5yz, 4yz) decides, and `delayed` means Transient.
 */
export function classifyFailure(
  status: string | undefined,
  diagnostic = '',
  action = '',
): BounceClassification {
  let code = findStatusCode(status) ?? findStatusCode(diagnostic);
  if (!code) {
    const reply = REPLY_PATTERN.exec(diagnostic);
    if (reply) code = `${reply[1]}.0.0`;
  }
  const text = diagnostic.toLowerCase();
  if (text.includes('suppression list for your account')) {
    return { bounceType: 'Permanent', bounceSubType: 'OnAccountSuppressionList' };
  }
  if (text.includes('amazon ses has suppressed sending to this address')) {
    return { bounceType: 'Permanent', bounceSubType: 'Suppressed' };
  }
  if (!code) {
    return action.toLowerCase() === 'delayed'
      ? { bounceType: 'Transient', bounceSubType: 'General' }
      : { bounceType: 'Undetermined', bounceSubType: 'Undetermined' };
  }
  const [klass, subject, detail] = code.split('.');
  const sub = `${subject}.${detail}`;
  if (sub === '2.2') return { bounceType: 'Transient', bounceSubType: 'MailboxFull' };
  if (sub === '3.4' || sub === '2.3') {
    return { bounceType: 'Transient', bounceSubType: 'MessageTooLarge' };
  }
  if (klass === '5') return { bounceType: 'Permanent', bounceSubType: 'General' };
  if (klass === '4') {
    // X.4.7, delivery time expired: SES quotes the last reply it had (`… 840 minutes.<452 4.2.2
    // mailbox full>`), and that reply's status is the reason.
    const last = subject === '4' && detail === '7' ? lastStatusCode(diagnostic) : undefined;
    const reason = last?.startsWith('4.') ? last.slice(2) : sub;
    return { bounceType: 'Transient', bounceSubType: transientSubType(reason, text) };
  }
  return { bounceType: 'Undetermined', bounceSubType: 'Undetermined' };
}

function transientSubType(sub: string, text: string): string {
  if (sub === '2.2') return 'MailboxFull';
  if (sub === '3.4' || sub === '2.3') return 'MessageTooLarge';
  if (sub === '7.1' || sub === '6.0') return 'ContentRejected';
  if (/attachment/.test(text) && /(reject|block|not allowed|prohibit)/.test(text)) {
    return 'AttachmentRejected';
  }
  if (/(content|spam)/.test(text) && /(reject|block|refus)/.test(text)) return 'ContentRejected';
  return 'General';
}

const SEVERITY: Record<BounceReport['bounceType'], number> = {
  Permanent: 3,
  Transient: 2,
  Undetermined: 1,
};

/**
 * The classification of a whole report: its most severe recipient decides, and among equally
 * severe ones a specific subtype wins over General.
 */
export function classifyRecipients(recipients: readonly Recipient[]): BounceClassification {
  let best: BounceClassification = { bounceType: 'Undetermined', bounceSubType: 'Undetermined' };
  for (const recipient of recipients) {
    if (recipient.action && /^(delivered|relayed|expanded)$/i.test(recipient.action)) continue;
    const next = classifyFailure(recipient.status, recipient.diagnosticCode, recipient.action);
    const worse = SEVERITY[next.bounceType] > SEVERITY[best.bounceType];
    const sharper =
      next.bounceType === best.bounceType &&
      best.bounceSubType === 'General' &&
      next.bounceSubType !== 'General';
    if (worse || sharper) best = next;
  }
  return best;
}

function field(block: readonly ReportField[], name: string): string | undefined {
  return block.find((f) => f.name === name)?.value;
}

/** Per-message fields of RFC 3464 §2.2: they never belong to a recipient. */
const PER_MESSAGE_FIELDS = new Set([
  'original-envelope-id',
  'reporting-mta',
  'dsn-gateway',
  'received-from-mta',
  'arrival-date',
]);

/** Whether `name` begins another recipient's fields: the current one already has that field. */
function startsRecipient(current: readonly ReportField[], name: string): boolean {
  return current.some((f) => f.name === name);
}

/**
 * Read the text of a `message/delivery-status` part into a bounce report. A blank line ends a
 * recipient's fields; without one, a repeated field begins the next recipient. Fields are taken
 * in any order within a recipient: SES's own reports put Action before Final-Recipient.
 */
export function readDeliveryStatus(text: string): BounceReport {
  const perMessage: ReportField[] = [];
  const blocks: ReportField[][] = [];
  for (const block of readReportBlocks(text)) {
    const aboutRecipients = block.some(
      (f) => f.name === 'final-recipient' || f.name === 'original-recipient',
    );
    let current: ReportField[] | undefined;
    for (const f of block) {
      if (PER_MESSAGE_FIELDS.has(f.name) || !aboutRecipients) {
        perMessage.push(f);
        continue;
      }
      if (!current || startsRecipient(current, f.name)) {
        current = [];
        blocks.push(current);
      }
      current.push(f);
    }
  }
  const recipients: Recipient[] = [];
  for (const block of blocks) {
    const address = field(block, 'final-recipient') ?? field(block, 'original-recipient');
    if (!address) continue;
    const recipient: Recipient = { emailAddress: recipientAddress(address) };
    const action = field(block, 'action');
    if (action) recipient.action = action.toLowerCase().split(/\s/)[0]!;
    const status = field(block, 'status');
    if (status) recipient.status = findStatusCode(status) ?? status;
    const diagnostic = field(block, 'diagnostic-code');
    if (diagnostic) recipient.diagnosticCode = diagnostic;
    recipients.push(recipient);
  }
  const classification = classifyRecipients(recipients);
  const report: BounceReport = { kind: 'bounce', ...classification, recipients };
  const reportingMTA = field(perMessage, 'reporting-mta');
  if (reportingMTA) report.reportingMTA = reportingMTA;
  return report;
}
