/**
 * Planning the parts of a message: text bodies with their transfer encoding, attachments with
 * their names and ids, and the multipart containers that hold them.
 */
import { encodeBase64Lines } from './base64.ts';
import { utf8Encode } from './bytes.ts';
import { encodeWordRun, needsEncoding } from './encoded-word.ts';
import { attachmentType } from './media-types.ts';
import { formatHeaderValue, parseHeaderValue } from './params.ts';
import { encodeQuotedPrintable } from './qp.ts';
import type { PlannedPart } from './serialize.ts';
import {
  chooseAttachmentEncoding,
  chooseTextEncoding,
  type TransferEncodingChoice,
} from './transfer-encoding.ts';
import type { DraftAttachment, HeaderField } from './types.ts';

/** The longest RFC 2047 `name=` value that keeps its Content-Type line within 998 characters. */
const LEGACY_NAME_MAX = 700;

/** Line ends of typed text (CRLF, lone CR, lone LF) as CRLF, as RFC 5322 §2.3 requires. */
export function normaliseLineEnds(text: string): string {
  return text.replace(/\r\n|\r|\n/g, '\r\n');
}

/** Text bytes in the transfer encoding chosen for them. */
export function encodeBody(bytes: Uint8Array, choice: TransferEncodingChoice): Uint8Array {
  if (choice.encoding === 'quoted-printable') return encodeQuotedPrintable(bytes);
  if (choice.encoding === 'base64') return encodeBase64Lines(bytes);
  return bytes;
}

/** A text body as a message carries it: UTF-8 with CRLF line ends. */
export function bodyBytes(text: string): Uint8Array {
  return utf8Encode(normaliseLineEnds(text));
}

/** A text body's transfer encoding and its bytes in that encoding. */
export interface EncodedText {
  choice: TransferEncodingChoice;
  body: Uint8Array;
}

/** {@link bodyBytes} encoded as {@link textPart} would encode them. */
export function encodeText(bytes: Uint8Array): EncodedText {
  const choice = chooseTextEncoding(bytes);
  return { choice, body: encodeBody(bytes, choice) };
}

/**
 * A `text/plain` or `text/html` part in UTF-8, from {@link bodyBytes}, encoded here unless
 * `encoded` (from {@link encodeText} or a `TextBodyCache`) is given.
 */
export function textPart(
  subtype: 'plain' | 'html',
  bytes: Uint8Array,
  encoded: EncodedText = encodeText(bytes),
): PlannedPart {
  const { choice, body } = encoded;
  return {
    contentType: `text/${subtype}`,
    headers: [
      { name: 'Content-Type', value: formatHeaderValue(`text/${subtype}`, [['charset', 'utf-8']]) },
      { name: 'Content-Transfer-Encoding', value: choice.encoding },
    ],
    body,
    transferEncoding: choice.encoding,
    transferEncodingReason: choice.reason,
    charset: 'utf-8',
  };
}

/** An attachment or inline part, base64-encoded. `contentId` is without angle brackets. */
export function attachmentPart(
  attachment: DraftAttachment,
  disposition: 'attachment' | 'inline',
  contentId: string | undefined,
  fallback: 'rfc2231' | 'rfc2047',
): PlannedPart {
  const type = attachmentType(attachment.filename, attachment.contentType);
  const filename = attachment.filename;
  const choice = chooseAttachmentEncoding();
  let contentType = type;
  if (filename) {
    const legacy = fallback === 'rfc2047' && needsEncoding(filename) ? encodeWordRun(filename) : '';
    // A quoted run of encoded words cannot be folded; a name too long for one line uses RFC 2231.
    contentType =
      legacy && legacy.length < LEGACY_NAME_MAX
        ? `${type}; name="${legacy}"`
        : formatHeaderValue(type, [['name', filename]]);
  }
  const headers: HeaderField[] = [
    { name: 'Content-Type', value: contentType },
    { name: 'Content-Transfer-Encoding', value: choice.encoding },
    {
      name: 'Content-Disposition',
      value: filename ? formatHeaderValue(disposition, [['filename', filename]]) : disposition,
    },
  ];
  if (contentId) headers.push({ name: 'Content-ID', value: `<${contentId}>` });
  const part: PlannedPart = {
    contentType: type,
    headers,
    base64Source: attachment.content,
    transferEncoding: choice.encoding,
    transferEncodingReason: choice.reason,
    filename,
    disposition,
  };
  if (contentId) part.contentId = contentId;
  return part;
}

/**
 * A further alternative body (e.g. `text/calendar; method=REQUEST`): the declared type with its
 * parameters and no disposition. Its bytes go in base64, as they are: they may be in any
 * charset and their line ends are the sender's.
 */
export function alternativePart(attachment: DraftAttachment): PlannedPart {
  const declared = parseHeaderValue(attachment.contentType ?? '');
  const type = attachmentType(attachment.filename, declared.value);
  const params = Object.entries(declared.params).filter(([name]) => name !== 'name');
  const choice = chooseAttachmentEncoding();
  const part: PlannedPart = {
    contentType: type,
    headers: [
      { name: 'Content-Type', value: formatHeaderValue(type, params) },
      { name: 'Content-Transfer-Encoding', value: choice.encoding },
    ],
    base64Source: attachment.content,
    transferEncoding: choice.encoding,
    transferEncodingReason: choice.reason,
  };
  if (declared.params.charset) part.charset = declared.params.charset;
  return part;
}

/** A multipart container; its boundary is assigned once the tree is complete. */
export function multipartPart(
  subtype: 'mixed' | 'alternative' | 'related',
  children: PlannedPart[],
): PlannedPart {
  return { contentType: `multipart/${subtype}`, headers: [], children };
}

/**
 * Give every multipart its boundary (by depth) and its Content-Type header. RFC 2387 §3.1 asks
 * multipart/related for the type of its root part.
 */
export function assignBoundaries(
  part: PlannedPart,
  boundaryAt: (depth: number) => string,
  depth = 0,
): void {
  if (!part.children) return;
  const boundary = boundaryAt(depth);
  part.boundary = boundary;
  const params: Array<[string, string]> = [];
  if (part.contentType === 'multipart/related')
    params.push(['type', part.children[0]!.contentType]);
  // Always one quoted string, never RFC 2231 sections: some readers cannot rejoin a boundary.
  const value = `${formatHeaderValue(part.contentType, params)}; boundary="${boundary}"`;
  part.headers = [{ name: 'Content-Type', value }];
  for (const child of part.children) assignBoundaries(child, boundaryAt, depth + 1);
}

/** The 7bit bodies of a tree: the only ones that could contain a boundary by accident. */
export function sevenBitBodies(part: PlannedPart): Uint8Array[] {
  if (part.children) return part.children.flatMap(sevenBitBodies);
  return part.transferEncoding === '7bit' && part.body ? [part.body] : [];
}
