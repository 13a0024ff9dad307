/**
 * How the build worker sends a message's bytes to the page without copying a large attachment's
 * base64 lines on every keystroke: each such block is transferred once, with an id, and later
 * builds name it by that id; the small segments between blocks (headers, text bodies) are sent
 * each time. The page keeps exactly the blocks the worker has sent and not yet dropped.
 */

/** Segments at least this long go as blocks (a large attachment's lines; see `CACHE_FROM_BYTES`). */
export const BLOCK_FROM_BYTES = 1024 * 1024;

/** A message's bytes as sent: small segments as they are, blocks by id. */
export interface RawParts {
  parts: Array<Uint8Array | number>;
  /** Blocks the page has not had yet: their bytes are transferred with the message. */
  blocks: Array<{ id: number; bytes: Uint8Array }>;
  /** Blocks no longer in the message, which the page may forget. */
  dropped: number[];
}

/** The worker's side: remembers which blocks the page holds. */
export class BlockSender {
  #ids = new WeakMap<Uint8Array, number>();
  #sent = new Map<number, Uint8Array>();
  #next = 1;

  /** The parts for `segments`, and the buffers to transfer with them. */
  send(segments: readonly Uint8Array[]): { raw: RawParts; transfer: ArrayBuffer[] } {
    const raw: RawParts = { parts: [], blocks: [], dropped: [] };
    const transfer: ArrayBuffer[] = [];
    const used = new Set<number>();
    for (const segment of segments) {
      if (segment.length < BLOCK_FROM_BYTES) {
        raw.parts.push(segment);
        continue;
      }
      let id = this.#ids.get(segment);
      if (id === undefined) {
        id = this.#next++;
        this.#ids.set(segment, id);
      }
      if (!this.#sent.has(id)) {
        // The page gets its own copy, transferred rather than cloned; the worker keeps its own.
        const bytes = segment.slice();
        raw.blocks.push({ id, bytes });
        transfer.push(bytes.buffer);
        this.#sent.set(id, segment);
      }
      used.add(id);
      raw.parts.push(id);
    }
    for (const id of this.#sent.keys()) {
      if (used.has(id)) continue;
      this.#sent.delete(id);
      raw.dropped.push(id);
    }
    return { raw, transfer };
  }

  /** The id of a block the page holds, or undefined (not sent, or dropped since). */
  idOf(segment: Uint8Array): number | undefined {
    const id = this.#ids.get(segment);
    return id !== undefined && this.#sent.has(id) ? id : undefined;
  }
}

/** The page's side: turns parts back into segments. */
export class BlockReceiver {
  #blocks = new Map<number, Uint8Array>();

  /** The segments of a message sent as `raw`. */
  receive(raw: RawParts): Uint8Array[] {
    for (const { id, bytes } of raw.blocks) this.#blocks.set(id, bytes);
    const segments = raw.parts.map((part) => {
      if (typeof part !== 'number') return part;
      const block = this.#blocks.get(part);
      if (!block)
        throw new RangeError(`The build worker named block ${part}, which it never sent.`);
      return block;
    });
    for (const id of raw.dropped) this.#blocks.delete(id);
    return segments;
  }

  /** A block the worker has sent and not dropped. */
  block(id: number): Uint8Array | undefined {
    return this.#blocks.get(id);
  }
}
