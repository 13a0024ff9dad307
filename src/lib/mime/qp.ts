/**
 * Quoted-printable (RFC 2045 §6.7) on bytes. The encoder writes into one preallocated buffer and
 * never splits an `=XX` triplet or a UTF-8 character across a soft line break.
 */
import { report, type DecodeIssue } from './decode-issue.ts';

// Byte values are local constants, not imports: a module-to-CommonJS transform (tsx, some test
// runners) turns imported bindings into getter calls, which would dominate this hot loop.
const CR = 0x0d;
const EQUALS = 0x3d;
const LF = 0x0a;
const SPACE = 0x20;
const TAB = 0x09;

/** RFC 2045 §6.7 rule 5: encoded lines are at most 76 characters, the soft-break `=` included. */
export const QP_MAX_LINE = 76;

const HEX = new Uint8Array([...'0123456789ABCDEF'].map((c) => c.charCodeAt(0)));
/** Hex digit byte → value, or 255. Lower case is accepted when decoding (RFC 2045 §6.7 note). */
const UNHEX = new Uint8Array(256).fill(255);
for (let i = 0; i < 16; i++) {
  UNHEX['0123456789ABCDEF'.charCodeAt(i)] = i;
  UNHEX['0123456789abcdef'.charCodeAt(i)] = i;
}
/** The two hex digits of every byte, for writing `=XX` without arithmetic. */
const HIGH = new Uint8Array(256);
const LOW = new Uint8Array(256);
for (let b = 0; b < 256; b++) {
  HIGH[b] = HEX[b >> 4]!;
  LOW[b] = HEX[b & 15]!;
}

/** Byte classes for the encoder. */
const ESCAPE = 0;
const LITERAL = 1; // RFC 2045 §6.7 rule 2: 33–60 and 62–126
const WHITE = 2; // rule 3: literal unless it ends a line
const CLASS = new Uint8Array(256);
for (let b = 33; b <= 126; b++) CLASS[b] = b === EQUALS ? ESCAPE : LITERAL;
CLASS[SPACE] = WHITE;
CLASS[TAB] = WHITE;
/** 1 for bytes a run may copy as they are: literals, and white space (checked at the run's end). */
const PLAIN = new Uint8Array(256);
for (let b = 0; b < 256; b++) PLAIN[b] = CLASS[b] === ESCAPE ? 0 : 1;
/** `=XX` of every byte packed little-endian in 32 bits, written with one store (4th byte spare). */
const ESCAPED = new Uint32Array(256);
for (let b = 0; b < 256; b++) ESCAPED[b] = EQUALS | (HIGH[b]! << 8) | (LOW[b]! << 16);
/** The longest UTF-8 sequence escaped: 4 bytes × `=XX`. */
const WIDEST = 12;
/** Room on a line before the soft-break `=`. */
const ROOM = QP_MAX_LINE - 1;
/** How many escapes can follow at a column with room for a whole character after each. */
const ESCAPES_THAT_FIT = new Uint8Array(QP_MAX_LINE + 1);
for (let column = 0; column + WIDEST <= ROOM; column++) {
  ESCAPES_THAT_FIT[column] = Math.floor((ROOM - WIDEST - column) / 3) + 1;
}

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
 * A line reaches 76 characters only when nothing follows on it; otherwise 75 plus the soft break.
 *
 * Written as one loop over a preallocated buffer with runs of literals and of escapes handled in
 * tight inner loops: this is the hot path for every text body. The result may be a view of a
 * larger buffer (at most twice its length).
 */
export function encodeQuotedPrintable(
  input: Uint8Array,
  options: QuotedPrintableOptions = {},
): Uint8Array {
  const binary = options.binary === true;
  const end = input.length;
  // Room for the worst case: every byte escaped, and a soft break per 64 characters (a soft-broken
  // line holds at least 64: a 12-character sequence that did not fit after 64). One spare byte
  // for the 32-bit store of the last escape.
  const bound = end * 3;
  const out = new Uint8Array(bound + Math.floor(bound / (ROOM - WIDEST + 1)) * 3 + 4);
  const view = new DataView(out.buffer);
  const source = new DataView(input.buffer, input.byteOffset, input.byteLength);
  let at = 0;
  let column = 0;
  let i = 0;
  while (i < end) {
    const byte = input[i]!;
    let kind = CLASS[byte]!;
    if (kind === WHITE) {
      const next = i + 1;
      const lineEnds =
        next === end || (!binary && input[next] === CR && next + 1 < end && input[next + 1] === LF);
      kind = lineEnds ? ESCAPE : LITERAL;
    }
    if (kind === LITERAL) {
      if (column < ROOM) {
        // A run of literals, up to the room left on the line.
        const limit = Math.min(end, i + (ROOM - column));
        const start = i;
        out[at++] = byte;
        i++;
        // Four bytes at a time while none of them needs a closer look: no 8-bit byte, no control
        // character (white space included), no "=" and no DEL. Exact for any byte order.
        while (i + 4 <= limit) {
          const word = source.getInt32(i, true);
          const equals = word ^ 0x3d3d3d3d;
          const del = word ^ 0x7f7f7f7f;
          const special =
            (word |
              ((word - 0x20202020) & ~word) |
              ((equals - 0x01010101) & ~equals) |
              ((del - 0x01010101) & ~del)) &
            0x80808080;
          if (special !== 0) break;
          view.setInt32(at, word, true);
          at += 4;
          i += 4;
        }
        while (i < limit && PLAIN[input[i]!] === 1) out[at++] = input[i++]!;
        // White space that ends up last before a line end must be escaped (rule 3): take it back
        // and let the next step escape it.
        if (i > start + 1 && CLASS[input[i - 1]!] === WHITE) {
          const lineEnds =
            i === end || (!binary && input[i] === CR && i + 1 < end && input[i + 1] === LF);
          if (lineEnds) {
            i--;
            at--;
          }
        }
        column += i - start;
        continue;
      }
      // At the room's edge: a 76th character is allowed only when the line ends after it.
      const next = i + 1;
      const lineEnds =
        next === end || (!binary && input[next] === CR && next + 1 < end && input[next + 1] === LF);
      if (!(column === ROOM && lineEnds)) {
        out[at++] = EQUALS;
        out[at++] = CR;
        out[at++] = LF;
        column = 0;
      }
      out[at++] = byte;
      column++;
      i++;
      continue;
    }
    if (byte === CR && !binary && i + 1 < end && input[i + 1] === LF) {
      out[at++] = CR;
      out[at++] = LF;
      column = 0;
      i += 2;
      continue;
    }
    if (column + WIDEST <= ROOM && byte !== CR) {
      // Far from the line end any whole character fits: a run of escaped 8-bit bytes, as long
      // as a whole character would still fit after each.
      view.setUint32(at, ESCAPED[byte]!, true);
      at += 3;
      column += 3;
      i++;
      const start = i;
      const stop = Math.min(end, i + ESCAPES_THAT_FIT[column]!);
      for (; i < stop; i++) {
        const b = input[i]!;
        if (b < 0x80) break;
        view.setUint32(at, ESCAPED[b]!, true);
        at += 3;
      }
      column += 3 * (i - start);
      continue;
    }
    // Near the line end: measure the UTF-8 character so it is not split by the soft break.
    const count = byte >= 0xc0 ? sequenceLength(input, i, end) : 1;
    const width = count * 3;
    if (column + width > ROOM) {
      const next = i + count;
      const lineEnds =
        next === end || (!binary && input[next] === CR && next + 1 < end && input[next + 1] === LF);
      if (!(column + width <= QP_MAX_LINE && lineEnds)) {
        out[at++] = EQUALS;
        out[at++] = CR;
        out[at++] = LF;
        column = 0;
      }
    }
    for (const stop = i + count; i < stop; i++) {
      const b = input[i]!;
      out[at++] = EQUALS;
      out[at++] = HIGH[b]!;
      out[at++] = LOW[b]!;
    }
    column += width;
  }
  // Copying the result costs as much as a quarter of the encoding; a view is returned when it
  // uses at least half of its buffer, a copy otherwise, so at most 2× the result is held.
  return at * 2 >= out.length ? out.subarray(0, at) : out.slice(0, at);
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
