/**
 * A part's content, decoded only when it is asked for: the transfer encoding (RFC 2045 §6)
 * undone, and for text the charset applied. Attachments keep their bytes encoded in the raw
 * message until `content` is read, so listing the parts of a 25 MB message decodes nothing.
 */
import { base64DecodedSize, decodeBase64 } from './base64.ts';
import { decodeUtf8Strict, firstEightBit } from './bytes.ts';
import { decodeCharset } from './charset.ts';
import type { DecodeIssue } from './decode-issue.ts';
import type { DiagnosticLog } from './inspect-diagnostics.ts';
import { decodeQuotedPrintable } from './qp.ts';
import type { ScannedPart } from './structure-scan.ts';
import type { InspectedAttachment } from './types.ts';

/** Transfer encodings RFC 2045 §6.1 defines. */
export const KNOWN_TRANSFER_ENCODINGS = new Set([
  '7bit',
  '8bit',
  'binary',
  'quoted-printable',
  'base64',
]);

/** The part's body bytes as they are in the message. */
export function rawBody(raw: Uint8Array, part: ScannedPart): Uint8Array {
  return raw.subarray(part.bodyStart, part.end);
}

/**
 * Undo a transfer encoding (RFC 2045 §6) on body bytes; 7bit, 8bit, binary and unknown encodings
 * give the bytes as they are. The one decoder every view of a part uses.
 */
export function decodeTransferEncoding(
  body: Uint8Array,
  encoding: string | undefined,
  issues?: DecodeIssue[],
): Uint8Array {
  switch (encoding?.trim().toLowerCase()) {
    case 'base64':
      return decodeBase64(body, issues);
    case 'quoted-printable':
      return decodeQuotedPrintable(body, issues);
    default:
      return body;
  }
}

/** Undo the part's transfer encoding; unknown encodings give the bytes as they are. */
export function decodeTransfer(
  raw: Uint8Array,
  part: ScannedPart,
  issues?: DecodeIssue[],
): Uint8Array {
  return decodeTransferEncoding(rawBody(raw, part), part.fields.transferEncoding, issues);
}

/** The bytes as UTF-8 when they hold 8-bit bytes and are valid UTF-8; otherwise undefined. */
function validUtf8(bytes: Uint8Array): string | undefined {
  return firstEightBit(bytes) < 0 ? undefined : decodeUtf8Strict(bytes);
}

/**
 * Decoded body bytes as text in `charset` (`us-ascii` when none is named, RFC 2045 §5.2). 8-bit
 * bytes in text that claims ASCII (or names no charset) are almost always UTF-8 from a careless
 * sender: they are read so when they are valid UTF-8 (the body-8bit diagnostic says why).
 */
export function decodeBodyText(
  bytes: Uint8Array,
  charset: string | undefined,
  issues?: DecodeIssue[],
): string {
  const label = charset?.trim() || 'us-ascii';
  const text = /^(us-)?ascii$/i.test(label) ? validUtf8(bytes) : undefined;
  return text ?? decodeCharset(bytes, label, issues);
}

/**
 * Decode a text part to a string in its charset (see {@link decodeBodyText}). What the transfer
 * decoding had to forgive, and a charset that cannot be decoded (read as Windows-1252 so that no
 * byte is lost), are reported.
 */
export function decodeText(raw: Uint8Array, part: ScannedPart, log: DiagnosticLog): string {
  const issues: DecodeIssue[] = [];
  const bytes = decodeTransfer(raw, part, issues);
  const text = decodeBodyText(bytes, part.fields.params.charset, issues);
  for (const issue of issues) {
    if (issue.code === 'unknown-charset') {
      log.add('warning', 'charset-unsupported', issue.message, part.start, part.bodyStart);
    } else {
      const from = part.bodyStart + (issue.index ?? 0);
      log.add(
        'warning',
        'body-encoding-malformed',
        `The ${part.fields.transferEncoding} body of a ${part.fields.contentType} part: ${issue.message}`,
        from,
        part.end,
      );
    }
  }
  return text;
}

/** An attachment whose `content` (and, unless cheap, `size`) is worked out on first read. */
export function lazyAttachment(
  raw: Uint8Array,
  part: ScannedPart,
  filename: string | undefined,
): InspectedAttachment {
  let content: Uint8Array | undefined;
  const encoding = part.fields.transferEncoding;
  const decoded = encoding === 'base64' || encoding === 'quoted-printable';
  const decode = () => {
    // A 7bit/8bit body would be a view into the caller's message: give it bytes of its own.
    content ??= decoded ? decodeTransfer(raw, part) : rawBody(raw, part).slice();
    return content;
  };
  const attachment = { contentType: part.fields.contentType } as InspectedAttachment;
  if (filename !== undefined) attachment.filename = filename;
  if (part.fields.contentId) attachment.contentId = part.fields.contentId;
  if (part.fields.disposition) attachment.disposition = part.fields.disposition;
  let size: number | undefined = decoded ? undefined : part.end - part.bodyStart;
  Object.defineProperty(attachment, 'size', {
    enumerable: true,
    get: () => {
      if (size === undefined) {
        size = encoding === 'base64' ? base64DecodedSize(rawBody(raw, part)) : decode().length;
      }
      return size;
    },
  });
  Object.defineProperty(attachment, 'content', { enumerable: true, get: decode });
  return attachment;
}
