/**
 * Messages between the page and the inspection worker. The raw bytes travel to the worker as a
 * transferred buffer and come back the same way with the result, so a 25 MB message is never
 * copied; attachment contents come back transferred too.
 */
import type { Inspection } from '../mime/types.ts';
import type { RawText, RawTextEncoding } from '../inspect-view/raw-text.ts';

/**
 * Messages larger than this are shown through a window of their bytes (src/lib/state/raw-window.ts),
 * never as one text: the worker does not decode them, and pasted text this long is turned into
 * bytes in the worker.
 */
export const WINDOWED_MESSAGE_BYTES = 1024 * 1024;

/**
 * Inspect one message: bytes (their buffer is transferred, the sender must not use it
 * afterwards) or pasted text, which the worker encodes as `encodeRawText` does. `indexText`
 * asks for the message's text and line table too, for an editor that shows it whole.
 */
export type InspectRequest = {
  id: number;
  indexText: boolean;
  /** Send back a second copy of the bytes too (see the result's `spare`). */
  spare?: boolean;
} & (
  { raw: Uint8Array } | { text: string; lineBreak: RawText['lineBreak']; encoding: RawTextEncoding }
);

/**
 * A slice of pasted text sent ahead of its request, so that a paste of tens of megabytes is
 * cloned to the worker a few megabytes per task rather than all in the paste's task. The
 * request with the same id carries the last slice.
 */
export type InspectTextPart = { id: number; textPart: string };

/** Pasted text longer than this goes to the worker in slices of this many characters. */
export const TEXT_PART_CHARS = 4 * 1024 * 1024;

/** `text` in slices of at most `size` characters, the last one included (at least one slice). */
export function textSlices(text: string, size = TEXT_PART_CHARS): string[] {
  if (!Number.isInteger(size) || size < 1) {
    throw new RangeError(`The slice size must be a positive whole number, not ${size}.`);
  }
  const slices: string[] = [];
  for (let at = 0; at < text.length; at += size) slices.push(text.slice(at, at + size));
  return slices.length ? slices : [''];
}

/** The worker's side: the slices sent ahead of one request, joined when the request comes. */
export class TextParts {
  #id = 0;
  #parts: string[] = [];

  /** Keep a slice; slices of an older request are dropped. */
  add({ id, textPart }: InspectTextPart): void {
    if (id !== this.#id) {
      this.#id = id;
      this.#parts = [];
    }
    this.#parts.push(textPart);
  }

  /** The whole text of request `id`, whose own text is its last slice. */
  take(id: number, last: string): string {
    const parts = id === this.#id ? this.#parts : [];
    this.#id = 0;
    this.#parts = [];
    return parts.length ? parts.join('') + last : last;
  }
}

/** What the worker is doing, for the progress shown to the person. */
export type InspectPhase =
  /** Parsing the message (headers, structure, bodies, findings). */
  | 'parsing'
  /** Indexing the raw text's lines for the input view. */
  | 'indexing'
  /** Handing the result back to the page. */
  | 'transferring';

/** The phases in order, so progress can be shown as a fraction of the work. */
export const INSPECT_PHASES: readonly InspectPhase[] = ['parsing', 'indexing', 'transferring'];

/** A message from the worker. */
export type InspectResponse =
  | { id: number; kind: 'progress'; phase: InspectPhase }
  | {
      id: number;
      kind: 'result';
      inspection: Inspection;
      raw: Uint8Array;
      /** Only when the request asked for it. */
      text: RawText | undefined;
      /**
       * When asked for: a copy of `raw`, made here, that the page can move on to another worker
       * (the checks) by transfer instead of cloning the message on the main thread.
       */
      spare?: Uint8Array;
    }
  | { id: number; kind: 'error'; message: string };

/**
 * The buffers to transfer with a result: the raw message, the line table, the spare copy and
 * every attachment's content, each buffer once (a buffer listed twice makes postMessage throw).
 */
export function resultTransferables(
  inspection: Inspection,
  raw: Uint8Array,
  text: RawText | undefined,
  spare?: Uint8Array,
): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const add = (view: Uint8Array | Uint32Array) => {
    if (view.buffer instanceof ArrayBuffer && view.buffer.byteLength > 0) buffers.add(view.buffer);
  };
  add(raw);
  if (text) add(text.lineStarts);
  if (spare) add(spare);
  for (const attachment of inspection.attachments) add(attachment.content);
  return [...buffers];
}
