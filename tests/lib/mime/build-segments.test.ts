import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { buildMessage, buildMessageSegments } from '../../../src/lib/mime/build.ts';
import { CACHE_FROM_BYTES, type EncodedCache } from '../../../src/lib/mime/serialize.ts';
import type { Draft, DraftAttachment } from '../../../src/lib/mime/types.ts';
import { propertyRuns } from '../../support/property-runs.ts';
import { draftArbitrary } from './draft-arbitrary.ts';

const runs = propertyRuns(25, 250);
const now = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));
const boundary = (depth: number) => `----=_test_${depth}`;

/** An attachment large enough for the cache, its bytes spread from a seed. */
const largeAttachment: fc.Arbitrary<DraftAttachment> = fc
  .record({
    extra: fc.integer({ min: 0, max: 4096 }),
    seed: fc.integer({ min: 1, max: 250 }),
    inline: fc.boolean(),
  })
  .map(({ extra, seed, inline }) => {
    const content = new Uint8Array(CACHE_FROM_BYTES + extra);
    for (let i = 0; i < content.length; i += 997) content[i] = (i * seed) % 256;
    return { filename: `large-${seed}.bin`, content, ...(inline ? { inline: true } : {}) };
  });

function joined(segments: readonly Uint8Array[]): Buffer {
  return Buffer.concat(segments);
}

describe('buildMessageSegments', () => {
  test.prop(
    [draftArbitrary, fc.array(largeAttachment, { maxLength: 2 }), fc.string({ maxLength: 20 })],
    runs,
  )(
    'gives buildMessage’s bytes, tree and diagnostics, uncached or cached, and reuses the cached lines',
    ({ draft }, large, subject) => {
      const withLarge: Draft = {
        ...draft,
        attachments: [...(draft.attachments ?? []), ...large],
      };
      const options = { now, boundary };
      const cache: EncodedCache = new WeakMap();
      const first = buildMessageSegments(withLarge, options, cache);
      const plain = buildMessage(withLarge, options);
      expect(joined(first.segments).equals(Buffer.from(plain.raw))).toBe(true);
      expect(first.size).toBe(plain.raw.length);
      expect(first.tree).toEqual(plain.tree);
      expect(first.diagnostics).toEqual(plain.diagnostics);
      expect(first.envelope).toEqual(plain.envelope);

      // Built again with another subject: the cached lines give the same bytes as a fresh build.
      const edited: Draft = { ...withLarge, subject };
      const second = buildMessageSegments(edited, options, cache);
      expect(joined(second.segments).equals(Buffer.from(buildMessage(edited, options).raw))).toBe(
        true,
      );
      const big = (segments: Uint8Array[]) => segments.filter((s) => s.length >= CACHE_FROM_BYTES);
      expect(big(first.segments)).toHaveLength(large.length);
      big(second.segments).forEach((segment, i) => expect(segment).toBe(big(first.segments)[i]));
    },
  );
});
