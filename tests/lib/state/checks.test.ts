import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ChecksState } from '../../../src/lib/state/checks.svelte.ts';
import type { ChecksRequest, ChecksResponse } from '../../../src/lib/workers/checks-protocol.ts';

/** A checks worker that answers every check with an empty report, and keeps what it was sent. */
class FakeWorker {
  static sent: Array<{ request: ChecksRequest; transfer: Transferable[] }> = [];
  #listeners: Array<(event: { data: ChecksResponse }) => void> = [];
  addEventListener(type: string, listener: (event: { data: ChecksResponse }) => void): void {
    if (type === 'message') this.#listeners.push(listener);
  }
  postMessage(request: ChecksRequest, transfer: Transferable[] = []): void {
    FakeWorker.sent.push({ request, transfer });
    const data: ChecksResponse = {
      id: request.id,
      kind: 'report',
      report: {
        findings: [],
        score: 100,
        spam: { points: 0, threshold: 5, hits: [] },
        clients: [],
        parts: {},
      },
    };
    queueMicrotask(() => this.#listeners.forEach((listener) => listener({ data })));
  }
  terminate(): void {}
}

const message = () =>
  new TextEncoder().encode('From: a@example.com\r\nSubject: Hi\r\n\r\nHello\r\n');

describe('ChecksState', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeWorker.sent = [];
    vi.stubGlobal('Worker', FakeWorker);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  test('moves a spare copy to the worker and keeps the message itself', async () => {
    const checks = new ChecksState();
    const raw = message();
    const spare = raw.slice();
    checks.schedule(raw, undefined, spare);
    await vi.advanceTimersByTimeAsync(0);
    const [sent] = FakeWorker.sent;
    expect(sent?.request.kind === 'check' && sent.request.raw).toBe(spare);
    expect(sent?.transfer).toEqual([spare.buffer]);
    expect(raw.byteLength).toBeGreaterThan(0);
    checks.dispose();
  });
});
