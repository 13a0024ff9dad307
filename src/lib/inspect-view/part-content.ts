/**
 * A part of an inspected message as a person reads or saves it, decoded by the engine's own
 * decoders (src/lib/mime/part-content.ts), so the structure view shows a part exactly as the
 * bodies view and the engine read it.
 */
import { decodeBodyText, decodeTransferEncoding } from '../mime/index.ts';
import type { MimeNode } from '../mime/types.ts';

/** The body bytes of `node` in `raw`, with the transfer encoding undone. */
export function decodePartBytes(raw: Uint8Array, node: MimeNode): Uint8Array {
  const body = raw.subarray(Math.min(node.bodyStart, node.end), node.end);
  // A copy: the caller may keep or download it; the raw message must not be held through it.
  return decodeTransferEncoding(body, node.transferEncoding).slice();
}

/** The text of a text part, as the engine reads the bodies. */
export function decodePartText(raw: Uint8Array, node: MimeNode): string {
  return decodeBodyText(decodePartBytes(raw, node), node.charset);
}
