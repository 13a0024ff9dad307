import { describe, expect, test } from 'vitest';
import {
  RAW_VIEW_WHOLE_LIMIT,
  rawViewBytes,
  toViewOffset,
} from '../../../src/lib/state/raw-view.ts';
import { applyRawChange, diffRaw } from '../../../src/lib/workers/raw-diff.ts';
import { fc, test as propTest } from '@fast-check/vitest';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

describe('raw view of a message', () => {
  test('a message up to the limit is shown whole', () => {
    const raw = encoder.encode('Subject: x\r\n\r\nbody\r\n');
    const view = rawViewBytes(raw);
    expect(view.whole).toBe(true);
    expect(view.bytes).toBe(raw);
    expect(toViewOffset(view, 5)).toBe(5);
  });

  test('a larger message keeps whole lines of its head and tail around one marker line', () => {
    const line = 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=\r\n';
    const raw = encoder.encode('Subject: big\r\n\r\n' + line.repeat(RAW_VIEW_WHOLE_LIMIT / 20));
    const view = rawViewBytes(raw);
    expect(view.whole).toBe(false);
    const text = decoder.decode(view.bytes);
    expect(text.startsWith('Subject: big\r\n')).toBe(true);
    const lines = text.split('\r\n');
    const marker = lines.filter((item) => item.startsWith('[…'));
    expect(marker).toHaveLength(1);
    expect(marker[0]).toContain(`${(view.tailStart - view.headEnd).toLocaleString('en')} bytes`);
    for (const item of lines.slice(2, -1))
      if (!item.startsWith('[…')) expect(item).toBe(line.trim());
    // Offsets in the tail land on the same bytes in the view.
    const offset = raw.length - 10;
    expect(view.bytes[toViewOffset(view, offset)]).toBe(raw[offset]);
    expect(toViewOffset(view, view.headEnd + 5)).toBe(view.headEnd);
  });
});

describe('raw message changes', () => {
  const lines = fc.array(fc.stringMatching(/^[a-c]{0,4}$/), { maxLength: 12 });
  propTest.prop([lines, lines])(
    'apply to give the new message, and start and end at line starts',
    (before, after) => {
      const previous = encoder.encode(before.map((item) => `${item}\r\n`).join(''));
      const next = encoder.encode(after.map((item) => `${item}\r\n`).join(''));
      const change = diffRaw(previous, next);
      expect(applyRawChange(previous, change)).toEqual(next);
      for (const at of [change.from, change.to]) {
        expect(at === 0 || previous[at - 1] === 0x0a).toBe(true);
      }
    },
  );
});
