/**
 * Email feedback forwarding: the bounce (RFC 3464) and complaint (RFC 5965) emails SES sends to a
 * message's feedback address, on by default for every identity (ses-facts §5.1: SES notifies
 * "through email or through SNS"). Each email encloses the original message's header section, as
 * the RFCs allow, so that it reads back as the same report.
 *
 * SES does not publish these emails' exact wording; the human-readable part says that the
 * simulator wrote it, and the machine-readable parts carry the fields the RFCs define.
 */
import {
  decodeBase64,
  encodeBase64,
  encodeUnstructured,
  foldHeader,
  formatDate,
} from '../../mime/index.ts';
import { sesMessageId } from '../api/ids.ts';
import type { FeedbackEmailRecord, SentMessage, SesSimulatorState } from '../api/state.ts';
import type { BounceObject } from './notifications.ts';

/** Who SES's forwarded bounces come from. */
export const BOUNCE_EMAIL_FROM = 'MAILER-DAEMON@amazonses.com';
/** Who SES's forwarded complaints come from. */
export const COMPLAINT_EMAIL_FROM = 'complaints@email-abuse.amazonses.com';

const CRLF = '\r\n';
const SIMULATED_NOTE =
  'This report was written by the Mailwright SES simulator; SES does not publish the wording of its feedback emails.';

/** The original message's header section (up to its blank line), as text. */
function originalHeaderSection(message: SentMessage): string {
  const raw = decodeBase64(message.deliveredRaw);
  let end = raw.length;
  for (let i = 0; i + 3 < raw.length; i++) {
    if (raw[i] === 13 && raw[i + 1] === 10 && raw[i + 2] === 13 && raw[i + 3] === 10) {
      end = i + 2;
      break;
    }
  }
  // One character a byte, so that any 8-bit byte goes back out unchanged.
  let text = '';
  for (let i = 0; i < end; i += 8192) {
    text += String.fromCharCode(...raw.subarray(i, Math.min(end, i + 8192)));
  }
  return text;
}

interface ReportParts {
  from: string;
  to: string;
  subject: string;
  at: number;
  reportType: 'delivery-status' | 'feedback-report';
  human: string;
  machineType: 'message/delivery-status' | 'message/feedback-report';
  machine: string;
  original: string;
}

/** Assemble a multipart/report, CRLF line ends, 7-bit. */
function assembleReport(state: SesSimulatorState, parts: ReportParts): Uint8Array {
  const id = sesMessageId(state.random, state.region, parts.at);
  const boundary = `=_report_${id.slice(0, 16)}`;
  const header = (name: string, value: string) => foldHeader(name, value) + CRLF;
  const text = [
    header('From', parts.from),
    header('To', parts.to),
    header('Subject', encodeUnstructured(parts.subject)),
    header('Date', formatDate(new Date(parts.at))),
    header('Message-ID', `<${id}@email.amazonses.com>`),
    header('MIME-Version', '1.0'),
    header(
      'Content-Type',
      `multipart/report; report-type=${parts.reportType}; boundary="${boundary}"`,
    ),
    CRLF,
    `--${boundary}${CRLF}`,
    `Content-Type: text/plain; charset=us-ascii${CRLF}`,
    `Content-Transfer-Encoding: 7bit${CRLF}${CRLF}`,
    `${parts.human}${CRLF}${CRLF}${SIMULATED_NOTE}${CRLF}`,
    `--${boundary}${CRLF}`,
    `Content-Type: ${parts.machineType}${CRLF}${CRLF}`,
    parts.machine,
    `--${boundary}${CRLF}`,
    `Content-Type: text/rfc822-headers${CRLF}${CRLF}`,
    parts.original,
    `--${boundary}--${CRLF}`,
  ].join('');
  // The original's header section may hold 8-bit bytes, read one character a byte.
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  return bytes;
}

/** An RFC 3464 field line, or nothing when the value is absent. */
function field(name: string, value: string | undefined): string {
  return value === undefined ? '' : `${name}: ${value}${CRLF}`;
}

/** The bounce email SES forwards for a bounce notification (RFC 3464). */
export function bounceEmail(
  state: SesSimulatorState,
  message: SentMessage,
  to: string,
  bounce: BounceObject,
  at: number,
): Uint8Array {
  const perRecipient = bounce.bouncedRecipients
    .map(
      (r) =>
        CRLF +
        field('Action', r.action ?? (bounce.bounceType === 'Permanent' ? 'failed' : 'delayed')) +
        field('Final-Recipient', `rfc822; ${r.emailAddress}`) +
        field('Diagnostic-Code', r.diagnosticCode) +
        field('Status', r.status ?? (bounce.bounceType === 'Permanent' ? '5.0.0' : '4.0.0')) +
        field('Remote-MTA', bounce.remoteMtaIp && `dns; ${bounce.remoteMtaIp}`),
    )
    .join('');
  const machine =
    field('Reporting-MTA', bounce.reportingMTA ?? 'dns; amazonses.com') +
    field('X-Original-Message-ID', `<${message.mail.messageId}@email.amazonses.com>`) +
    field('Arrival-Date', formatDate(new Date(message.acceptedAt))) +
    perRecipient +
    CRLF;
  return assembleReport(state, {
    from: BOUNCE_EMAIL_FROM,
    to,
    subject: 'Delivery Status Notification (Failure)',
    at,
    reportType: 'delivery-status',
    human:
      'An error occurred while trying to deliver the mail to the following recipients:' +
      CRLF +
      bounce.bouncedRecipients.map((r) => r.emailAddress).join(CRLF),
    machineType: 'message/delivery-status',
    machine,
    original: originalHeaderSection(message),
  });
}

/** The complaint email SES forwards for a complaint (RFC 5965 Abuse Reporting Format). */
export function complaintEmail(
  state: SesSimulatorState,
  message: SentMessage,
  to: string,
  complaint: {
    complainedRecipients: Array<{ emailAddress: string }>;
    complaintFeedbackType?: string;
    userAgent?: string;
    arrivalDate?: string;
  },
  at: number,
): Uint8Array {
  const machine =
    field('Feedback-Type', complaint.complaintFeedbackType ?? 'abuse') +
    field('User-Agent', complaint.userAgent ?? 'Amazon SES') +
    field('Version', '1') +
    field('Original-Mail-From', `<${message.mail.messageId}@amazonses.com>`) +
    complaint.complainedRecipients.map((r) => field('Original-Rcpt-To', r.emailAddress)).join('') +
    field('Arrival-Date', formatDate(new Date(complaint.arrivalDate ?? at))) +
    field('Source-IP', message.mail.sourceIp) +
    CRLF;
  return assembleReport(state, {
    from: COMPLAINT_EMAIL_FROM,
    to,
    subject: `Complaint about message ${message.mail.messageId}`,
    at,
    reportType: 'feedback-report',
    human:
      'A recipient reported the message below as unwanted. The complained recipients were:' +
      CRLF +
      complaint.complainedRecipients.map((r) => r.emailAddress).join(CRLF),
    machineType: 'message/feedback-report',
    machine,
    original: originalHeaderSection(message),
  });
}

/** Whether SES forwards feedback by email for the message's identity (on unless turned off). */
export function forwardingEnabled(state: SesSimulatorState, message: SentMessage): boolean {
  const identity = state.identities.find((record) => record.identity === message.identity);
  return identity?.feedbackForwardingEnabled ?? true;
}

/** Keep a forwarded feedback email, when forwarding is on for the message's identity. */
export function forwardFeedback(
  state: SesSimulatorState,
  message: SentMessage,
  at: number,
  kind: FeedbackEmailRecord['kind'],
  build: (to: string) => Uint8Array,
): void {
  if (!forwardingEnabled(state, message)) return;
  const to = message.feedbackAddress ?? message.mail.source;
  state.feedbackEmails.push({
    at,
    to,
    kind,
    messageId: message.mail.messageId,
    raw: encodeBase64(build(to)),
  });
}
