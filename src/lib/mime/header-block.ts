/**
 * Reads a raw header block (RFC 5322 §2.2) from bytes, keeping every field in order with its
 * duplicates and its byte offsets. Lines may end in CRLF, LF or a bare CR: real mail has all
 * three, and the bytes are reported as they are, not normalised.
 */
import {
  bytesToBinaryString,
  COLON,
  decodeUtf8Strict,
  firstEightBit,
  lineEndAt,
  SPACE,
  startsWithFrom,
  TAB,
} from './bytes.ts';
import type { DiagnosticLog } from './inspect-diagnostics.ts';
import { MAX_HEADER_BLOCK_BYTES } from './limits.ts';
import { decodeWindows1252 } from './windows-1252.ts';

/** One header field as found in the bytes. */
export interface RawHeaderField {
  /** The field name as written, e.g. `Content-Type`. */
  name: string;
  /**
   * The value, unfolded (RFC 5322 §2.2.3), without the one space after the colon; 8-bit bytes
   * read as UTF-8 or Windows-1252.
   */
  value: string;
  /** Offset of the first byte of the field name. */
  start: number;
  /** Offset just past the colon. */
  valueStart: number;
  /** Offset just past the field's last line break. */
  end: number;
}

/** A part's header block. */
export interface HeaderBlock {
  fields: RawHeaderField[];
  /** Offset where the body begins: after the blank line, or where the headers stopped. */
  bodyStart: number;
  /** Whether a header held bytes over 0x7F (RFC 6532 allows UTF-8 only with SMTPUTF8). */
  eightBit: boolean;
}

export { lineEndAt };

/** Header bytes as text: ASCII as is, otherwise UTF-8 when valid, else Windows-1252. */
export function decodeHeaderBytes(bytes: Uint8Array): { text: string; eightBit: boolean } {
  if (firstEightBit(bytes) < 0) return { text: bytesToBinaryString(bytes), eightBit: false };
  return { text: decodeUtf8Strict(bytes) ?? decodeWindows1252(bytes), eightBit: true };
}

function isFieldNameByte(byte: number): boolean {
  // RFC 5322 §3.6.8: printable US-ASCII except the colon.
  return byte >= 33 && byte <= 126 && byte !== COLON;
}

/** The colon ending a field name on this line, or -1 if the line is not a field. */
function fieldColon(raw: Uint8Array, pos: number, lineEnd: number): number {
  let i = pos;
  while (i < lineEnd && isFieldNameByte(raw[i]!)) i++;
  if (i === pos) return -1;
  // RFC 5322 §4.5.1 (obsolete syntax): white space may come between the name and the colon.
  let j = i;
  while (j < lineEnd && (raw[j] === SPACE || raw[j] === TAB)) j++;
  return j < lineEnd && raw[j] === COLON ? j : -1;
}

function finishField(raw: Uint8Array, field: PendingField): RawHeaderField & { eightBit: boolean } {
  const { text, eightBit } = decodeHeaderBytes(raw.subarray(field.valueStart, field.contentEnd));
  let name = '';
  for (let i = field.start; i < field.nameEnd; i++) name += String.fromCharCode(raw[i]!);
  return {
    name,
    // Unfolding removes each line break that precedes white space; continuation lines all begin
    // with white space, so removing every CR and LF inside the field is exactly that. The one
    // space a writer puts after the colon is dropped; any other white space is the value's own.
    value: text.replace(/[\r\n]/g, '').replace(/^[ \t]/, ''),
    start: field.start,
    valueStart: field.valueStart,
    end: field.end,
    eightBit,
  };
}

interface PendingField {
  start: number;
  nameEnd: number;
  valueStart: number;
  contentEnd: number;
  end: number;
}

/**
 * Read the header block that begins at `start`, stopping at the first blank line, at a line that
 * is not a header field (reported: the body begins there), at `end`, or past
 * `MAX_HEADER_BLOCK_BYTES` (reported). An mbox `From ` line (no colon) is skipped and reported, as
 * mail readers do at the top of a message, an enclosed one included.
 */
export function readHeaderBlock(
  raw: Uint8Array,
  start: number,
  end: number,
  log: DiagnosticLog,
): HeaderBlock {
  const fields: RawHeaderField[] = [];
  let eightBit = false;
  let pending: PendingField | undefined;
  let pos = start;
  let bodyStart = end;
  let stopAfterLine = false;
  const flush = () => {
    if (!pending) return;
    const field = finishField(raw, pending);
    if (field.eightBit) {
      eightBit = true;
      log.add(
        'warning',
        'header-8bit',
        `The ${field.name} header holds 8-bit bytes; without SMTPUTF8 headers must be 7-bit ASCII (RFC 5322 §2.2, RFC 6532).`,
        field.start,
        field.end,
      );
    }
    fields.push({
      name: field.name,
      value: field.value,
      start: field.start,
      valueStart: field.valueStart,
      end: field.end,
    });
    pending = undefined;
  };
  // The limit holds inside a line as well: one unfolded line of many megabytes would otherwise be
  // decoded and parsed whole. Lines are looked for only up to it.
  const limit = Math.min(end, start + MAX_HEADER_BLOCK_BYTES);
  while (pos < end && !stopAfterLine) {
    const [contentEnd, lineNext] = lineEndAt(raw, pos, limit);
    const cut = contentEnd === limit && limit < end;
    // A line that crosses the limit is read up to it; the body begins after that line.
    const next = cut ? lineEndAt(raw, limit, end)[1] : lineNext;
    if (cut || pos - start > MAX_HEADER_BLOCK_BYTES) {
      log.add(
        'error',
        'header-too-large',
        `The header block is over ${MAX_HEADER_BLOCK_BYTES} bytes; the rest is read as body.`,
        pos,
        end,
      );
      if (!cut) {
        bodyStart = pos;
        break;
      }
      bodyStart = next;
      stopAfterLine = true;
    }
    if (contentEnd === pos) {
      bodyStart = next;
      break;
    }
    const first = raw[pos]!;
    if (first === SPACE || first === TAB) {
      if (pending) {
        pending.contentEnd = contentEnd;
        pending.end = next;
      } else {
        log.add(
          'warning',
          'header-continuation-first',
          'The header block begins with a folded line that continues no field; it is ignored.',
          pos,
          contentEnd,
        );
      }
      pos = next;
      continue;
    }
    const colon = fieldColon(raw, pos, contentEnd);
    if (colon < 0) {
      if (startsWithFrom(raw, pos, contentEnd)) {
        flush();
        log.add(
          'info',
          'mbox-from-line',
          'An mbox "From " separator line is not a header field; it is skipped.',
          pos,
          contentEnd,
        );
        pos = next;
        continue;
      }
      flush();
      log.add(
        'warning',
        'header-missing-separator',
        'A line that is not a header field ends the header block without a blank line; the body begins there (RFC 5322 §2.1).',
        pos,
        contentEnd,
      );
      bodyStart = pos;
      break;
    }
    flush();
    let nameEnd = colon;
    while (nameEnd > pos && (raw[nameEnd - 1] === SPACE || raw[nameEnd - 1] === TAB)) nameEnd--;
    pending = { start: pos, nameEnd, valueStart: colon + 1, contentEnd, end: next };
    pos = next;
  }
  flush();
  return { fields, bodyStart: Math.min(bodyStart, end), eightBit };
}
