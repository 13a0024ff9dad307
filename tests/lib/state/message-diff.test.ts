import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { MessageBytes } from '../../../src/lib/state/message-bytes.ts';
import { diffMessages } from '../../../src/lib/state/message-diff.ts';
import { asMessageChange, diffRaw } from '../../support/raw-diff.ts';

/** Text of a few short lines, from a small alphabet so that messages share much. */
const text = fc
  .array(fc.constantFrom('a', 'b', '\r\n', '\n', 'xy'), { maxLength: 40 })
  .map((parts) => new TextEncoder().encode(parts.join('')));

/** Shared blocks: the same arrays may appear in both messages, as attachments' lines do. */
const blocks = [text, text, text];

/** A message: pieces, each either its own bytes or one of the shared blocks, cut anywhere. */
function message(shared: Uint8Array[]) {
  return fc
    .array(fc.oneof(text, fc.integer({ min: 0, max: shared.length - 1 })), { maxLength: 6 })
    .map((pieces) => pieces.map((piece) => (typeof piece === 'number' ? shared[piece]! : piece)));
}

describe('diffMessages', () => {
  propTest.prop(
    [fc.tuple(...blocks).chain((shared) => fc.tuple(message(shared), message(shared)))],
    {
      numRuns: 500,
    },
  )('agrees with a byte-by-byte diff of the joined messages', ([a, b]) => {
    const joinedA = new Uint8Array(Buffer.concat(a));
    const joinedB = new Uint8Array(Buffer.concat(b));
    expect(diffMessages(new MessageBytes(a), new MessageBytes(b))).toEqual(
      asMessageChange(diffRaw(joinedA, joinedB)),
    );
  });

  test('a shared block is skipped, not read: a 20 MB attachment costs nothing to compare', () => {
    const block = new Uint8Array(20 * 1024 * 1024).fill(0x41);
    const head = (subject: string) => new TextEncoder().encode(`Subject: ${subject}\r\n\r\n`);
    const change = diffMessages(
      new MessageBytes([head('One'), block, head('tail')]),
      new MessageBytes([head('Two!'), block, head('tail')]),
    );
    expect(change).toEqual({ from: 0, to: 14, length: 15 });
  });
});

describe('MessageBytes', () => {
  propTest.prop([fc.array(text, { maxLength: 6 }), fc.integer({ min: -2, max: 300 }), fc.nat(300)])(
    'reads like the joined bytes',
    (segments, from, to) => {
      const bytes = new MessageBytes(segments);
      const joined = new Uint8Array(Buffer.concat(segments));
      expect(bytes.length).toBe(joined.length);
      expect(bytes.indexOf(0x0a, from)).toBe(joined.indexOf(0x0a, Math.max(0, from)));
      expect(bytes.lastIndexOf(0x0a, from)).toBe(from < 0 ? -1 : joined.lastIndexOf(0x0a, from));
      expect(bytes.at(from)).toBe(from < 0 ? undefined : joined[from]);
      expect(bytes.subarray(Math.max(0, from), to)).toEqual(
        joined.subarray(Math.max(0, from), Math.max(from, to)),
      );
      expect(bytes.toBytes()).toEqual(joined);
      expect(bytes.join()).toEqual(joined);
      expect(bytes.join()).not.toBe(bytes.join());
    },
  );
});
