/**
 * The page's side of the build worker: sends attachment bytes once, keeps at most one build in
 * flight (a newer draft replaces a waiting one, so a burst of keystrokes builds only the latest),
 * and hands each result to the caller in order.
 */
import type {
  BuildWorkerRequest,
  BuildWorkerResponse,
  DraftReference,
} from '../workers/build-protocol.ts';
import type { BuildChannel } from './build-pipeline.ts';

type BuildRequest = Extract<BuildWorkerRequest, { type: 'build' }>;

/** Receives what the worker answers. */
export type BuildListener = (response: BuildWorkerResponse) => void;

/** Talks to one build worker. */
export class BuildClient implements BuildChannel {
  #worker: Worker;
  #seq = 0;
  #inFlight = false;
  #waiting: BuildRequest | undefined;

  constructor(listener: BuildListener) {
    this.#worker = new Worker(new URL('../workers/build.worker.ts', import.meta.url), {
      type: 'module',
      name: 'mailwright-build',
    });
    this.#worker.onmessage = (event: MessageEvent<BuildWorkerResponse>) => {
      if (event.data.type !== 'text-compared') this.#finished();
      listener(event.data);
    };
    this.#worker.onerror = (event) => {
      event.preventDefault();
      this.#finished();
      listener({ type: 'failed', seq: this.#seq, message: event.message || 'The build failed.' });
    };
  }

  /** Give the worker an attachment's bytes (a file is read by the worker; bytes are copied). */
  setAttachment(ref: string, content: Blob | Uint8Array): void {
    this.#post({ type: 'attachment', ref, content });
  }

  /** Let the worker drop an attachment's bytes. */
  forget(ref: string): void {
    this.#post({ type: 'forget', ref });
  }

  /** Build this draft as soon as the worker is free; the answer carries `seq`. */
  build(draft: DraftReference, now: Date, seed: string, seq: number): void {
    const request: BuildRequest = { type: 'build', seq, draft, now, seed };
    if (this.#inFlight) this.#waiting = request;
    else this.#send(request);
  }

  /** Ask whether the text body still says what the HTML says. */
  compareText(text: string, html: string): number {
    const seq = ++this.#seq;
    this.#post({ type: 'compare-text', seq, text, html });
    return seq;
  }

  /** Stop the worker. */
  terminate(): void {
    this.#worker.terminate();
  }

  #send(request: BuildRequest): void {
    this.#inFlight = true;
    this.#post(request);
  }

  #finished(): void {
    this.#inFlight = false;
    const next = this.#waiting;
    this.#waiting = undefined;
    if (next) this.#send(next);
  }

  #post(request: BuildWorkerRequest): void {
    this.#worker.postMessage(request);
  }
}
