/**
 * A decoded body part and the way back from a place in its text to the editor (1-based line and
 * column) and to the raw message (byte offsets through the part's transfer encoding). Offsets
 * into the text are UTF-16 code units, as JavaScript strings and parse5's locations count them.
 */
import type { MimeNode } from '../mime/index.ts';
import type { CheckRange } from './types.ts';

const EQUALS = 0x3d;
const CR = 0x0d;
const LF = 0x0a;
/** Every this many characters, the UTF-8 byte count so far is remembered. */
const CHECKPOINT = 4096;

/** Charsets whose characters are one byte each (so a character offset is a byte offset). */
const SINGLE_BYTE = /^(us-ascii|ascii|iso-8859-\d+|latin1|windows-125\d|cp125\d)$/i;

function isBase64Char(byte: number): boolean {
  return (
    (byte >= 0x41 && byte <= 0x5a) ||
    (byte >= 0x61 && byte <= 0x7a) ||
    (byte >= 0x30 && byte <= 0x39) ||
    byte === 0x2b ||
    byte === 0x2f
  );
}

/** Whether every character of `text` is below `limit`. */
export function allBelow(text: string, limit: number): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= limit) return false;
  return true;
}

function utf8Length(code: number): number {
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  if (code >= 0xd800 && code <= 0xdbff) return 4; // a surrogate pair: 4 bytes for both halves
  if (code >= 0xdc00 && code <= 0xdfff) return 0;
  return 3;
}

/** The text of one body part, with its place in the message. */
export class SourceText {
  readonly text: string;
  /** MIME part path, e.g. `1.2`. */
  readonly part: string;
  readonly #raw: Uint8Array;
  readonly #node: MimeNode | undefined;
  #lineStarts: number[] | undefined;
  #byteCheckpoints: number[] | undefined;
  #rawOffsets: Uint32Array | undefined;

  constructor(text: string, part: string, raw: Uint8Array, node?: MimeNode) {
    this.text = text;
    this.part = part;
    this.#raw = raw;
    this.#node = node;
  }

  /** 1-based line and column of a text offset. */
  lineColumn(offset: number): { line: number; column: number } {
    const starts = (this.#lineStarts ??= this.#findLineStarts());
    const at = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= at) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: at - starts[low]! + 1 };
  }

  /** Raw-message bytes of text offsets `[start, end)`, or the part's body when unknown. */
  rawRange(start: number, end: number): CheckRange | undefined {
    const node = this.#node;
    if (!node) return undefined;
    const from = this.#rawOffset(start);
    const to = this.#rawOffset(Math.max(start, end));
    if (from === undefined || to === undefined) return { start: node.bodyStart, end: node.end };
    return { start: from, end: Math.max(from, to) };
  }

  #findLineStarts(): number[] {
    const starts = [0];
    for (let i = 0; i < this.text.length; i++) {
      if (this.text.charCodeAt(i) === 10) starts.push(i + 1);
    }
    return starts;
  }

  /** Byte offset in the decoded body of a text offset, when the charset allows working it out. */
  #decodedByte(offset: number): number | undefined {
    const charset = this.#node?.charset ?? 'us-ascii';
    if (SINGLE_BYTE.test(charset) && allBelow(this.text, 0x100)) return offset;
    if (!/^utf-?8$/i.test(charset) && !SINGLE_BYTE.test(charset)) return undefined;
    const checkpoints = (this.#byteCheckpoints ??= this.#countBytes());
    const index = Math.floor(offset / CHECKPOINT);
    let bytes = checkpoints[Math.min(index, checkpoints.length - 1)]!;
    for (let i = index * CHECKPOINT; i < offset && i < this.text.length; i++) {
      bytes += utf8Length(this.text.charCodeAt(i));
    }
    return bytes;
  }

  #countBytes(): number[] {
    const out = [0];
    let bytes = 0;
    for (let i = 0; i < this.text.length; i++) {
      bytes += utf8Length(this.text.charCodeAt(i));
      if ((i + 1) % CHECKPOINT === 0) out.push(bytes);
    }
    return out;
  }

  #rawOffset(textOffset: number): number | undefined {
    const node = this.#node!;
    const decoded = this.#decodedByte(textOffset);
    if (decoded === undefined) return undefined;
    const encoding = node.transferEncoding;
    if (encoding !== 'quoted-printable' && encoding !== 'base64') {
      return Math.min(node.bodyStart + decoded, node.end);
    }
    const offsets = (this.#rawOffsets ??= this.#mapEncoded(encoding));
    return offsets[Math.min(decoded, offsets.length - 1)];
  }

  /** For each decoded byte, the raw offset where it is encoded (one more entry for the end). */
  #mapEncoded(encoding: 'quoted-printable' | 'base64'): Uint32Array {
    const raw = this.#raw;
    const { bodyStart, end } = this.#node!;
    const out: number[] = [];
    if (encoding === 'base64') {
      let chars = 0;
      for (let i = bodyStart; i < end; i++) {
        if (!isBase64Char(raw[i]!)) continue;
        // Characters 0, 1 and 2 of a quartet each begin one decoded byte.
        if (chars % 4 !== 3) out.push(i);
        chars++;
      }
    } else {
      for (let i = bodyStart; i < end; i++) {
        const byte = raw[i]!;
        if (byte === EQUALS && (raw[i + 1] === CR || raw[i + 1] === LF)) {
          i += raw[i + 1] === CR && raw[i + 2] === LF ? 2 : 1;
        } else if (byte === EQUALS && i + 2 < end) {
          out.push(i);
          i += 2;
        } else {
          out.push(i);
        }
      }
    }
    out.push(end);
    return Uint32Array.from(out);
  }
}
