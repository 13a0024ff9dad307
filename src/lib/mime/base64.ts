/**
 * Base64 (RFC 2045 §6.8) on bytes, with a lookup table and no intermediate strings, because
 * attachments are the bulk of most messages.
 */
import { report, type DecodeIssue } from './decode-issue.ts';

// Byte values are local constants, not imports: a module-to-CommonJS transform (tsx, some test
// runners) turns imported bindings into getter calls, which would dominate this hot loop.
const CR = 0x0d;
const LF = 0x0a;

/** RFC 2045 §6.8: encoded lines are at most 76 characters. */
export const BASE64_MAX_LINE = 76;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const PAD = 0x3d; // '='

/** Alphabet as byte values. */
const ENCODE = new Uint8Array(64);
/** Byte value → sextet (RFC 4648 §4 alphabet), or 255 for bytes outside the alphabet. */
export const BASE64_VALUES: Readonly<Uint8Array> = new Uint8Array(256).fill(255);
const DECODE = BASE64_VALUES as Uint8Array;
for (let i = 0; i < 64; i++) {
  ENCODE[i] = ALPHABET.charCodeAt(i);
  DECODE[ALPHABET.charCodeAt(i)] = i;
}
/**
 * Two output characters for each 12-bit value, first character in the low byte (for
 * little-endian 32-bit stores): halves the table lookups in the hot loop.
 */
const PAIRS_LE = new Uint16Array(4096);
for (let i = 0; i < 4096; i++) PAIRS_LE[i] = ENCODE[i >> 6]! | (ENCODE[i & 63]! << 8);
/** Pairs of output bytes for each 12-bit value: halves the table lookups in the hot loop. */
const PAIRS = new Uint16Array(4096);
for (let i = 0; i < 4096; i++) PAIRS[i] = (ENCODE[i >> 6]! << 8) | ENCODE[i & 63]!;

/** Length of the encoding of `length` bytes without line breaks. */
function encodedLength(length: number): number {
  return Math.ceil(length / 3) * 4;
}

/**
 * Encode bytes into `out` at `at`, without line breaks; returns the offset after the last byte.
 * Only `input[start, end)` is read.
 */
function encodeInto(
  input: Uint8Array,
  start: number,
  end: number,
  out: Uint8Array,
  at: number,
): number {
  let i = start;
  const whole = end - ((end - start) % 3);
  while (i < whole) {
    const triple = (input[i]! << 16) | (input[i + 1]! << 8) | input[i + 2]!;
    const high = PAIRS[triple >>> 12]!;
    const low = PAIRS[triple & 4095]!;
    out[at] = high >> 8;
    out[at + 1] = high & 255;
    out[at + 2] = low >> 8;
    out[at + 3] = low & 255;
    at += 4;
    i += 3;
  }
  const rest = end - i;
  if (rest === 1) {
    const a = input[i]!;
    out[at] = ENCODE[a >> 2]!;
    out[at + 1] = ENCODE[(a & 3) << 4]!;
    out[at + 2] = PAD;
    out[at + 3] = PAD;
    at += 4;
  } else if (rest === 2) {
    const a = input[i]!;
    const b = input[i + 1]!;
    out[at] = ENCODE[a >> 2]!;
    out[at + 1] = ENCODE[((a & 3) << 4) | (b >> 4)]!;
    out[at + 2] = ENCODE[(b & 15) << 2]!;
    out[at + 3] = PAD;
    at += 4;
  }
  return at;
}

/** Encode bytes as one base64 string without line breaks (for encoded words and tests). */
export function encodeBase64(input: Uint8Array): string {
  const out = new Uint8Array(encodedLength(input.length));
  encodeInto(input, 0, input.length, out, 0);
  let text = '';
  for (let i = 0; i < out.length; i += 0x8000) {
    text += String.fromCharCode.apply(null, out.subarray(i, i + 0x8000) as unknown as number[]);
  }
  return text;
}

/** The length of {@link encodeBase64Lines}'s result for `length` input bytes (76-character lines). */
export function base64LinesLength(length: number): number {
  const chars = encodedLength(length);
  const lines = Math.max(1, Math.ceil(chars / BASE64_MAX_LINE));
  return chars + (lines - 1) * 2;
}

/**
 * Encode bytes as a base64 body: lines of {@link BASE64_MAX_LINE} characters separated by CRLF,
 * without a line break after the last line.
 */
export function encodeBase64Lines(input: Uint8Array, lineLength = BASE64_MAX_LINE): Uint8Array {
  if (lineLength < 4 || lineLength % 4 !== 0 || lineLength > BASE64_MAX_LINE) {
    throw new RangeError(
      `A base64 line length must be a multiple of 4 from 4 to 76, not ${lineLength}.`,
    );
  }
  const chars = encodedLength(input.length);
  const lines = Math.max(1, Math.ceil(chars / lineLength));
  const out = new Uint8Array(chars + (lines - 1) * 2);
  encodeLinesInto(input, out, lineLength);
  return out;
}

/**
 * Write the base64 lines of `input` into `out`, which is exactly as long as the result (so a
 * message writer can encode straight into its output buffer, without a copy).
 */
export function encodeBase64LinesInto(input: Uint8Array, out: Uint8Array): void {
  if (out.length !== base64LinesLength(input.length)) {
    throw new RangeError('The output of base64 lines must be exactly as long as the encoding.');
  }
  encodeLinesInto(input, out, BASE64_MAX_LINE);
}

/** The four characters of a 24-bit group, first character in the low byte. */
function quad(triple: number): number {
  return PAIRS_LE[triple >>> 12]! | (PAIRS_LE[triple & 4095]! << 16);
}

function encodeLinesInto(input: Uint8Array, out: Uint8Array, lineLength: number): void {
  const length = input.length;
  const bytesPerLine = (lineLength / 4) * 3;
  // Attachments are most of a message's bytes: every line but the last is written by straight
  // code, 12 input bytes read as three 32-bit words and written as four words of four characters
  // through DataViews (byte order is explicit), then the 0, 3, 6 or 9 bytes left on the line.
  const source = new DataView(input.buffer, input.byteOffset, input.byteLength);
  const target = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const groups = Math.floor(bytesPerLine / 12);
  const tail = bytesPerLine % 12;
  const breaks = Math.max(0, Math.ceil(length / bytesPerLine) - 1);
  let at = 0;
  let i = 0;
  for (let line = 0; line < breaks; line++) {
    for (let group = 0; group < groups; group++) {
      const w0 = source.getUint32(i);
      const w1 = source.getUint32(i + 4);
      const w2 = source.getUint32(i + 8);
      target.setUint32(at, quad(w0 >>> 8), true);
      target.setUint32(at + 4, quad(((w0 & 0xff) << 16) | (w1 >>> 16)), true);
      target.setUint32(at + 8, quad(((w1 & 0xffff) << 8) | (w2 >>> 24)), true);
      target.setUint32(at + 12, quad(w2 & 0xffffff), true);
      at += 16;
      i += 12;
    }
    if (tail === 9) {
      const w0 = source.getUint32(i);
      const w1 = source.getUint32(i + 4);
      target.setUint32(at, quad(w0 >>> 8), true);
      target.setUint32(at + 4, quad(((w0 & 0xff) << 16) | (w1 >>> 16)), true);
      target.setUint32(at + 8, quad(((w1 & 0xffff) << 8) | input[i + 8]!), true);
      at += 12;
      i += 9;
    } else {
      for (const stop = i + tail; i < stop; i += 3, at += 4) {
        target.setUint32(at, quad((input[i]! << 16) | (input[i + 1]! << 8) | input[i + 2]!), true);
      }
    }
    target.setUint16(at, CR | (LF << 8), true);
    at += 2;
  }
  // The last line: whole groups, then the padded end.
  const whole = length - ((length - i) % 3);
  for (; i < whole; i += 3, at += 4) {
    target.setUint32(at, quad((input[i]! << 16) | (input[i + 1]! << 8) | input[i + 2]!), true);
  }
  encodeInto(input, i, length, out, at);
}

/**
 * Decode base64 leniently: characters outside the alphabet (line breaks, spaces, stray bytes) are
 * skipped, missing padding is tolerated, and decoding stops at the first padding character.
 * Reports `base64-invalid-characters`, `base64-padding` (missing padding) and `base64-length`
 * (one character left over: it carries fewer than 8 bits and is dropped).
 */
export function decodeBase64(input: Uint8Array | string, issues?: DecodeIssue[]): Uint8Array {
  const length = input.length;
  const text = typeof input === 'string' ? input : undefined;
  const bytes = typeof input === 'string' ? undefined : input;
  const out = new Uint8Array(Math.ceil((length * 3) / 4));
  let at = 0;
  let buffer = 0;
  let count = 0;
  let padding = 0;
  let invalid = -1;
  for (let i = 0; i < length; i++) {
    const code = text !== undefined ? text.charCodeAt(i) : bytes![i]!;
    const value = code < 256 ? DECODE[code]! : 255;
    if (value === 255) {
      if (code === PAD) {
        padding++;
      } else if (code !== CR && code !== LF && code !== 0x20 && code !== 0x09 && invalid < 0) {
        invalid = i;
      }
      continue;
    }
    if (padding > 0) continue; // data after padding: RFC 2045 §6.8 says the data ends at '='
    buffer = (buffer << 6) | value;
    count++;
    if (count === 4) {
      out[at++] = (buffer >> 16) & 255;
      out[at++] = (buffer >> 8) & 255;
      out[at++] = buffer & 255;
      buffer = 0;
      count = 0;
    }
  }
  if (invalid >= 0) {
    report(
      issues,
      'base64-invalid-characters',
      'Base64 data contains characters outside the alphabet; they were skipped.',
      invalid,
    );
  }
  if (count === 1) {
    report(
      issues,
      'base64-length',
      'Base64 data ends with a single character, which cannot form a byte; it was dropped.',
    );
  } else if (count > 1) {
    if (padding < 4 - count) {
      report(issues, 'base64-padding', 'Base64 data is missing its final padding.');
    }
    if (count === 2) {
      out[at++] = (buffer >> 4) & 255;
    } else {
      out[at++] = (buffer >> 10) & 255;
      out[at++] = (buffer >> 2) & 255;
    }
  }
  return out.subarray(0, at);
}

/** The decoded size of base64 data, counted without decoding it (stops at the first `=`). */
export function base64DecodedSize(body: Uint8Array): number {
  let characters = 0;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i]!;
    if (byte === PAD) break;
    if (DECODE[byte] !== 255) characters++;
  }
  return Math.floor((characters * 3) / 4);
}
