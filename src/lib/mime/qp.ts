/**
 * Quoted-printable (RFC 2045 §6.7) on bytes. The encoder writes into one preallocated buffer and
 * never splits an `=XX` triplet or a UTF-8 character across a soft line break.
 */
import { CR, EQUALS, LF, SPACE, TAB } from './bytes.ts';
import { report, type DecodeIssue } from './decode-issue.ts';

/** RFC 2045 §6.7 rule 5: encoded lines are at most 76 characters, the soft-break `=` included. */
export const QP_MAX_LINE = 76;

const HEX = new Uint8Array([...'0123456789ABCDEF'].map((c) => c.charCodeAt(0)));
/** Hex digit byte → value, or 255. Lower case is accepted when decoding (RFC 2045 §6.7 note). */
const UNHEX = new Uint8Array(256).fill(255);
for (let i = 0; i < 16; i++) {
  UNHEX['0123456789ABCDEF'.charCodeAt(i)] = i;
  UNHEX['0123456789abcdef'.charCodeAt(i)] = i;
}
/** 1 for bytes that may appear literally (RFC 2045 §6.7 rule 2: 33–60 and 62–126). */
const LITERAL = new Uint8Array(256);
for (let b = 33; b <= 126; b++) LITERAL[b] = b === EQUALS ? 0 : 1;

/** Options of {@link encodeQuotedPrintable}. */
export interface QuotedPrintableOptions {
  /**
   * Binary mode: CR and LF are data and get encoded (`=0D=0A`). In text mode (the default) a CRLF
   * pair is a hard line break and a lone CR or LF is encoded.
   */
  binary?: boolean;
}

/** How many bytes the UTF-8 sequence starting at `i` spans (1 for ASCII or a stray byte). */
function sequenceLength(input: Uint8Array, i: number, end: number): number {
  const lead = input[i]!;
  const want = lead >= 0xf0 && lead < 0xf8 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  let n = 1;
  while (n < want && i + n < end && (input[i + n]! & 0xc0) === 0x80) n++;
  return n;
}

/**
 * Encode bytes as quoted-printable with CRLF line ends. Trailing white space before a line end is
 * encoded (rule 3), lines are at most 76 characters, and soft breaks fall only between characters.
 */
export function encodeQuotedPrintable(
  input: Uint8Array,
  options: QuotedPrintableOptions = {},
): Uint8Array {
  const binary = options.binary === true;
  const end = input.length;
  // Worst case: every byte escaped, plus a soft break every 25 triplets.
  const out = new Uint8Array(end * 3 + Math.ceil((end * 3) / 72) * 3 + 3);
  let at = 0;
  let column = 0;
  let i = 0;
  while (i < end) {
    const byte = input[i]!;
    if (!binary && byte === CR && i + 1 < end && input[i + 1] === LF) {
      out[at++] = CR;
      out[at++] = LF;
      column = 0;
      i += 2;
      continue;
    }
    let units: number; // input bytes this step consumes
    let width: number; // characters it writes
    let literal = false;
    if (LITERAL[byte] === 1) {
      units = 1;
      width = 1;
      literal = true;
    } else if (byte === SPACE || byte === TAB) {
      // Rule 3: white space is literal unless a line end (or the end of data) follows it.
      const next = i + 1;
      const atLineEnd =
        next === end || (!binary && input[next] === CR && next + 1 < end && input[next + 1] === LF);
      units = 1;
      width = atLineEnd ? 3 : 1;
      literal = !atLineEnd;
    } else if (byte >= 0xc0) {
      units = sequenceLength(input, i, end);
      width = units * 3;
    } else {
      units = 1;
      width = 3;
    }
    // A line may reach 76 characters only when nothing follows on it; otherwise keep room for the
    // soft-break '='.
    const next = i + units;
    const lineEndsHere =
      next === end || (!binary && input[next] === CR && next + 1 < end && input[next + 1] === LF);
    if (column + width > QP_MAX_LINE - 1 && !(lineEndsHere && column + width <= QP_MAX_LINE)) {
      out[at++] = EQUALS;
      out[at++] = CR;
      out[at++] = LF;
      column = 0;
    }
    if (literal) {
      out[at++] = byte;
    } else {
      for (let k = i; k < next; k++) {
        const b = input[k]!;
        out[at++] = EQUALS;
        out[at++] = HEX[b >> 4]!;
        out[at++] = HEX[b & 15]!;
      }
    }
    column += width;
    i = next;
  }
  return out.slice(0, at);
}

/**
 * Decode quoted-printable leniently: soft breaks after `=` with CRLF or a bare LF, lower-case hex,
 * white space that transport added before a line end (removed, rule 3). An `=` not followed by
 * two hex digits is kept as written and reported as `qp-invalid-escape`.
 */
export function decodeQuotedPrintable(
  input: Uint8Array | string,
  issues?: DecodeIssue[],
): Uint8Array {
  const bytes =
    typeof input === 'string' ? Uint8Array.from(input, (c) => c.charCodeAt(0) & 255) : input;
  const end = bytes.length;
  const out = new Uint8Array(end);
  let at = 0;
  let pendingSpace = 0; // literal white space not yet known to be trailing
  let invalid = -1;
  for (let i = 0; i < end; i++) {
    const byte = bytes[i]!;
    if (byte === SPACE || byte === TAB) {
      pendingSpace++;
      continue;
    }
    if (byte === CR || byte === LF) {
      // Trailing white space before a hard line break was added in transit: drop it.
      pendingSpace = 0;
      out[at++] = byte;
      continue;
    }
    if (pendingSpace > 0) {
      for (let k = i - pendingSpace; k < i; k++) out[at++] = bytes[k]!;
      pendingSpace = 0;
    }
    if (byte !== EQUALS) {
      out[at++] = byte;
      continue;
    }
    // '=' then optional white space then a line end is a soft break.
    let j = i + 1;
    while (j < end && (bytes[j] === SPACE || bytes[j] === TAB)) j++;
    if (j === end) {
      i = j - 1;
      continue;
    }
    if (bytes[j] === CR || bytes[j] === LF) {
      if (bytes[j] === CR && bytes[j + 1] === LF) j++;
      i = j;
      continue;
    }
    const high = i + 2 < end ? UNHEX[bytes[i + 1]!]! : 255;
    const low = i + 2 < end ? UNHEX[bytes[i + 2]!]! : 255;
    if (high !== 255 && low !== 255) {
      out[at++] = (high << 4) | low;
      i += 2;
    } else {
      if (invalid < 0) invalid = i;
      out[at++] = byte;
    }
  }
  if (invalid >= 0) {
    report(
      issues,
      'qp-invalid-escape',
      'An "=" in quoted-printable data is not followed by two hex digits; it was kept as written.',
      invalid,
    );
  }
  return out.subarray(0, at);
}
