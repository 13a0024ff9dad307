/**
 * What SES checks in a send request before anything else: the content's shape, header rules,
 * recipients (count and syntax), tags, attachment types and size. The result is the request read
 * the way the rest of the simulator needs it: sender, recipients, configuration set, tags.
 */
import { firstHeader, sesEncodedSize, utf8Encode, type HeaderField } from '../../mime/index.ts';
import {
  addressError,
  readSesAddressList,
  readSesAddressParameter,
  type SesMailbox,
} from '../identities/address.ts';
import { isBlockedAttachment } from './blocked-attachments.ts';
import { invalidParameterError, SesError } from '../api/errors.ts';
import { SIMULATOR_WORDING } from '../wording.ts';
import { readHeaderSection, strayHeaderName, type HeaderSection } from './header-section.ts';
import { readSesControlHeaders } from './control-headers.ts';
import { checkMessageTags } from './message-tags.ts';
import type {
  SendEmailRequest,
  SesBlob,
  SesListManagementOptions,
  SesMessageTag,
  SesSimpleMessage,
} from '../api/request-types.ts';
import { rawAttachmentNames } from './raw-attachments.ts';
import { findDuplicateHeader } from './unique-headers.ts';
import {
  MAX_RECIPIENTS,
  MAX_MESSAGE_BYTES,
  MAX_SIMPLE_HEADERS,
  MAX_FILE_NAME,
  MAX_SIMPLE_HEADER_LENGTH,
} from '../limits.ts';

/** `MessageHeader.Name`: printable ASCII except the colon, 1–126 characters (SES v2 model). */
export const SIMPLE_HEADER_NAME = /^[!-9;-@A-~]{1,126}$/;
/** `MessageHeader.Value`: printable ASCII, 1–995 characters (SES v2 model). */
export const SIMPLE_HEADER_VALUE = /^[ -~]{1,995}$/;

/** The `X-SES-*` headers SES reads and removes before sending (ses-facts §9). */
export { SES_CONTROL_HEADERS } from './control-headers.ts';

/** A send request as the simulator carries it on after validation. */
export interface PreparedSend {
  content: 'Simple' | 'Raw';
  /** The sender as written (`FromEmailAddress`, else the `From:` header). */
  from: SesMailbox;
  to: SesMailbox[];
  cc: SesMailbox[];
  bcc: SesMailbox[];
  replyTo: SesMailbox[];
  /** Envelope recipients, bare addresses, in order, each once. */
  recipients: string[];
  configurationSetName?: string;
  /** The request's ListManagementOptions, else the X-SES-LIST-MANAGEMENT-OPTIONS header's. */
  listManagement?: SesListManagementOptions;
  /** The message tags in effect: the request's, else the header's. */
  tags: SesMessageTag[];
  simple?: SesSimpleMessage;
  /** The raw message as submitted (Raw content). */
  raw?: Uint8Array;
  /** The headers as submitted (Raw content), in order. */
  rawHeaders?: HeaderField[];
}

/** Bytes of a blob; a string is its UTF-8 text. */
export function blobBytes(blob: SesBlob): Uint8Array {
  return typeof blob === 'string' ? utf8Encode(blob) : blob;
}

/** The size of a message after base64 encoding, which is what SES measures (ses-facts §2.1). */
export const base64Size: (bytes: number) => number = sesEncodedSize;

/**
 * Throws SES's error when a message is over the size limit (v2's 40 MB unless another is given).
 * The wording follows the error SES v1 gives for its 10 MB limit.
 */
export function checkMessageSize(bytes: number, limit = MAX_MESSAGE_BYTES): void {
  const encoded = sesEncodedSize(bytes);
  if (encoded > limit) {
    throw invalidParameterError(`Message length is more than ${limit} bytes long: '${encoded}'.`);
  }
}

function validationError(message: string): SesError {
  return new SesError(`1 validation error detected: ${message}`, {
    code: 'BadRequestException',
    statusCode: 400,
    v1Code: 'ValidationError',
  });
}

function checkSimple(simple: SesSimpleMessage): void {
  if (!simple.Subject || typeof simple.Subject.Data !== 'string') {
    throw validationError(
      "Value null at 'content.simple.subject' failed to satisfy constraint: Member must not be null",
    );
  }
  if (!simple.Body || (!simple.Body.Text && !simple.Body.Html)) {
    throw invalidParameterError('The message body must contain text or HTML.' + SIMULATOR_WORDING);
  }
  const headers = simple.Headers ?? [];
  if (headers.length > MAX_SIMPLE_HEADERS) {
    throw validationError(
      "Value at 'content.simple.headers' failed to satisfy constraint: Member must have length less than or equal to 15",
    );
  }
  headers.forEach((header, i) => {
    const at = `content.simple.headers.${i + 1}.member`;
    if (!SIMPLE_HEADER_NAME.test(header.Name)) {
      throw validationError(
        `Value '${header.Name}' at '${at}.name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[!-9;-@A-~]+$`,
      );
    }
    if (
      !SIMPLE_HEADER_VALUE.test(header.Value) ||
      header.Name.length + header.Value.length > MAX_SIMPLE_HEADER_LENGTH
    ) {
      throw validationError(
        `Value '${header.Value}' at '${at}.value' failed to satisfy constraint: Member must satisfy regular expression pattern: [ -~]*`,
      );
    }
  });
  for (const attachment of simple.Attachments ?? []) {
    if (!attachment.FileName || attachment.FileName.length > MAX_FILE_NAME) {
      throw invalidParameterError(
        `Attachment file name must be 1 to ${MAX_FILE_NAME} characters long.`,
      );
    }
    checkAttachmentName(attachment.FileName);
  }
}

/**
 * Throws when SES refuses an attachment's type. SES's exact text for this is not documented;
 * the simulator says `Illegal filename '<name>'.` as an `InvalidParameterValue`.
 */
export function checkAttachmentName(fileName: string): void {
  if (isBlockedAttachment(fileName)) throw invalidParameterError(`Illegal filename '${fileName}'.`);
}

/**
 * Throws SES's error for a raw header section it cannot read: one longer than the engine reads
 * (`Header section too long.`, observed; SES's own threshold is not documented), or a line that
 * is not a header field. SES takes every line up to the blank line as a field named by the text
 * before its colon and refuses the name: `Empty header names are illegal.` (observed) when it is
 * empty, else `Illegal header '<name>'.` (observed for a name with spaces; the same sentence is
 * used for a line with no colon, whose whole text is the name).
 */
function checkHeaderSection(raw: Uint8Array, section: HeaderSection): void {
  if (section.tooLong) throw invalidParameterError('Header section too long.');
  if (section.strayLine === undefined) return;
  const name = strayHeaderName(raw, section.strayLine);
  throw invalidParameterError(
    name.length === 0 ? 'Empty header names are illegal.' : `Illegal header '${name}'.`,
  );
}

function mailboxes(list: readonly string[] | undefined): SesMailbox[] {
  return (list ?? []).map(readSesAddressParameter);
}

function checkAddresses(list: readonly SesMailbox[]): void {
  for (const mailbox of list) {
    const problem = addressError(mailbox.address);
    if (problem !== undefined) throw invalidParameterError(problem);
  }
}

/**
 * Validate a v2 `SendEmail` request as SES does before it looks at identities or quotas, and read
 * it. Raw content's attachment names come from a structural scan; `attachmentNames` adds those a
 * full `inspectMessage` found, when the caller has inspected it. Throws SesError.
 */
export function prepareSend(
  request: SendEmailRequest,
  attachmentNames: readonly string[] = [],
  sizeLimit = MAX_MESSAGE_BYTES,
): PreparedSend {
  const content = request.Content ?? {};
  const kinds = (['Simple', 'Raw', 'Template'] as const).filter((k) => content[k] !== undefined);
  if (kinds.length !== 1) {
    throw invalidParameterError(
      'Exactly one of Simple, Raw or Template content must be specified.' + SIMULATOR_WORDING,
    );
  }
  if (kinds[0] === 'Template') {
    throw new RangeError('prepareSend reads Simple or Raw content; render a template first.');
  }
  let headers: HeaderField[];
  let from: SesMailbox | undefined;
  let to: SesMailbox[];
  let cc: SesMailbox[];
  let bcc: SesMailbox[];
  let replyTo: SesMailbox[];
  let raw: Uint8Array | undefined;
  const simple = content.Simple;
  if (simple) {
    checkSimple(simple);
    headers = (simple.Headers ?? []).map((h) => ({ name: h.Name, value: h.Value }));
    const duplicate = findDuplicateHeader([
      ...headers,
      ...['From', 'To', 'Subject', 'MIME-Version', 'Content-Type'].map((name) => ({
        name,
        value: '',
      })),
    ]);
    if (duplicate) throw invalidParameterError(`Duplicate header '${duplicate}'.`);
    from =
      request.FromEmailAddress !== undefined ? mailboxes([request.FromEmailAddress])[0] : undefined;
    to = mailboxes(request.Destination?.ToAddresses);
    cc = mailboxes(request.Destination?.CcAddresses);
    bcc = mailboxes(request.Destination?.BccAddresses);
    replyTo = mailboxes(request.ReplyToAddresses);
  } else {
    raw = blobBytes(content.Raw?.Data ?? '');
    checkMessageSize(raw.length, sizeLimit);
    const section = readHeaderSection(raw);
    checkHeaderSection(raw, section);
    headers = section.headers.map(({ name, value }) => ({ name, value }));
    const duplicate = findDuplicateHeader(headers);
    if (duplicate) throw invalidParameterError(`Duplicate header '${duplicate}'.`);
    const fromHeader = firstHeader(headers, 'From');
    if (request.FromEmailAddress === undefined && fromHeader === undefined) {
      throw invalidParameterError("Missing required header 'From'.");
    }
    from = mailboxes([request.FromEmailAddress ?? fromHeader ?? ''])[0];
    const fromDestination = request.Destination !== undefined;
    const list = (name: string) => readSesAddressList(firstHeader(headers, name) ?? '');
    to = fromDestination ? mailboxes(request.Destination?.ToAddresses) : list('To');
    cc = fromDestination ? mailboxes(request.Destination?.CcAddresses) : list('Cc');
    bcc = fromDestination ? mailboxes(request.Destination?.BccAddresses) : list('Bcc');
    replyTo = request.ReplyToAddresses ? mailboxes(request.ReplyToAddresses) : list('Reply-To');
    for (const name of [...attachmentNames, ...rawAttachmentNames(raw)]) checkAttachmentName(name);
  }
  if (from === undefined) {
    throw validationError(
      "Value null at 'fromEmailAddress' failed to satisfy constraint: Member must not be null",
    );
  }
  const all = [...to, ...cc, ...bcc];
  if (all.length === 0) throw invalidParameterError('There are no recipients specified.');
  if (all.length > MAX_RECIPIENTS) throw invalidParameterError('Recipient count exceeds 50.');
  checkAddresses([from]);
  checkAddresses(all);
  checkAddresses(replyTo);
  // Tags given as request parameters replace the header's, not merge with them (ses-facts §2.6).
  const control = readSesControlHeaders(headers);
  const tags = request.EmailTags ?? control.tags ?? [];
  checkMessageTags(tags);
  const configurationSetName = request.ConfigurationSetName ?? control.configurationSetName;
  const recipients = [...new Set(all.map((m) => m.address))];
  const prepared: PreparedSend = {
    content: simple ? 'Simple' : 'Raw',
    from,
    to,
    cc,
    bcc,
    replyTo,
    recipients,
    tags,
  };
  if (configurationSetName !== undefined) prepared.configurationSetName = configurationSetName;
  const listManagement = request.ListManagementOptions ?? control.listManagement;
  if (listManagement !== undefined) prepared.listManagement = listManagement;
  if (simple) prepared.simple = simple;
  if (raw) {
    prepared.raw = raw;
    prepared.rawHeaders = headers;
  }
  return prepared;
}
