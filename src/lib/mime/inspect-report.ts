/**
 * Finds the feedback a message carries: an RFC 3464 delivery-status part (a bounce), an
 * RFC 5965 feedback-report part (a complaint), or, failing both, the wording of a plain-text
 * bounce notice.
 */
import { readFeedbackReport, type OriginalMessageHints } from './arf.ts';
import { readTextBounce } from './bounce-text.ts';
import { firstHeader } from './header-lookup.ts';
import { readDeliveryStatus } from './dsn.ts';
import { readHeaderBlock } from './header-block.ts';
import { DiagnosticLog } from './inspect-diagnostics.ts';
import { readAddresses } from './inspect-headers.ts';
import { decodeText } from './part-content.ts';
import type { ScannedPart } from './structure-scan.ts';
import type { BounceReport, ComplaintReport } from './types.ts';

const DELIVERY_STATUS = new Set(['message/delivery-status', 'message/global-delivery-status']);
const ORIGINAL = new Set([
  'message/rfc822',
  'message/global',
  'text/rfc822-headers',
  'message/rfc822-headers',
]);

/** The parts of the message in order; enclosed messages are entered only when `deep`. */
function partsOf(part: ScannedPart, deep: boolean, out: ScannedPart[] = []): ScannedPart[] {
  out.push(part);
  if (deep || part.fields.contentType.startsWith('multipart/')) {
    for (const child of part.children) partsOf(child, deep, out);
  }
  return out;
}

function isReportPart(part: ScannedPart): boolean {
  const type = part.fields.contentType;
  return DELIVERY_STATUS.has(type) || type === 'message/feedback-report';
}

function originalHints(raw: Uint8Array, part: ScannedPart | undefined): OriginalMessageHints {
  if (!part) return {};
  const headers =
    part.children[0]?.headers ??
    readHeaderBlock(raw, part.bodyStart, part.end, new DiagnosticLog()).fields;
  const hints: OriginalMessageHints = { to: readAddresses(firstHeader(headers, 'to')) };
  const messageId = firstHeader(headers, 'message-id')?.trim();
  if (messageId) hints.messageId = messageId;
  return hints;
}

/** What the plain-text reading needs from the message. */
export interface ReportContext {
  subject?: string;
  from?: string;
  text?: string;
  ownAddresses: string[];
}

/** The bounce or complaint the message is, if it is one. */
export function findReport(
  raw: Uint8Array,
  root: ScannedPart,
  context: ReportContext,
  log: DiagnosticLog,
): BounceReport | ComplaintReport | undefined {
  // The message's own report first; failing that, one in an enclosed message (a forwarded
  // bounce), but never the returned original inside a report.
  let parts = partsOf(root, false);
  if (!parts.some(isReportPart)) parts = partsOf(root, true);
  const status = parts.find((p) => DELIVERY_STATUS.has(p.fields.contentType));
  if (status) {
    const report = readDeliveryStatus(decodeText(raw, status, log));
    if (report.recipients.length > 0) return { ...report, source: 'rfc3464', confidence: 'high' };
  }
  const feedback = parts.find((p) => p.fields.contentType === 'message/feedback-report');
  if (feedback) {
    const original = parts.find((p) => ORIGINAL.has(p.fields.contentType) && p !== feedback);
    return readFeedbackReport(decodeText(raw, feedback, log), originalHints(raw, original));
  }
  const bounce = readTextBounce({
    text: context.text ?? '',
    ownAddresses: context.ownAddresses,
    ...(context.subject !== undefined ? { subject: context.subject } : {}),
    ...(context.from !== undefined ? { from: context.from } : {}),
  });
  if (!bounce) return undefined;
  return { ...bounce.report, source: 'text', confidence: bounce.confidence, form: bounce.form };
}
