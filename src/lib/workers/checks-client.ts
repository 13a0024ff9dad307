/**
 * Runs the pre-send checks and CSS inlining in the checks worker, created on first use. Only the
 * newest check is answered: an older one still running is settled as superseded, so a slow run
 * can never show findings for text the person has since changed.
 */
import type { CheckOptions, CheckReport } from '../checks/types.ts';
import type { ChecksRequest, ChecksResponse } from './checks-protocol.ts';
import { SupersededError } from './inspect-client.ts';

interface Pending {
  resolve: (response: ChecksResponse) => void;
  reject: (error: Error) => void;
}

/** A connection to the checks worker. */
export class ChecksClient {
  #worker: Worker | undefined;
  #nextId = 0;
  #latestCheck = 0;
  readonly #pending = new Map<number, Pending>();

  /**
   * Check a raw message; rejects with SupersededError when a newer check replaced it. With
   * `transfer`, `raw` (a copy the caller no longer needs) is moved to the worker, not cloned.
   */
  async check(raw: Uint8Array, options: CheckOptions, transfer = false): Promise<CheckReport> {
    const id = ++this.#nextId;
    this.#latestCheck = id;
    const buffers = transfer ? [raw.buffer as ArrayBuffer] : [];
    const response = await this.#send({ id, kind: 'check', raw, options }, buffers);
    if (id !== this.#latestCheck) throw new SupersededError();
    if (response.kind !== 'report') throw new Error('The checks worker gave an unexpected answer.');
    return response.report;
  }

  /** Inline an HTML body's `<style>` rules. */
  async inlineCss(html: string): Promise<string> {
    const response = await this.#send({ id: ++this.#nextId, kind: 'inline-css', html });
    if (response.kind !== 'inlined')
      throw new Error('The checks worker gave an unexpected answer.');
    return response.html;
  }

  /** Stop the worker; requests in flight are settled as superseded. */
  dispose(): void {
    for (const pending of this.#pending.values()) pending.reject(new SupersededError());
    this.#pending.clear();
    this.#worker?.terminate();
    this.#worker = undefined;
  }

  #send(request: ChecksRequest, transfer: ArrayBuffer[] = []): Promise<ChecksResponse> {
    return new Promise((resolve, reject) => {
      this.#pending.set(request.id, { resolve, reject });
      this.#ensureWorker().postMessage(request, transfer);
    }).then((response) => {
      const answer = response as ChecksResponse;
      if (answer.kind === 'error') throw new Error(answer.message);
      return answer;
    });
  }

  #ensureWorker(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(new URL('./checks.worker.ts', import.meta.url), {
      type: 'module',
      name: 'checks',
    });
    worker.addEventListener('message', (event: MessageEvent<ChecksResponse>) => {
      const pending = this.#pending.get(event.data.id);
      this.#pending.delete(event.data.id);
      pending?.resolve(event.data);
    });
    worker.addEventListener('error', (event) => {
      const error = new Error(`The checks worker failed: ${event.message || 'unknown error'}`);
      for (const pending of this.#pending.values()) pending.reject(error);
      this.#pending.clear();
      worker.terminate();
      if (this.#worker === worker) this.#worker = undefined;
    });
    this.#worker = worker;
    return worker;
  }
}
