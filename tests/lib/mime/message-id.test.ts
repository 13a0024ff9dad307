import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { buildMessage } from '../../../src/lib/mime/index.ts';
import { DraftHash } from '../../../src/lib/mime/message-id.ts';
import { propertyRuns } from '../../support/property-runs.ts';

const runs = propertyRuns();
const now = new Date(Date.UTC(2026, 10, 27, 12, 0, 0));
const messageId = (raw: Uint8Array) =>
  /^Message-ID: (<[^>]+>)\r$/m.exec(new TextDecoder().decode(raw))![1]!;
const hashOf = (bytes: Uint8Array) => new DraftHash().addContent(bytes).hex();

describe('generated ids', () => {
  test.prop(
    [
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3000 }),
      fc.nat(),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 2 }),
      fc.constantFrom('text', 'html' as const),
    ],
    runs,
  )(
    'change when one character of a body changes, wherever it is',
    (body, at, replacement, field) => {
      const index = at % body.length;
      const changed = body.slice(0, index) + replacement + body.slice(index + 1);
      fc.pre(changed !== body);
      const build = (value: string) =>
        buildMessage({ from: 'a@example.com', to: ['b@example.com'], [field]: value }, { now });
      expect(messageId(build(changed).raw)).not.toBe(messageId(build(body).raw));
    },
  );

  test.prop(
    [fc.uint8Array({ minLength: 32, maxLength: 400 }), fc.nat(), fc.integer({ min: 1, max: 3 })],
    runs,
  )(
    'tell apart bodies that differ only in the top bits of words in one lane',
    (bytes, at, rounds) => {
      // Bytes 3, 7, 11, … hold the top bits of the 32-bit words; words 16 bytes apart share a lane.
      const first = 3 + 16 * (at % Math.floor((bytes.length - 19) / 16 + 1));
      const other = new Uint8Array(bytes);
      other[first] = other[first]! ^ 0x80;
      const second = first + 16 * rounds;
      if (second < bytes.length) other[second] = other[second]! ^ 0x80;
      expect(hashOf(other)).not.toBe(hashOf(bytes));
    },
  );

  test('hash a body by every byte and by its length', () => {
    const zeros = new Uint8Array(64);
    expect(hashOf(zeros)).not.toBe(hashOf(zeros.subarray(0, 63)));
    const ones = zeros.slice();
    ones[40] = 1;
    expect(hashOf(ones)).not.toBe(hashOf(zeros));
  });
});
