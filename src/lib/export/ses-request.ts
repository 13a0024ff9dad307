/**
 * The SES API requests that send a draft: v2 `SendEmail` (Simple content when SES can assemble
 * the same message from parts, Raw otherwise) and v1 `SendRawEmail`. Blob members hold bytes, as
 * the AWS SDKs take them; `toCliJson` writes them as base64 for JSON and the AWS CLI.
 */
import type {
  SendEmailRequest,
  SesAttachment,
  SesDestination,
  SesMessageHeader,
  SesTemplate,
  V1SendRawEmailRequest,
} from '../ses/api/request-types.ts';
import type { BuiltMessage, Draft } from '../mime/types.ts';
import { flattenAddresses, formatMailbox, parseAddressList } from '../mime/address.ts';
import { buildEnvelope } from '../mime/envelope.ts';
import { BUILDER_HEADERS } from '../mime/header-fields.ts';
import { normaliseMessageId } from '../mime/message-id.ts';
import {
  MAX_FILE_NAME,
  MAX_SIMPLE_HEADER_LENGTH,
  MAX_SIMPLE_HEADERS,
  SIMPLE_HEADER_NAME,
  SIMPLE_HEADER_VALUE,
} from '../ses/index.ts';
import { readSesHeaders } from './ses-headers.ts';
import { bytesToBase64 } from './base64.ts';

/** `Content.Simple.Headers` holds at most 15 headers (SES v2 API, `MessageHeaderList`). */
export const SIMPLE_MAX_HEADERS = MAX_SIMPLE_HEADERS;
/** `Attachment.ContentType` and `ContentId` at most 78 characters (SES v2 model). */
const ATTACHMENT_FIELD_MAX = 78;
/**
 * Headers SES writes itself when it assembles Simple content: those the builder writes from the
 * draft's own fields, less Content-ID (which belongs to parts, not to the message).
 */
const HEADERS_SES_ASSEMBLES: ReadonlySet<string> = new Set(
  [...BUILDER_HEADERS].filter((name) => name !== 'content-id'),
);

/** What the exports are made from: the draft and the message built from it. */
export interface SesExportSource {
  draft: Draft;
  built: Pick<BuiltMessage, 'raw' | 'envelope'>;
}

/** A v2 `SendEmail` request and why it uses the content type it uses. */
export interface SesV2Export {
  request: SendEmailRequest;
  content: 'Simple' | 'Raw';
  /** Why Simple content could not express this draft (empty when it is Simple). */
  rawReasons: string[];
}

/**
 * Addresses as SES takes them: 7-bit only, display names as RFC 2047 encoded words and domains
 * as punycode (SES has no SMTPUTF8).
 */
function sesAddresses(list: readonly string[] | undefined): string[] {
  return (list ?? [])
    .flatMap((item) => flattenAddresses(parseAddressList(item)))
    .filter((mailbox) => mailbox.address)
    .map(formatMailbox);
}

function nonEmpty(list: readonly string[] | undefined): string[] | undefined {
  const kept = sesAddresses(list);
  return kept.length ? kept : undefined;
}

function destinationOf(draft: Draft): SesDestination {
  const destination: SesDestination = {};
  const to = nonEmpty(draft.to);
  const cc = nonEmpty(draft.cc);
  const bcc = nonEmpty(draft.bcc);
  if (to) destination.ToAddresses = to;
  if (cc) destination.CcAddresses = cc;
  if (bcc) destination.BccAddresses = bcc;
  return destination;
}

/**
 * Whether the envelope's recipients are exactly the To, Cc and Bcc addresses, read the way the
 * envelope is built from them: group members, domains in punycode, each address once.
 */
function envelopeMatchesHeaders(draft: Draft, rcptTo: readonly string[]): boolean {
  const recipients = [...(draft.to ?? []), ...(draft.cc ?? []), ...(draft.bcc ?? [])].flatMap(
    (item) => flattenAddresses(parseAddressList(item)),
  );
  const key = (address: string) => address.toLowerCase();
  const listed = buildEnvelope({ from: [], recipients }).rcptTo.map(key).sort();
  const envelope = [...new Set(rcptTo.map(key))].sort();
  return listed.length === envelope.length && listed.every((item, i) => item === envelope[i]);
}

/** Reasons SES's Simple content cannot carry this draft unchanged. */
export function simpleContentObstacles(source: SesExportSource): string[] {
  const { draft, built } = source;
  const reasons: string[] = [];
  const { otherHeaders } = readSesHeaders(draft.headers);
  if (!draft.subject?.trim()) reasons.push('Simple content needs a subject.');
  if (!draft.text && !draft.html) reasons.push('Simple content needs a text or an HTML body.');
  if (otherHeaders.length > SIMPLE_MAX_HEADERS) {
    reasons.push(`Simple content carries at most ${SIMPLE_MAX_HEADERS} extra headers.`);
  }
  for (const { name, value } of otherHeaders) {
    if (HEADERS_SES_ASSEMBLES.has(name.trim().toLowerCase())) {
      reasons.push(`SES writes the ${name} header itself for Simple content.`);
    } else if (!SIMPLE_HEADER_NAME.test(name) || !SIMPLE_HEADER_VALUE.test(value)) {
      reasons.push(
        `The ${name} header is not printable ASCII of the length Simple content allows.`,
      );
    } else if (name.length + value.length > MAX_SIMPLE_HEADER_LENGTH) {
      reasons.push(`The ${name} header is longer than Simple content allows.`);
    }
  }
  for (const attachment of draft.attachments ?? []) {
    if (attachment.filename.length > MAX_FILE_NAME) {
      reasons.push(`Simple content allows file names up to ${MAX_FILE_NAME} characters.`);
    }
    if ((attachment.contentType ?? '').length > ATTACHMENT_FIELD_MAX) {
      reasons.push(`Simple content allows content types up to ${ATTACHMENT_FIELD_MAX} characters.`);
    }
    if ((attachment.contentId ?? '').length > ATTACHMENT_FIELD_MAX) {
      reasons.push(`Simple content allows content IDs up to ${ATTACHMENT_FIELD_MAX} characters.`);
    }
  }
  if (draft.envelope?.rcptTo?.length && !envelopeMatchesHeaders(draft, built.envelope.rcptTo)) {
    reasons.push('The envelope recipients differ from To, Cc and Bcc.');
  }
  return reasons;
}

/** A Content-ID as SES's `ContentId` takes it: the msg-id without its angle brackets. */
function bareContentId(id: string): string {
  return normaliseMessageId(id)?.slice(1, -1) ?? id.trim().replace(/^<|>$/g, '');
}

function simpleAttachments(draft: Draft): SesAttachment[] {
  return (draft.attachments ?? []).map((attachment) => {
    const out: SesAttachment = {
      FileName: attachment.filename,
      ContentType: attachment.contentType || 'application/octet-stream',
      ContentDisposition: attachment.inline ? 'INLINE' : 'ATTACHMENT',
      ContentTransferEncoding: 'BASE64',
      RawContent: attachment.content,
    };
    if (attachment.contentId) out.ContentId = bareContentId(attachment.contentId);
    return out;
  });
}

/** The parts of a request that do not depend on Simple or Raw. */
function commonMembers(draft: Draft, mailFrom: string): Omit<SendEmailRequest, 'Content'> {
  const { configurationSetName, tags } = readSesHeaders(draft.headers);
  const request: Omit<SendEmailRequest, 'Content'> = {};
  const [from] = sesAddresses([draft.from]);
  if (from) request.FromEmailAddress = from;
  const replyTo = nonEmpty(draft.replyTo);
  if (replyTo) request.ReplyToAddresses = replyTo;
  // SES sends from its own MAIL FROM; the draft's envelope sender is where feedback should go.
  if (draft.envelope?.mailFrom?.trim() && mailFrom)
    request.FeedbackForwardingEmailAddress = mailFrom;
  if (tags.length) request.EmailTags = tags;
  if (configurationSetName) request.ConfigurationSetName = configurationSetName;
  return request;
}

/** The v2 `SendEmail` request for a draft: Simple content when it fits, Raw otherwise. */
export function sesV2SendEmail(source: SesExportSource): SesV2Export {
  const { draft, built } = source;
  const rawReasons = simpleContentObstacles(source);
  const common = commonMembers(draft, built.envelope.mailFrom);
  if (rawReasons.length === 0) {
    const headers: SesMessageHeader[] = readSesHeaders(draft.headers).otherHeaders.map(
      ({ name, value }) => ({ Name: name.trim(), Value: value }),
    );
    const body: NonNullable<SendEmailRequest['Content']['Simple']>['Body'] = {};
    if (draft.text) body.Text = { Data: draft.text, Charset: 'UTF-8' };
    if (draft.html) body.Html = { Data: draft.html, Charset: 'UTF-8' };
    const simple: NonNullable<SendEmailRequest['Content']['Simple']> = {
      Subject: { Data: draft.subject ?? '', Charset: 'UTF-8' },
      Body: body,
    };
    if (headers.length) simple.Headers = headers;
    const attachments = simpleAttachments(draft);
    if (attachments.length) simple.Attachments = attachments;
    const request: SendEmailRequest = { ...common, Content: { Simple: simple } };
    const destination = destinationOf(draft);
    if (Object.keys(destination).length) request.Destination = destination;
    return { request: order(request), content: 'Simple', rawReasons };
  }
  // For Raw content the Destination is the envelope: every address the message goes to.
  const request: SendEmailRequest = {
    ...common,
    Content: { Raw: { Data: built.raw } },
  };
  if (built.envelope.rcptTo.length)
    request.Destination = { ToAddresses: [...built.envelope.rcptTo] };
  return { request: order(request), content: 'Raw', rawReasons };
}

/**
 * The v2 `SendEmail` request that sends a template to the draft's recipients, from its sender,
 * with its configuration set and tags: `template` names a stored template or carries its content.
 */
export function sesV2TemplatedSendEmail(
  source: SesExportSource,
  template: SesTemplate,
): SendEmailRequest {
  const { draft, built } = source;
  const request: SendEmailRequest = {
    ...commonMembers(draft, built.envelope.mailFrom),
    Content: { Template: template },
  };
  const destination = destinationOf(draft);
  if (Object.keys(destination).length) request.Destination = destination;
  return order(request);
}

/** The v1 `SendRawEmail` request: the built message, its envelope, configuration set and tags. */
export function sesV1SendRawEmail(source: SesExportSource): V1SendRawEmailRequest {
  const { draft, built } = source;
  const { configurationSetName, tags } = readSesHeaders(draft.headers);
  const request: V1SendRawEmailRequest = { RawMessage: { Data: built.raw } };
  if (built.envelope.mailFrom) request.Source = built.envelope.mailFrom;
  if (built.envelope.rcptTo.length) request.Destinations = [...built.envelope.rcptTo];
  if (configurationSetName) request.ConfigurationSetName = configurationSetName;
  if (tags.length) request.Tags = tags;
  return request;
}

const MEMBER_ORDER = [
  'FromEmailAddress',
  'Destination',
  'ReplyToAddresses',
  'FeedbackForwardingEmailAddress',
  'Content',
  'EmailTags',
  'ConfigurationSetName',
];

/** Members in the order of the API reference, so exports read like SES's own examples. */
function order(request: SendEmailRequest): SendEmailRequest {
  const entries = Object.entries(request).sort(
    ([a], [b]) => MEMBER_ORDER.indexOf(a) - MEMBER_ORDER.indexOf(b),
  );
  return Object.fromEntries(entries) as unknown as SendEmailRequest;
}

/**
 * A request as JSON for `--cli-input-json` or an HTTP body: blob members (bytes) become base64,
 * as AWS CLI v2 and the wire protocols expect.
 */
export function toCliJson(request: object, indent = 2): string {
  return JSON.stringify(
    request,
    function (this: Record<string, unknown>, key: string, value: unknown) {
      // Read the member itself: a Node Buffer would already have been turned into its toJSON form.
      const member = key === '' ? value : this[key];
      return member instanceof Uint8Array ? bytesToBase64(member) : value;
    },
    indent,
  );
}
