import { afterEach, describe, expect, test, vi } from 'vitest';
import { SaveQueue, type SaveStatus } from '../../../src/lib/state/save-queue.ts';

function deferred() {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

describe('SaveQueue', () => {
  afterEach(() => vi.useRealTimers());

  test('a burst of changes saves once in the next task and once more after the interval, never in parallel', async () => {
    vi.useFakeTimers();
    const saves: ReturnType<typeof deferred>[] = [];
    let running = 0;
    let most = 0;
    const statuses: SaveStatus[] = [];
    const queue = new SaveQueue({
      save: () => {
        const save = deferred();
        saves.push(save);
        most = Math.max(most, ++running);
        return save.promise.finally(() => running--);
      },
      onStatus: (status) => statuses.push(status),
      intervalMs: 150,
    });
    for (let i = 0; i < 10; i++) queue.request();
    expect(saves).toHaveLength(0);
    expect(queue.pending).toBe(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(saves).toHaveLength(1);
    saves[0]!.resolve();
    await vi.advanceTimersByTimeAsync(149);
    expect(saves).toHaveLength(1);
    expect(queue.pending).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(saves).toHaveLength(2);
    saves[1]!.resolve();
    await vi.advanceTimersByTimeAsync(1000);
    expect(saves).toHaveLength(2);
    expect(most).toBe(1);
    expect(queue.pending).toBe(false);
    expect(statuses.at(-1)).toEqual({ saving: false, error: null });
  });

  test('a failed save is reported in words, and the next good one clears it', async () => {
    let fail = true;
    const statuses: SaveStatus[] = [];
    const queue = new SaveQueue({
      save: () => (fail ? Promise.reject(new Error('The disk is full.')) : Promise.resolve()),
      onStatus: (status) => statuses.push(status),
      intervalMs: 0,
    });
    queue.request();
    await queue.settled;
    await Promise.resolve();
    expect(statuses.at(-1)).toEqual({ saving: false, error: 'The disk is full.' });
    fail = false;
    queue.request();
    await queue.settled;
    await Promise.resolve();
    expect(statuses.at(-1)).toEqual({ saving: false, error: null });
  });

  test('flush saves at once and drops the save that was due', async () => {
    vi.useFakeTimers();
    const save = vi.fn(() => Promise.resolve());
    const queue = new SaveQueue({ save, onStatus: () => {}, intervalMs: 150 });
    queue.request();
    queue.request();
    await vi.advanceTimersByTimeAsync(0);
    await queue.flush();
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).toHaveBeenCalledTimes(2);
  });
});
