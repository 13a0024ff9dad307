/**
 * The `mail` object every notification and event carries (ses-facts §5.2): who sent what to
 * whom, the original headers (truncated at 10 KB) and the common headers read from them.
 */
import { firstHeader, decodeEncodedWords, type HeaderField } from '../../mime/index.ts';
import {
  formatCommonHeaderMailbox,
  readReturnPath,
  readSesAddressList,
} from '../identities/address.ts';
import { HEADERS_TRUNCATION_BYTES } from '../limits.ts';

/** `commonHeaders`: the headers SES reads out of the message. */
export interface CommonHeaders {
  returnPath?: string;
  from?: string[];
  date?: string;
  to?: string[];
  cc?: string[];
  bcc?: string[];
  sender?: string[];
  replyTo?: string[];
  messageId?: string;
  subject?: string;
}

/** What the simulator keeps about a sent message to write its `mail` objects. */
export interface MailRecord {
  timestamp: string;
  messageId: string;
  source: string;
  sourceArn: string;
  sourceIp: string;
  sendingAccountId: string;
  callerIdentity: string;
  destination: string[];
  headersTruncated: boolean;
  headers: HeaderField[];
  commonHeaders: CommonHeaders;
  /** Message tags and SES's automatic tags, except `ses:outgoing-ip`. */
  tags: Record<string, string[]>;
  /** The outgoing IP, published as `ses:outgoing-ip` on Delivery and later events. */
  outgoingIp: string;
  configurationSetName?: string;
}

/** The headers SES reports: all of them, or as many as fit in 10 KB with `truncated` set. */
export function truncateHeaders(headers: readonly HeaderField[]): {
  headers: HeaderField[];
  truncated: boolean;
} {
  const out: HeaderField[] = [];
  let size = 0;
  for (const header of headers) {
    size += header.name.length + 2 + header.value.length + 2;
    if (size > HEADERS_TRUNCATION_BYTES) return { headers: out, truncated: true };
    out.push({ name: header.name, value: header.value });
  }
  return { headers: out, truncated: false };
}

function addresses(headers: readonly HeaderField[], name: string): string[] | undefined {
  const value = firstHeader(headers, name);
  if (value === undefined) return undefined;
  return readSesAddressList(value).map(formatCommonHeaderMailbox);
}

/**
 * `commonHeaders` from a message's headers. `messageId` is the message's own Message-ID when it
 * has one (as in SES's examples), else SES's id. The subject's RFC 2047 encoded words are decoded,
 * the same for sent, received and reported mail; `decode` stands in where a send gave its subject.
 */
export function commonHeadersOf(
  headers: readonly HeaderField[],
  sesMessageId: string,
  decode: (value: string) => string = decodeEncodedWords,
): CommonHeaders {
  const common: CommonHeaders = {};
  const returnPath = firstHeader(headers, 'Return-Path');
  if (returnPath !== undefined) common.returnPath = readReturnPath(returnPath);
  const from = addresses(headers, 'From');
  if (from) common.from = from;
  const date = firstHeader(headers, 'Date');
  if (date !== undefined) common.date = date;
  for (const [key, name] of [
    ['to', 'To'],
    ['cc', 'Cc'],
    ['bcc', 'Bcc'],
    ['sender', 'Sender'],
    ['replyTo', 'Reply-To'],
  ] as const) {
    const list = addresses(headers, name);
    if (list) common[key] = list;
  }
  common.messageId = firstHeader(headers, 'Message-ID') ?? sesMessageId;
  const subject = firstHeader(headers, 'Subject');
  if (subject !== undefined) common.subject = decode(subject);
  return common;
}

/**
 * The `mail` object of an identity (SNS feedback) notification. Headers appear only when the
 * identity has "include original headers" on.
 */
export function notificationMail(record: MailRecord, includeHeaders: boolean): object {
  const mail: Record<string, unknown> = {
    timestamp: record.timestamp,
    source: record.source,
    sourceArn: record.sourceArn,
    sourceIp: record.sourceIp,
    sendingAccountId: record.sendingAccountId,
    callerIdentity: record.callerIdentity,
    messageId: record.messageId,
    destination: [...record.destination],
  };
  if (includeHeaders) {
    mail.headersTruncated = record.headersTruncated;
    mail.headers = record.headers.map((h) => ({ name: h.name, value: h.value }));
    mail.commonHeaders = structuredClone(record.commonHeaders);
  }
  return mail;
}

/** Which form of the event-publishing `mail` object an event gets. */
export type EventMailForm = 'send' | 'after-delivery' | 'reduced';

/**
 * The `mail` object of a published event. `after-delivery` adds `ses:outgoing-ip`; `reduced` is
 * the form SES's DeliveryDelay and Rendering Failure examples show: no headers, and only the
 * configuration-set tag.
 */
export function eventMail(record: MailRecord, form: EventMailForm): object {
  const base: Record<string, unknown> = {
    timestamp: record.timestamp,
    source: record.source,
    sourceArn: record.sourceArn,
    sendingAccountId: record.sendingAccountId,
    messageId: record.messageId,
    destination: [...record.destination],
  };
  if (form === 'reduced') {
    base.tags = record.configurationSetName
      ? { 'ses:configuration-set': [record.configurationSetName] }
      : {};
    return base;
  }
  base.headersTruncated = record.headersTruncated;
  base.headers = record.headers.map((h) => ({ name: h.name, value: h.value }));
  base.commonHeaders = structuredClone(record.commonHeaders);
  const tags: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(record.tags)) {
    tags[name] = [...values];
    if (name === 'ses:caller-identity' && form === 'after-delivery') {
      tags['ses:outgoing-ip'] = [record.outgoingIp];
    }
  }
  base.tags = tags;
  return base;
}
