/**
 * Changing the text a reader sees in a message SES sends, whatever its content type: each text
 * or HTML body part (not an attachment) is decoded, rewritten, and encoded again with the transfer
 * encoding it had; every other byte of the message (headers, boundaries, attachments, parts left
 * unchanged) is kept as it was. What SES does to a message's body after accepting it (the
 * unsubscribe link of list management) goes through here.
 */
import {
  concatBytes,
  DiagnosticLog,
  decodeText,
  encodeBase64Lines,
  encodeQuotedPrintable,
  scanStructure,
  utf8Encode,
} from '../../mime/index.ts';
import { isBodyText, leaves } from './message-content.ts';

/**
 * Charsets whose text can be written back as UTF-8 bytes unchanged. A part in another charset
 * (ISO-8859-1, Shift_JIS …) is left alone: the engine has no encoder for them.
 */
const UTF8_WRITABLE = new Set(['utf-8', 'utf8', 'us-ascii', 'ascii']);

/** A body's text encoded again in the part's transfer encoding. */
function encodeBody(text: string, transferEncoding: string | undefined): Uint8Array {
  switch (transferEncoding?.trim().toLowerCase()) {
    case 'base64':
      return encodeBase64Lines(utf8Encode(text));
    case 'quoted-printable':
      // Text-mode quoted-printable keeps CRLF as line breaks; bare line ends become CRLF first.
      return encodeQuotedPrintable(utf8Encode(text.replace(/\r\n|\r|\n/g, '\r\n')));
    default:
      return utf8Encode(text);
  }
}

/**
 * The message with each body text replaced by `rewrite(text, contentType)`. Returns the input
 * itself when nothing changed.
 */
export function rewriteBodyText(
  raw: Uint8Array,
  rewrite: (text: string, contentType: string) => string,
): Uint8Array {
  const log = new DiagnosticLog();
  const pieces: Uint8Array[] = [];
  let cursor = 0;
  for (const part of leaves(scanStructure(raw, log))) {
    // An empty body has nothing to rewrite, and may lack the blank line that would end its
    // headers: text written there would read as a header.
    if (!isBodyText(part) || part.bodyStart >= part.end) continue;
    const charset = part.fields.params.charset?.trim().toLowerCase();
    if (charset !== undefined && !UTF8_WRITABLE.has(charset)) continue;
    const text = decodeText(raw, part, log);
    const next = rewrite(text, part.fields.contentType);
    if (next === text) continue;
    pieces.push(
      raw.subarray(cursor, part.bodyStart),
      encodeBody(next, part.fields.transferEncoding),
    );
    cursor = part.end;
  }
  if (pieces.length === 0) return raw;
  pieces.push(raw.subarray(cursor));
  return concatBytes(pieces);
}
