/**
 * Runs inspections for the page: small messages right away, anything over `WORKER_THRESHOLD`
 * in a Web Worker with progress. Only the newest request of a client is answered; an older one
 * still running is settled as superseded, so a slow parse cannot overwrite a newer message.
 */
import { inspectMessage } from '../mime/index.ts';
import type { Inspection } from '../mime/types.ts';
import { decodeRawText, type RawText, type RawTextEncoding } from '../inspect-view/raw-text.ts';
import {
  textSlices,
  type InspectPhase,
  type InspectRequest,
  type InspectResponse,
  type InspectTextPart,
} from './inspect-protocol.ts';

/** Above this many bytes a message is inspected in the worker (SPEC: "over ~1 MB"). */
export const WORKER_THRESHOLD = 1024 * 1024;

/** What an inspection gives back: the result, the bytes it was made from, and their text. */
export interface InspectOutcome {
  inspection: Inspection;
  raw: Uint8Array;
  /** The message as text with its line table, unless it was inspected with `indexText` false. */
  text: RawText | undefined;
  /** Whether the worker did the work. */
  inWorker: boolean;
  /** A copy of `raw` the worker made, for the page to move on by transfer (worker only). */
  spare?: Uint8Array;
}

/** Thrown (as a rejection) when a newer request replaced this one. */
export class SupersededError extends Error {
  constructor() {
    super('A newer message replaced this one before its inspection finished.');
    this.name = 'SupersededError';
  }
}

interface Pending {
  id: number;
  resolve: (outcome: InspectOutcome) => void;
  reject: (error: Error) => void;
  onPhase: (phase: InspectPhase) => void;
}

/** A connection to the inspection worker, created on first use. */
export class InspectClient {
  #worker: Worker | undefined;
  /** Bumped by every request; a result from an older one is dropped. */
  #generation = 0;
  #pending: Pending | undefined;

  /**
   * Inspect `raw`. When it goes to the worker its buffer is transferred and `raw` becomes
   * unusable; use the outcome's `raw` instead (the worker sends a spare copy with it). `indexText` false leaves out the message's text
   * (for a large message shown through a window of its bytes).
   */
  inspect(
    raw: Uint8Array,
    onPhase: (phase: InspectPhase) => void = () => {},
    indexText = true,
  ): Promise<InspectOutcome> {
    const id = this.#supersede();
    if (raw.length <= WORKER_THRESHOLD) return this.#inspectHere(id, raw, onPhase, indexText);
    return this.#post({ id, raw, indexText, spare: true }, onPhase, [raw.buffer as ArrayBuffer]);
  }

  /**
   * Inspect pasted text in the worker: it is turned into bytes there (`encodeRawText`), never
   * on the page, and its text is not sent back. A long text goes a slice per task (cloning
   * 25 MB of text in one task held the page for tens of milliseconds).
   */
  async inspectText(
    text: string,
    lineBreak: RawText['lineBreak'],
    encoding: RawTextEncoding,
    onPhase: (phase: InspectPhase) => void = () => {},
  ): Promise<InspectOutcome> {
    const id = this.#supersede();
    const slices = textSlices(text);
    const last = slices.pop()!;
    for (const textPart of slices) {
      const part: InspectTextPart = { id, textPart };
      this.#ensureWorker().postMessage(part);
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (this.#generation !== id) throw new SupersededError();
    }
    return this.#post(
      { id, text: last, lineBreak, encoding, indexText: false, spare: true },
      onPhase,
      [],
    );
  }

  #supersede(): number {
    const id = ++this.#generation;
    this.#pending?.reject(new SupersededError());
    this.#pending = undefined;
    return id;
  }

  #post(
    request: InspectRequest,
    onPhase: (phase: InspectPhase) => void,
    transfer: Transferable[],
  ): Promise<InspectOutcome> {
    return new Promise<InspectOutcome>((resolve, reject) => {
      this.#pending = { id: request.id, resolve, reject, onPhase };
      this.#ensureWorker().postMessage(request, { transfer });
    });
  }

  /** Stop the worker; a request in flight is settled as superseded. */
  dispose(): void {
    this.#generation++;
    this.#pending?.reject(new SupersededError());
    this.#pending = undefined;
    this.#worker?.terminate();
    this.#worker = undefined;
  }

  async #inspectHere(
    id: number,
    raw: Uint8Array,
    onPhase: (phase: InspectPhase) => void,
    indexText: boolean,
  ): Promise<InspectOutcome> {
    onPhase('parsing');
    const inspection = await inspectMessage(raw);
    if (this.#generation !== id) throw new SupersededError();
    onPhase('indexing');
    return { inspection, raw, text: indexText ? decodeRawText(raw) : undefined, inWorker: false };
  }

  #ensureWorker(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(new URL('./inspect.worker.ts', import.meta.url), {
      type: 'module',
      name: 'inspect',
    });
    worker.addEventListener('message', (event: MessageEvent<InspectResponse>) => {
      const message = event.data;
      const pending = this.#pending;
      if (!pending || pending.id !== message.id) return;
      if (message.kind === 'progress') pending.onPhase(message.phase);
      else if (message.kind === 'error') {
        this.#pending = undefined;
        pending.reject(new Error(message.message));
      } else {
        this.#pending = undefined;
        pending.resolve({
          inspection: message.inspection,
          raw: message.raw,
          text: message.text,
          inWorker: true,
          ...(message.spare ? { spare: message.spare } : {}),
        });
      }
    });
    worker.addEventListener('error', (event) => {
      const pending = this.#pending;
      this.#pending = undefined;
      pending?.reject(
        new Error(`The inspection worker failed: ${event.message || 'unknown error'}`),
      );
      worker.terminate();
      if (this.#worker === worker) this.#worker = undefined;
    });
    this.#worker = worker;
    return worker;
  }
}
