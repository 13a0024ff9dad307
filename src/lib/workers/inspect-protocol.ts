/**
 * Messages between the page and the inspection worker. The raw bytes travel to the worker as a
 * transferred buffer and come back the same way with the result, so a 25 MB message is never
 * copied; attachment contents come back transferred too.
 */
import type { Inspection } from '../mime/types.ts';
import type { RawText } from '../inspect-view/raw-text.ts';

/** Inspect one message. `raw`'s buffer is transferred: the sender must not use it afterwards. */
export interface InspectRequest {
  id: number;
  raw: Uint8Array;
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
  | { id: number; kind: 'result'; inspection: Inspection; raw: Uint8Array; text: RawText }
  | { id: number; kind: 'error'; message: string };

/**
 * The buffers to transfer with a result: the raw message, the line table and every attachment's
 * content, each buffer once (a buffer listed twice makes postMessage throw).
 */
export function resultTransferables(
  inspection: Inspection,
  raw: Uint8Array,
  text: RawText,
): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const add = (view: Uint8Array | Uint32Array) => {
    if (view.buffer instanceof ArrayBuffer && view.buffer.byteLength > 0) buffers.add(view.buffer);
  };
  add(raw);
  add(text.lineStarts);
  for (const attachment of inspection.attachments) add(attachment.content);
  return [...buffers];
}
