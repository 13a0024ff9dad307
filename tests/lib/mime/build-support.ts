/**
 * Checks shared by the builder's tests: the message-level invariants every built message must
 * meet, and decoding a leaf part's body from the offsets in its tree node.
 */
import { expect } from 'vitest';
import {
  decodeBase64,
  decodeQuotedPrintable,
  type BuiltMessage,
  type MimeNode,
} from '../../../src/lib/mime/index.ts';

/** A byte range of the raw message as text, one character per byte. */
export function slice(raw: Uint8Array, start: number, end: number): string {
  return Buffer.from(raw.subarray(start, end)).toString('latin1');
}

/** 7-bit only, CRLF only, no line over 998, QP and base64 lines within 76, headers folded. */
export function expectWellFormed(message: BuiltMessage): void {
  const text = slice(message.raw, 0, message.raw.length);
  expect(message.raw.every((byte) => byte < 0x80)).toBe(true);
  expect(text).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
  for (const line of text.split('\r\n')) expect(line.length).toBeLessThanOrEqual(998);
  const walk = (node: MimeNode) => {
    const head = slice(message.raw, node.start, node.bodyStart);
    expect(head.endsWith('\r\n\r\n')).toBe(true);
    if (node.transferEncoding === 'quoted-printable' || node.transferEncoding === 'base64') {
      for (const line of slice(message.raw, node.bodyStart, node.end).split('\r\n')) {
        expect(line.length).toBeLessThanOrEqual(76);
      }
    }
    node.children.forEach(walk);
  };
  walk(message.tree);
}

/** The decoded content of a leaf node, read from the raw message at the node's offsets. */
export function nodeContent(message: BuiltMessage, node: MimeNode): Uint8Array {
  const body = message.raw.subarray(node.bodyStart, node.end);
  if (node.transferEncoding === 'base64') return decodeBase64(body);
  if (node.transferEncoding === 'quoted-printable') return decodeQuotedPrintable(body);
  return body;
}

/** The leaf nodes of a tree, in order. */
export function leaves(node: MimeNode): MimeNode[] {
  return node.children.length ? node.children.flatMap(leaves) : [node];
}

/** A tree as nested content types, e.g. `multipart/mixed(text/plain,image/png)`. */
export function shape(node: MimeNode): string {
  return node.children.length
    ? `${node.contentType}(${node.children.map(shape).join(',')})`
    : node.contentType;
}
