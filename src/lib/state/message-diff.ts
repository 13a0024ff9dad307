/**
 * The smallest whole-line change between two assembled messages held as segments. A segment the
 * two messages share (a large attachment's base64 lines, the same array in both) is skipped
 * without reading it, so a keystroke beside a 20 MB attachment compares only the kilobytes of
 * headers and text around it. Gives what `diffRaw` gives for the joined bytes.
 */
import type { MessageBytes } from './message-bytes.ts';

const LF = 0x0a;

/** Bytes `from`–`to` of the old message became bytes `from`–`from + length` of the new one. */
export interface MessageChange {
  from: number;
  to: number;
  length: number;
}

/** Reads a message's segments from one end, skipping whole segments where it can. */
class Cursor {
  index: number;
  /** Offset in the current segment, counted from the end the cursor walks from. */
  offset = 0;

  constructor(
    readonly bytes: MessageBytes,
    readonly backwards: boolean,
  ) {
    this.index = backwards ? bytes.segments.length - 1 : 0;
  }

  get segment(): Uint8Array | undefined {
    return this.bytes.segments[this.index];
  }

  get left(): number {
    return this.segment!.length - this.offset;
  }

  advance(count: number): void {
    this.offset += count;
    if (this.offset === this.segment!.length) {
      this.index += this.backwards ? -1 : 1;
      this.offset = 0;
    }
  }
}

/** How many of `span` bytes two segments share, walking from `x` and `y` by `step` (±1). */
function sharedRun(a: Uint8Array, x: number, b: Uint8Array, y: number, span: number, step: number) {
  let k = 0;
  while (k < span && a[x] === b[y]) {
    k++;
    x += step;
    y += step;
  }
  return k;
}

/** How many bytes `a` and `b` share at their start (or, `backwards`, at their end), up to `limit`. */
function common(a: MessageBytes, b: MessageBytes, backwards: boolean, limit: number): number {
  const x = new Cursor(a, backwards);
  const y = new Cursor(b, backwards);
  let shared = 0;
  while (shared < limit && x.segment && y.segment) {
    const span = Math.min(x.left, y.left, limit - shared);
    if (x.segment !== y.segment || x.offset !== y.offset) {
      // Different arrays, or the same one at different places: compare the bytes. (The same
      // array at the same place is equal without reading it.)
      const first = (cursor: Cursor) =>
        backwards ? cursor.segment!.length - 1 - cursor.offset : cursor.offset;
      const k = sharedRun(x.segment!, first(x), y.segment!, first(y), span, backwards ? -1 : 1);
      if (k < span) return shared + k;
    }
    shared += span;
    x.advance(span);
    y.advance(span);
  }
  return shared;
}

/**
 * The change from `previous` to `next`. `from` and `to` are always at line starts (just after an
 * LF, or at either end), so a view that splits lines on CRLF can apply it line by line.
 */
export function diffMessages(previous: MessageBytes, next: MessageBytes): MessageChange {
  const shorter = Math.min(previous.length, next.length);
  let prefix = common(previous, next, false, shorter);
  if (prefix === previous.length && prefix === next.length) {
    return { from: prefix, to: prefix, length: 0 };
  }
  // Back to the start of the line the first difference is on.
  prefix = prefix > 0 ? previous.lastIndexOf(LF, prefix - 1) + 1 : 0;
  const suffix = common(previous, next, true, shorter - prefix);
  // Forward to the start of a line, so the unchanged tail is whole lines.
  let to = previous.length - suffix;
  if (to < previous.length && previous.at(to - 1) !== LF) {
    const lineEnd = previous.indexOf(LF, to);
    to = lineEnd === -1 ? previous.length : lineEnd + 1;
  }
  return { from: prefix, to, length: next.length - (previous.length - to) - prefix };
}
