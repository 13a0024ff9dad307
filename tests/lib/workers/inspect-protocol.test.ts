import { test as fcTest } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inspectMessage } from '../../../src/lib/mime/index.ts';
import { decodeRawText } from '../../../src/lib/inspect-view/raw-text.ts';
import {
  resultTransferables,
  textSlices,
  TextParts,
} from '../../../src/lib/workers/inspect-protocol.ts';

const RAW =
  'From: a@example.com\r\nSubject: Two files\r\nMIME-Version: 1.0\r\n' +
  'Content-Type: multipart/mixed; boundary="b"\r\n\r\n' +
  '--b\r\nContent-Type: text/plain\r\n\r\nHi\r\n' +
  '--b\r\nContent-Type: application/octet-stream; name="a.bin"\r\nContent-Transfer-Encoding: base64\r\n\r\nAAEC\r\n' +
  '--b\r\nContent-Type: application/octet-stream; name="b.txt"\r\nContent-Transfer-Encoding: 7bit\r\n\r\nplain\r\n' +
  '--b--\r\n';

describe('resultTransferables', () => {
  it('lists every buffer of a result once, so postMessage can transfer them all', async () => {
    const raw = new TextEncoder().encode(RAW);
    const found = await inspectMessage(raw);
    const inspection = { ...found, attachments: found.attachments.map((a) => ({ ...a })) };
    const text = decodeRawText(raw);
    const buffers = resultTransferables(inspection, raw, text);
    expect(new Set(buffers).size).toBe(buffers.length);
    expect(buffers).toContain(raw.buffer);
    expect(buffers).toContain(text.lineStarts.buffer);
    for (const attachment of inspection.attachments) {
      expect(buffers).toContain(attachment.content.buffer);
    }
    // What structuredClone accepts, a real postMessage accepts: no buffer twice, none missing.
    const copy = structuredClone({ inspection, raw, text }, { transfer: buffers });
    expect(copy.inspection.attachments.map((a) => Array.from(a.content))).toEqual([
      [0, 1, 2],
      Array.from(new TextEncoder().encode('plain')),
    ]);
    expect(raw.byteLength).toBe(0); // transferred, not copied
  });

  it('leaves out the line table of a message sent without its text', async () => {
    const raw = new TextEncoder().encode(RAW);
    const inspection = await inspectMessage(raw);
    const buffers = resultTransferables(inspection, raw, undefined);
    expect(buffers).toContain(raw.buffer);
    expect(buffers).toHaveLength(1 + inspection.attachments.length);
  });
});

describe('resultTransferables with a spare copy', () => {
  it('moves the spare copy too, apart from the message', async () => {
    const raw = new TextEncoder().encode(RAW);
    const inspection = await inspectMessage(raw);
    const spare = raw.slice();
    const buffers = resultTransferables(inspection, raw, undefined, spare);
    expect(buffers).toContain(raw.buffer);
    expect(buffers).toContain(spare.buffer);
    const copy = structuredClone({ raw, spare }, { transfer: buffers });
    expect(copy.spare).toEqual(copy.raw);
    expect(spare.byteLength).toBe(0);
  });
});

describe('pasted text in slices', () => {
  fcTest.prop([fc.string({ unit: 'grapheme', maxLength: 200 }), fc.integer({ min: 1, max: 50 })])(
    'slices put back together are the text, surrogate pairs included, whatever the size',
    (text, size) => {
      const slices = textSlices(text, size);
      expect(slices.every((slice) => slice.length <= size)).toBe(true);
      const parts = new TextParts();
      const last = slices.pop()!;
      for (const textPart of slices) parts.add({ id: 7, textPart });
      expect(parts.take(7, last)).toBe(text);
    },
  );

  it('a newer request’s slices replace an older one’s, and a request without slices is its own text', () => {
    const parts = new TextParts();
    parts.add({ id: 1, textPart: 'old ' });
    parts.add({ id: 2, textPart: 'new ' });
    expect(parts.take(2, 'text')).toBe('new text');
    expect(parts.take(3, 'alone')).toBe('alone');
    parts.add({ id: 4, textPart: 'stale ' });
    expect(parts.take(5, 'fresh')).toBe('fresh');
    expect(() => textSlices('x', 0)).toThrow(RangeError);
    expect(textSlices('')).toEqual(['']);
  });
});
