/**
 * A part's body as a person reads or saves it: its bytes undone from their transfer encoding
 * (RFC 2045 §6), and for text its characters in its charset. Uses the engine's codecs; lenient,
 * as they are, so a damaged part still shows what can be read.
 */
import { decodeBase64, decodeCharset, decodeQuotedPrintable } from '../mime/index.ts';
import type { MimeNode } from '../mime/types.ts';

/** The body bytes of `node` in `raw`, with the transfer encoding undone. */
export function decodePartBytes(raw: Uint8Array, node: MimeNode): Uint8Array {
  const body = raw.subarray(Math.min(node.bodyStart, node.end), node.end);
  const encoding = (node.transferEncoding ?? '7bit').trim().toLowerCase();
  if (encoding === 'base64') return decodeBase64(body);
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  return body.slice();
}

/** The text of a text part: decoded bytes in the part's charset (US-ASCII by default, RFC 2045 §5.2). */
export function decodePartText(raw: Uint8Array, node: MimeNode): string {
  return decodeCharset(decodePartBytes(raw, node), node.charset ?? 'us-ascii');
}
