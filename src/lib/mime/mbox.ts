/**
 * Splitting an mbox file into its messages (RFC 4155, and the mboxo / mboxrd / mboxcl variants
 * described there and in qmail's mbox(5)). Pure: bytes in, byte ranges and message bytes out.
 *
 * A separator is any line that begins with `From ` (the "From_" or postmark line). Writers put an
 * empty line before each separator; that line belongs to the separator, not to the message before
 * it, so one trailing empty line is dropped from each message. Lines that were quoted when the
 * file was written (`>From `) are unquoted on the way out.
 */
import {
  bomLength,
  bytesToBinaryString,
  concatBytes,
  CR,
  LF,
  lineEndAt,
  startsWithFrom,
} from './bytes.ts';

/** How `>From ` lines inside messages were quoted when the file was written. */
export type MboxQuoting =
  /** mboxrd: every `>*From ` line got one more `>`; reading removes exactly one. */
  | 'mboxrd'
  /** mboxo: only `From ` lines got a `>`; reading turns `>From ` back into `From ` and leaves `>>From `. */
  | 'mboxo'
  /** Leave every line as it is in the file. */
  | 'none';

/** Options for `splitMbox`. */
export interface MboxSplitOptions {
  /** Default `mboxrd`: the same as mboxo for singly quoted lines, and right for mboxrd files. */
  quoting?: MboxQuoting;
  /**
   * Trust a message's `Content-Length` header (mboxcl / mboxcl2, written by Solaris mail and old
   * Netscape) when it ends the body exactly at the end of the file or at a separator, so that a
   * `From ` line inside such a body does not split it. Default true.
   */
  respectContentLength?: boolean;
}

/** One message of an mbox file. */
export interface MboxMessage {
  /** The separator line without its line end, e.g. `From MAILER-DAEMON Fri Jul  8 12:08:34 2011`. */
  postmark: string;
  /** Offset in the file of the separator line's first byte. */
  start: number;
  /** Offset in the file of the message's first byte (just past the separator line). */
  contentStart: number;
  /** Offset in the file just past the message's last byte (before the empty line that ends it). */
  end: number;
  /** The message itself, with quoted `From ` lines unquoted. */
  raw: Uint8Array;
}

const GREATER = 0x3e;
/** The mboxcl header (lower-cased, colon included) that gives the body's length in octets. */
const CONTENT_LENGTH = 'content-length:';

/** Offset just past the line that starts at `at` (its line end included), and the line end's length. */
function lineEnd(bytes: Uint8Array, at: number): { next: number; eol: number } {
  const [contentEnd, next] = lineEndAt(bytes, at, bytes.length);
  return { next, eol: next - contentEnd };
}

/** Whether the file looks like an mbox: it starts (after an optional BOM) with a `From ` line. */
export function isMbox(bytes: Uint8Array): boolean {
  return startsWithFrom(bytes, bomLength(bytes));
}

/** Offsets of every separator line, in order. */
function findSeparators(bytes: Uint8Array, first: number): number[] {
  const out: number[] = [];
  let at = first;
  while (at < bytes.length) {
    if (startsWithFrom(bytes, at)) out.push(at);
    at = lineEnd(bytes, at).next;
  }
  return out;
}

/** The value of the first `Content-Length` header in the header block at `at`, and the body start. */
function readContentLength(
  bytes: Uint8Array,
  at: number,
  limit: number,
): { length: number; bodyStart: number } | undefined {
  let length: number | undefined;
  let line = at;
  while (line < limit) {
    const { next, eol } = lineEnd(bytes, line);
    if (next - eol === line) return length === undefined ? undefined : { length, bodyStart: next };
    if (length === undefined && next - line > CONTENT_LENGTH.length) {
      let name = '';
      for (let k = 0; k < CONTENT_LENGTH.length; k++) {
        name += String.fromCharCode(bytes[line + k] ?? 0).toLowerCase();
      }
      if (name === CONTENT_LENGTH) {
        let digits = '';
        for (let k = line + CONTENT_LENGTH.length; k < next - eol; k++) {
          digits += String.fromCharCode(bytes[k] ?? 0);
        }
        const trimmed = digits.trim();
        if (/^\d{1,12}$/.test(trimmed)) length = Number(trimmed);
      }
    }
    line = next;
  }
  return undefined;
}

/** Where the message that starts at `contentStart` ends when its Content-Length can be trusted. */
function endByContentLength(
  bytes: Uint8Array,
  contentStart: number,
  limit: number,
): number | undefined {
  const header = readContentLength(bytes, contentStart, limit);
  if (!header) return undefined;
  const end = header.bodyStart + header.length;
  if (end === bytes.length) return end;
  if (end > bytes.length) return undefined;
  // The body must end at a line start, optionally followed by the empty line, then a separator.
  const previous = bytes[end - 1];
  if (end > 0 && previous !== LF && previous !== CR) return undefined;
  if (startsWithFrom(bytes, end)) return end;
  const { next, eol } = lineEnd(bytes, end);
  if (next - eol === end && startsWithFrom(bytes, next)) return end;
  return undefined;
}

/** Length of the empty line that ends `bytes[from, end)`, when the range ends with one. */
function trailingEmptyLine(bytes: Uint8Array, from: number, end: number): number {
  if (end - from >= 2 && bytes[end - 1] === LF && bytes[end - 2] === LF) return 1;
  if (end - from >= 2 && bytes[end - 1] === CR && bytes[end - 2] === CR) return 1;
  if (
    end - from >= 4 &&
    bytes[end - 1] === LF &&
    bytes[end - 2] === CR &&
    bytes[end - 3] === LF &&
    bytes[end - 4] === CR
  ) {
    return 2;
  }
  return 0;
}

/** Copy `bytes[from, end)`, unquoting `>From ` lines as `quoting` says. */
function unquote(bytes: Uint8Array, from: number, end: number, quoting: MboxQuoting): Uint8Array {
  if (quoting === 'none') return bytes.slice(from, end);
  const out = new Uint8Array(end - from);
  let length = 0;
  let line = from;
  while (line < end) {
    const next = Math.min(lineEnd(bytes, line).next, end);
    let drop = 0;
    if (bytes[line] === GREATER) {
      let k = line;
      while (k < next && bytes[k] === GREATER) k++;
      const depth = k - line;
      if (startsWithFrom(bytes, k) && (quoting === 'mboxrd' || depth === 1)) drop = 1;
    }
    out.set(bytes.subarray(line + drop, next), length);
    length += next - line - drop;
    line = next;
  }
  return out.slice(0, length);
}

/**
 * Split an mbox file into its messages. Never throws: a file with no `From ` line at its start
 * gives the text before the first separator as a message with an empty postmark, so nothing a
 * person opened is silently dropped.
 */
export function splitMbox(bytes: Uint8Array, options: MboxSplitOptions = {}): MboxMessage[] {
  const quoting = options.quoting ?? 'mboxrd';
  if (quoting !== 'mboxrd' && quoting !== 'mboxo' && quoting !== 'none') {
    throw new RangeError(`Unknown mbox quoting "${String(quoting)}"; use mboxrd, mboxo or none.`);
  }
  const respectContentLength = options.respectContentLength ?? true;
  const first = bomLength(bytes);
  const separators = findSeparators(bytes, first);
  const messages: MboxMessage[] = [];
  if (separators.length === 0 || separators[0] !== first) {
    const end = separators[0] ?? bytes.length;
    if (end > first) {
      const stop = end - trailingEmptyLine(bytes, first, end);
      messages.push({
        postmark: '',
        start: first,
        contentStart: first,
        end: stop,
        raw: unquote(bytes, first, stop, quoting),
      });
    }
  }
  let index = 0;
  while (index < separators.length) {
    const start = separators[index] as number;
    const { next: contentStart, eol } = lineEnd(bytes, start);
    const postmark = bytesToBinaryString(bytes, start, contentStart - eol);
    let nextIndex = index + 1;
    let end = separators[nextIndex] ?? bytes.length;
    if (respectContentLength) {
      // The header block ends before the next separator: a message whose header block never
      // ends must not be read to the end of the file, or each message costs the whole file.
      const byLength = endByContentLength(bytes, contentStart, end);
      if (byLength !== undefined && byLength > end) {
        // Skip the separators the body swallows; the next one starts at or after the body's end.
        while (nextIndex < separators.length && (separators[nextIndex] as number) < byLength) {
          nextIndex++;
        }
        end = separators[nextIndex] ?? bytes.length;
      }
    }
    const stop = end - trailingEmptyLine(bytes, contentStart, end);
    messages.push({
      postmark,
      start,
      contentStart,
      end: stop,
      raw: unquote(bytes, contentStart, stop, quoting),
    });
    index = nextIndex;
  }
  return messages;
}

/**
 * Write messages as an mboxrd file: each gets a `From ` line, every `>*From ` line inside it one
 * more `>`, and an empty line after it. `splitMbox` with `quoting: 'mboxrd'` reads it back.
 */
export function formatMbox(
  messages: ReadonlyArray<{ postmark?: string; raw: Uint8Array }>,
  lineBreak: '\n' | '\r\n' = '\n',
): Uint8Array {
  const encoder = new TextEncoder();
  const eol = encoder.encode(lineBreak);
  const parts: Uint8Array[] = [];
  for (const message of messages) {
    const postmark = message.postmark?.startsWith('From ')
      ? message.postmark
      : 'From MAILER-DAEMON Thu Jan  1 00:00:00 1970';
    if (/[\r\n]/.test(postmark)) {
      throw new RangeError('An mbox postmark must be a single line.');
    }
    parts.push(encoder.encode(postmark), eol);
    const raw = message.raw;
    let line = 0;
    while (line < raw.length) {
      const next = lineEnd(raw, line).next;
      let k = line;
      while (k < next && raw[k] === GREATER) k++;
      if (startsWithFrom(raw, k)) parts.push(Uint8Array.of(GREATER));
      parts.push(raw.subarray(line, next));
      line = next;
    }
    const last = raw[raw.length - 1];
    if (raw.length > 0 && last !== LF && last !== CR) parts.push(eol);
    parts.push(eol);
  }
  return concatBytes(parts);
}
