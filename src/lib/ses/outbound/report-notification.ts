/**
 * What SES would notify for a bounce or complaint report a person inspects: the engine's
 * `BounceReport` / `ComplaintReport` (read from a DSN or an ARF report) together with the original
 * message's headers, turned into the SNS feedback notification SES would publish for it.
 * Pure: the same report and options give the same JSON.
 */
import {
  firstHeader,
  flattenAddresses,
  parseAddressList,
  parseMailDate,
  type BounceReport,
  type ComplaintReport,
  type HeaderField,
} from '../../mime/index.ts';
import { domainOf, readReturnPath } from '../identities/address.ts';
import { createRandom, sesMessageId } from '../api/ids.ts';
import { commonHeadersOf, truncateHeaders } from './mail-object.ts';
import { bounceNotification, complaintNotification } from './notifications.ts';
import { DEFAULT_ACCOUNT_ID, DEFAULT_CALLER_IDENTITY, DEFAULT_SOURCE_IP } from '../api/state-io.ts';

/** What is known about the message a report is about, and about the sending account. */
export interface ReportNotificationOptions {
  /** The original message's headers, in order (from the report's attached message, say). */
  originalHeaders?: readonly HeaderField[];
  /** When SES received the report; used for `timestamp` fields. */
  now: Date;
  /** When the original was sent (ISO 8601); defaults to its Date header, else `now`. */
  sentAt?: string;
  /** SES's id of the original; read from an SES Message-ID when absent, else made from `seed`. */
  messageId?: string;
  feedbackId?: string;
  region?: string;
  sendingAccountId?: string;
  sourceIp?: string;
  callerIdentity?: string;
  /** Whether the identity includes original headers in notifications (default true). */
  includeHeaders?: boolean;
  /** Seed for ids that are not given (default 0). */
  seed?: number;
}

const SES_MESSAGE_ID =
  /^<?([0-9a-f]{16}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-[0-9]{6})@[a-z0-9.-]*amazonses\.com>?$/i;

/** The SES message id inside a Message-ID SES gave a message, if it is one. */
export function sesIdFromMessageIdHeader(value: string | undefined): string | undefined {
  return value === undefined ? undefined : SES_MESSAGE_ID.exec(value.trim())?.[1];
}

function withReportingType(mta: string | undefined): string | undefined {
  if (mta === undefined || mta.trim().length === 0) return undefined;
  return mta.includes(';') ? mta.trim() : `dns; ${mta.trim()}`;
}

/** The SNS feedback notification SES would publish for an inspected bounce or complaint. */
export function reportToNotification(
  report: BounceReport | ComplaintReport,
  options: ReportNotificationOptions,
): object {
  const headers = options.originalHeaders ?? [];
  const random = createRandom(options.seed ?? 0);
  const region = options.region ?? 'us-east-1';
  const nowIso = options.now.toISOString();
  const originalId = report.kind === 'complaint' ? report.originalMessageId : undefined;
  const messageId =
    options.messageId ??
    sesIdFromMessageIdHeader(firstHeader(headers, 'Message-ID')) ??
    sesIdFromMessageIdHeader(originalId) ??
    sesMessageId(random, region, options.now.getTime());
  const feedbackId = options.feedbackId ?? sesMessageId(random, region, options.now.getTime());
  const returnPath = firstHeader(headers, 'Return-Path');
  const sourceText =
    returnPath !== undefined ? readReturnPath(returnPath) : (firstHeader(headers, 'From') ?? '');
  const source = flattenAddresses(parseAddressList(sourceText))[0]?.address || sourceText;
  const date = firstHeader(headers, 'Date');
  const timestamp =
    options.sentAt ?? (date !== undefined ? mailDateIso(date) : undefined) ?? nowIso;
  const destination = ['To', 'Cc', 'Bcc'].flatMap((name) =>
    flattenAddresses(parseAddressList(firstHeader(headers, name) ?? '')).map((m) => m.address),
  );
  const truncated = truncateHeaders(headers);
  const accountId = options.sendingAccountId ?? DEFAULT_ACCOUNT_ID;
  const identity = source.includes('@') ? domainOf(source) : source;
  const record = {
    timestamp,
    messageId,
    source,
    sourceArn: `arn:aws:ses:${region}:${accountId}:identity/${identity}`,
    sourceIp: options.sourceIp ?? DEFAULT_SOURCE_IP,
    sendingAccountId: accountId,
    callerIdentity: options.callerIdentity ?? DEFAULT_CALLER_IDENTITY,
    destination: destination.length > 0 ? destination : recipientsOf(report),
    headersTruncated: truncated.truncated,
    headers: truncated.headers,
    commonHeaders: commonHeadersOf(headers, messageId),
    tags: {},
    outgoingIp: '',
  };
  const includeHeaders = (options.includeHeaders ?? true) && headers.length > 0;
  if (report.kind === 'bounce') {
    const reportingMTA = withReportingType(report.reportingMTA);
    return bounceNotification(
      record,
      {
        bounceType: report.bounceType,
        bounceSubType: report.bounceSubType,
        bouncedRecipients: report.recipients.map((r) => ({ ...r })),
        timestamp: nowIso,
        feedbackId,
        ...(reportingMTA !== undefined ? { reportingMTA } : {}),
      },
      includeHeaders,
    );
  }
  return complaintNotification(
    record,
    {
      complainedRecipients: report.complainedRecipients.map((emailAddress) => ({ emailAddress })),
      timestamp: nowIso,
      feedbackId,
      complaintSubType: null,
      ...(report.userAgent !== undefined ? { userAgent: report.userAgent } : {}),
      ...(report.feedbackType !== undefined ? { complaintFeedbackType: report.feedbackType } : {}),
      ...(report.arrivalDate !== undefined
        ? { arrivalDate: mailDateIso(report.arrivalDate) ?? report.arrivalDate }
        : {}),
    },
    includeHeaders,
  );
}

/** An RFC 5322 date-time as ISO 8601, or undefined when the text is not one. */
function mailDateIso(text: string): string | undefined {
  const parsed = parseMailDate(text);
  return parsed === undefined ? undefined : new Date(parsed.time).toISOString();
}

function recipientsOf(report: BounceReport | ComplaintReport): string[] {
  return report.kind === 'bounce'
    ? report.recipients.map((r) => r.emailAddress)
    : [...report.complainedRecipients];
}
