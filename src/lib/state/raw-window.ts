/**
 * What the raw view holds: a window of the assembled message's bytes. A message up to
 * `RAW_WINDOW_BYTES` is shown whole; of a larger one (a 20 MB attachment is 27 MB of base64) the
 * view holds about that much, from a line start, and moves when asked (a MIME part chosen, the
 * person paging on). Each change to the message becomes at most one edit of the window's text,
 * worked out from the change alone: the whole message is never compared, copied or decoded.
 * Export .eml and Copy raw read the message itself, so they always give every byte.
 */
import type { ByteSource } from './message-bytes.ts';
import type { MessageChange } from './message-diff.ts';

/** Messages up to this size are shown whole; larger ones through a window about this size. */
export const RAW_WINDOW_BYTES = 256 * 1024;

/**
 * A window's first fill after a large change is drawn this much at a time, one task each (see
 * `fill`): turning 256 KiB into an editor's text and lines at once held the page for tens of
 * milliseconds.
 */
export const FILL_STEP_BYTES = 32 * 1024;

/** A window may grow to this much while the person types in it before it is cut back. */
const MAX_WINDOW_BYTES = 2 * RAW_WINDOW_BYTES;

const LF = 0x0a;

/** One edit of the window's text, in byte offsets of the text before the edit. */
export interface WindowEdit {
  from: number;
  to: number;
  /** The new bytes: a view into the message where it can be, at most a window's worth. */
  insert: Uint8Array;
}

/** How many LFs bytes `from`–`to` hold. */
function countLines(bytes: ByteSource, from: number, to: number): number {
  let count = 0;
  for (let at = bytes.indexOf(LF, from); at !== -1 && at < to; at = bytes.indexOf(LF, at + 1)) {
    count++;
  }
  return count;
}

/** The start of the line that holds `offset`. */
function lineStartAt(bytes: ByteSource, offset: number): number {
  if (offset <= 0) return 0;
  return bytes.lastIndexOf(LF, Math.min(offset, bytes.length) - 1) + 1;
}

/** The first line start at or after `offset` (the message's end if there is none). */
function lineStartFrom(bytes: ByteSource, offset: number): number {
  if (offset >= bytes.length) return bytes.length;
  if (offset === 0 || bytes.lastIndexOf(LF, offset - 1) === offset - 1) return offset;
  const at = bytes.indexOf(LF, offset);
  return at === -1 ? bytes.length : at + 1;
}

/** The window of a message the raw view shows, and the edits that keep the view in step. */
export class RawWindow {
  #raw: ByteSource = new Uint8Array(0);
  #start = 0;
  #end = 0;
  #firstLine = 1;
  #fillTimer: ReturnType<typeof setTimeout> | undefined;

  /** The whole message. */
  get raw(): ByteSource {
    return this.#raw;
  }

  /** Message offset of the window's first byte. */
  get start(): number {
    return this.#start;
  }

  /** Message offset just after the window's last byte. */
  get end(): number {
    return this.#end;
  }

  /** The message's line number of the window's first line (1 when it starts the message). */
  get firstLine(): number {
    return this.#firstLine;
  }

  /** True when the window holds the whole message. */
  get whole(): boolean {
    return this.#start === 0 && this.#end === this.#raw.length;
  }

  /** The window's bytes: a view into the message. */
  get bytes(): Uint8Array {
    return this.#raw.subarray(this.#start, this.#end);
  }

  /** True while a window shown in steps is shorter than it will be (see `fill`). */
  get filling(): boolean {
    return this.#end < this.#endFrom(this.#start);
  }

  /**
   * Show `raw` with the window at the line holding `at` (or the message's last
   * `RAW_WINDOW_BYTES` when `at` is near its end). Returns the edit that replaces the view's text.
   * `stepped`: the window starts with its first `FILL_STEP_BYTES` and grows by `fill`.
   */
  show(raw: ByteSource, at = 0, stepped = false): WindowEdit {
    const before = this.#end - this.#start;
    let start = lineStartAt(raw, at);
    if (raw.length - start < RAW_WINDOW_BYTES) {
      // Near the end: show the message's last lines, a whole window of them.
      start = lineStartFrom(raw, Math.max(0, raw.length - RAW_WINDOW_BYTES));
    }
    this.#raw = raw;
    this.#start = start;
    this.#end = stepped ? this.#stepEnd(start, this.#endFrom(start)) : this.#endFrom(start);
    this.#firstLine = 1 + countLines(raw, 0, start);
    return { from: 0, to: before, insert: this.bytes };
  }

  /**
   * Follow a change of the message (`change` turns the message shown so far into `raw`: its new
   * bytes are `raw`'s from `change.from`, `change.length` of them). Returns
   * the edit of the view's text, or null when nothing in the window changed (the window may
   * still have moved with the text before it: see `firstLine`).
   */
  update(change: MessageChange, raw: ByteSource): WindowEdit | null {
    const old = this.#raw;
    const delta = change.length - (change.to - change.from);
    if (this.#start > 0 && change.to <= this.#start) {
      // All before the window: the same bytes, further on, perhaps on other line numbers.
      this.#firstLine +=
        countLines(raw, change.from, change.from + change.length) -
        countLines(old, change.from, change.to);
      this.#raw = raw;
      this.#start += delta;
      this.#end += delta;
      return null;
    }
    if (change.from >= this.#end && this.#end < old.length) {
      this.#raw = raw;
      return null;
    }
    // The change begins above the window and reaches into it: show the window from its start.
    if (change.from < this.#start) return this.show(raw, change.from);
    const start = this.#start;
    const end = this.#end;
    this.#raw = raw;
    if (change.to <= end && end + delta - start <= MAX_WINDOW_BYTES) {
      this.#end = end + delta;
      const insert = raw.subarray(change.from, change.from + change.length);
      return { from: change.from - start, to: change.to - start, insert };
    }
    // The window would grow too large, or the change runs past its end: cut it back. A large
    // insert (a file attached) shows its first step now and the rest through `fill`.
    const full = this.#endFrom(start);
    const from = Math.min(change.from, full);
    this.#end = this.#stepEnd(from, full);
    return { from: from - start, to: end - start, insert: raw.subarray(from, this.#end) };
  }

  /**
   * Grow a window shown in steps by one more step; null once it is full. The edit appends to
   * the view's text, so each step costs only the bytes it adds.
   */
  fill(): WindowEdit | null {
    const full = this.#endFrom(this.#start);
    if (this.#end >= full) return null;
    const from = this.#end;
    this.#end = this.#stepEnd(from, full);
    return {
      from: from - this.#start,
      to: from - this.#start,
      insert: this.#raw.subarray(from, this.#end),
    };
  }

  /**
   * While the window fills, hand its next step to `apply` in a task of its own (`apply` calls
   * this again for the step after), so no one task draws the whole window.
   */
  fillLater(apply: (edit: WindowEdit | null) => void): void {
    if (this.#fillTimer !== undefined || !this.filling) return;
    this.#fillTimer = setTimeout(() => {
      this.#fillTimer = undefined;
      apply(this.fill());
    });
  }

  /** Stop drawing the window's steps (the view is going away). */
  stopFilling(): void {
    clearTimeout(this.#fillTimer);
    this.#fillTimer = undefined;
  }

  /** Move the window so that it shows message offset `offset`; null when it already does. */
  reveal(offset: number): WindowEdit | null {
    // A window still filling is shown whole at once, so a selection in it is never cut short.
    if (this.contains(offset)) return this.filling ? this.show(this.#raw, this.#start) : null;
    return this.show(this.#raw, offset);
  }

  /** Page the window by about half its size: -1 towards the start, +1 towards the end. */
  page(direction: -1 | 1): WindowEdit | null {
    const at =
      direction < 0 ? this.#start - RAW_WINDOW_BYTES / 2 : this.#start + RAW_WINDOW_BYTES / 2;
    if (direction < 0 ? this.#start === 0 : this.#end === this.#raw.length) return null;
    return this.show(this.#raw, Math.max(0, at));
  }

  /** Whether message offset `offset` is in the window (its end included). */
  contains(offset: number): boolean {
    return offset >= this.#start && offset <= this.#end;
  }

  /** The window offset of message offset `offset`, clamped to the window. */
  toWindow(offset: number): number {
    return Math.min(Math.max(offset, this.#start), this.#end) - this.#start;
  }

  /** The end of a first step from `from`: a line start, never past `full`. */
  #stepEnd(from: number, full: number): number {
    return full - from <= FILL_STEP_BYTES
      ? full
      : Math.min(full, lineStartFrom(this.#raw, from + FILL_STEP_BYTES));
  }

  #endFrom(start: number): number {
    const raw = this.#raw;
    return raw.length - start <= RAW_WINDOW_BYTES
      ? raw.length
      : lineStartFrom(raw, start + RAW_WINDOW_BYTES);
  }
}
