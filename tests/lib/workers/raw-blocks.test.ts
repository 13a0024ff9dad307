import { describe, expect, test } from 'vitest';
import {
  BLOCK_FROM_BYTES,
  BlockReceiver,
  BlockSender,
} from '../../../src/lib/workers/raw-blocks.ts';

const small = (text: string) => new TextEncoder().encode(text);
/** Same bytes (a deep equality of megabyte arrays element by element is slow). */
const same = (a: Uint8Array | number | undefined, b: Uint8Array) =>
  a instanceof Uint8Array && Buffer.from(a).equals(Buffer.from(b));

describe('BlockSender and BlockReceiver', () => {
  test('a large segment crosses once, is named by id after that, and is dropped when unused', () => {
    const sender = new BlockSender();
    const receiver = new BlockReceiver();
    const block = new Uint8Array(BLOCK_FROM_BYTES).fill(65);
    const other = new Uint8Array(BLOCK_FROM_BYTES + 1).fill(66);

    const first = sender.send([small('head'), block, small('tail')]);
    expect(first.raw.blocks).toHaveLength(1);
    expect(first.transfer).toHaveLength(1);
    const segments = receiver.receive(first.raw);
    expect(same(segments[1], block)).toBe(true);
    expect(segments[1]).not.toBe(block);

    const second = sender.send([small('head!'), block, small('tail')]);
    expect(second.raw.blocks).toEqual([]);
    expect(second.transfer).toEqual([]);
    expect(receiver.receive(second.raw)[1]).toBe(segments[1]);

    const third = sender.send([small('head'), other]);
    expect(third.raw.dropped).toEqual([first.raw.parts[1]]);
    expect(same(receiver.receive(third.raw)[1], other)).toBe(true);
    // Dropped on both sides: sent again if it comes back.
    const fourth = sender.send([block]);
    expect(fourth.raw.blocks).toHaveLength(1);
    expect(same(receiver.receive(fourth.raw)[0], block)).toBe(true);
  });

  test('a block the worker never sent is a plain error', () => {
    expect(() => new BlockReceiver().receive({ parts: [7], blocks: [], dropped: [] })).toThrow(
      RangeError,
    );
  });
});
