/**
 * An assembled message's bytes as the page holds them: a list of segments, never joined while
 * the person types. A large attachment's base64 lines are one segment, the same array from build
 * to build, so a keystroke beside a 20 MB attachment brings only the few kilobytes around it; the
 * whole message becomes one buffer only when something needs every byte (Copy raw, the checks).
 */

/** What the raw view reads: a `Uint8Array` or a `MessageBytes`. */
export interface ByteSource {
  readonly length: number;
  /** The first offset at or after `from` that holds `byte`, or -1. */
  indexOf(byte: number, from?: number): number;
  /** The last offset at or before `from` that holds `byte`, or -1. */
  lastIndexOf(byte: number, from?: number): number;
  /** Bytes `from`–`to`: a view where that is possible, else a copy. Never to be changed. */
  subarray(from: number, to?: number): Uint8Array;
}

const EMPTY = new Uint8Array(0);

/** A message's bytes in segments (their concatenation is the message). */
export class MessageBytes implements ByteSource {
  /** The segments, in order; none is empty. */
  readonly segments: readonly Uint8Array[];
  readonly length: number;
  /** The message offset of each segment's first byte. */
  readonly #starts: number[] = [];
  #whole: Uint8Array | undefined;

  constructor(segments: readonly Uint8Array[]) {
    this.segments = segments.filter((segment) => segment.length > 0);
    let length = 0;
    for (const segment of this.segments) {
      this.#starts.push(length);
      length += segment.length;
    }
    this.length = length;
    if (this.segments.length === 1) this.#whole = this.segments[0];
  }

  /** The message offset where segment `index` starts. */
  start(index: number): number {
    return index < this.segments.length ? this.#starts[index]! : this.length;
  }

  /** The index of the segment that holds message offset `offset` (0 ≤ offset < length). */
  segmentAt(offset: number): number {
    let low = 0;
    let high = this.segments.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.#starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /** The byte at `offset`, or undefined outside the message. */
  at(offset: number): number | undefined {
    if (offset < 0 || offset >= this.length) return undefined;
    const index = this.segmentAt(offset);
    return this.segments[index]![offset - this.#starts[index]!];
  }

  indexOf(byte: number, from = 0): number {
    if (from >= this.length) return -1;
    const first = Math.max(0, from);
    for (let index = this.segmentAt(first); index < this.segments.length; index++) {
      const start = this.#starts[index]!;
      const found = this.segments[index]!.indexOf(byte, Math.max(0, first - start));
      if (found !== -1) return start + found;
    }
    return -1;
  }

  lastIndexOf(byte: number, from = this.length - 1): number {
    if (from < 0 || this.length === 0) return -1;
    const last = Math.min(from, this.length - 1);
    for (let index = this.segmentAt(last); index >= 0; index--) {
      const start = this.#starts[index]!;
      const segment = this.segments[index]!;
      const found = segment.lastIndexOf(byte, Math.min(last - start, segment.length - 1));
      if (found !== -1) return start + found;
    }
    return -1;
  }

  subarray(from: number, to = this.length): Uint8Array {
    const start = Math.min(Math.max(0, from), this.length);
    const end = Math.min(Math.max(start, to), this.length);
    if (start === end) return EMPTY;
    if (this.#whole) return this.#whole.subarray(start, end);
    const index = this.segmentAt(start);
    const offset = this.#starts[index]!;
    const segment = this.segments[index]!;
    if (end - offset <= segment.length) return segment.subarray(start - offset, end - offset);
    const out = new Uint8Array(end - start);
    let at = 0;
    for (let i = index; at < out.length; i++) {
      const part = this.segments[i]!.subarray(i === index ? start - offset : 0);
      const take = part.subarray(0, out.length - at);
      out.set(take, at);
      at += take.length;
    }
    return out;
  }

  /** Every byte in one buffer (joined once, then kept). */
  toBytes(): Uint8Array {
    this.#whole ??= this.join();
    return this.#whole;
  }

  /** Every byte in a new buffer of the caller's own (which it may transfer). */
  join(): Uint8Array {
    const out = new Uint8Array(this.length);
    this.segments.forEach((segment, index) => out.set(segment, this.#starts[index]));
    return out;
  }

  /** The message as a Blob, for a download: the browser joins the segments, not the page. */
  toBlob(): Blob {
    return new Blob([...this.segments] as BlobPart[]);
  }
}
