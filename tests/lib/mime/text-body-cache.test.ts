import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildMessage } from '../../../src/lib/mime/build.ts';
import { bodyBytes, encodeText } from '../../../src/lib/mime/parts.ts';
import { TextBodyCache } from '../../../src/lib/mime/text-body-cache.ts';
import { propertyRuns } from '../../support/property-runs.ts';

const runs = propertyRuns(200, 1000);

/** Pieces that matter to line-based encoding: line ends of every kind, white space, escapes. */
const piece = fc.oneof(
  fc.constantFrom('\r\n', '\n', '\r', ' ', '\t', '=', '.', 'From ', 'é', '😀', '\u0001', '\ud800'),
  fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n'), maxLength: 12 }),
  fc.integer({ min: 70, max: 200 }).map((n) => 'x'.repeat(n)),
);
const text = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''));

/** One edit: replace `remove` characters at a relative position with `insert`. */
const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.integer({ min: 0, max: 40 }),
  insert: text.map((t) => t.slice(0, 30)),
});

type Edit = { at: number; remove: number; insert: string };

function applyEdit(source: string, { at, remove, insert }: Edit): string {
  const from = Math.floor(at * source.length);
  return source.slice(0, from) + insert + source.slice(from + remove);
}

describe('TextBodyCache', () => {
  test.prop([text, fc.array(edit, { maxLength: 12 }), fc.integer({ min: 1, max: 64 })], runs)(
    'gives bodyBytes and its encoding exactly, edit after edit',
    (start, edits, blockChars) => {
      const cache = new TextBodyCache(blockChars);
      let current = start;
      for (const step of [undefined, ...edits]) {
        if (step) current = applyEdit(current, step);
        const cached = cache.body('html', current);
        const bytes = bodyBytes(current);
        expect(Buffer.from(cached.bytes)).toEqual(Buffer.from(bytes));
        const whole = encodeText(bytes);
        expect(cached.encoded.choice).toEqual(whole.choice);
        expect(Buffer.from(cached.encoded.body).toString('latin1')).toBe(
          Buffer.from(whole.body).toString('latin1'),
        );
      }
    },
  );

  test.prop([text, text, fc.array(edit, { maxLength: 6 })], propertyRuns(50, 300))(
    'leaves buildMessage’s bytes as they are without it',
    (html, plain, edits) => {
      const cache = new TextBodyCache(16);
      const options = { now: new Date(Date.UTC(2026, 11, 6)), boundary: (d: number) => `b${d}` };
      let current = html;
      for (const step of [undefined, ...edits]) {
        if (step) current = applyEdit(current, step);
        const draft = {
          from: 'a@example.com',
          to: ['b@example.com'],
          subject: 's',
          html: current,
          text: plain,
        };
        const cached = buildMessage(draft, options, cache);
        const fresh = buildMessage(draft, options);
        expect(Buffer.from(cached.raw).toString('latin1')).toBe(
          Buffer.from(fresh.raw).toString('latin1'),
        );
        expect(cached.tree).toEqual(fresh.tree);
      }
    },
  );

  it('re-encodes only the blocks an edit touches', () => {
    const cache = new TextBodyCache(64);
    const lines = Array.from({ length: 200 }, (_, i) => `line ${i} with an = sign and é`);
    const first = cache.body('html', lines.join('\n'));
    expect(first.freshChars).toBe(lines.join('\n').length);
    lines[100] = 'changed';
    const second = cache.body('html', lines.join('\n'));
    expect(second.encoded.choice.encoding).toBe('quoted-printable');
    // The block holding line 100 and perhaps its neighbour: a few lines, not 200.
    expect(second.freshChars).toBeGreaterThan(0);
    expect(second.freshChars).toBeLessThan(3 * 64 + 2 * 40);
    expect(cache.body('html', lines.join('\n')).freshChars).toBe(0);
    // Each slot keeps its own body.
    expect(cache.body('text', 'plain').freshChars).toBe(5);
    expect(cache.body('html', lines.join('\n')).freshChars).toBe(0);
  });

  it('refuses a block size that is not a positive whole number', () => {
    expect(() => new TextBodyCache(0)).toThrow(RangeError);
    expect(() => new TextBodyCache(1.5)).toThrow(RangeError);
  });
});
