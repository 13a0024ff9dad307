import { describe, expect, test } from 'vitest';
import { fc, test as propTest } from '@fast-check/vitest';
import { RAW_WINDOW_BYTES, RawWindow, type WindowEdit } from '../../../src/lib/state/raw-window.ts';
import { MessageBytes } from '../../../src/lib/state/message-bytes.ts';
import { asMessageChange, diffRaw } from '../../support/raw-diff.ts';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The view's text as an editor would hold it, kept by applying each edit. */
function apply(text: Uint8Array, edit: WindowEdit | null): Uint8Array {
  if (!edit) return text;
  const out = new Uint8Array(text.length - (edit.to - edit.from) + edit.insert.length);
  out.set(text.subarray(0, edit.from), 0);
  out.set(edit.insert, edit.from);
  out.set(text.subarray(edit.to), edit.from + edit.insert.length);
  return out;
}

/** Byte arrays compared as text: a deep equality of 256 KB arrays element by element is slow. */
function same(a: Uint8Array, b: Uint8Array): void {
  expect(Buffer.from(a).equals(Buffer.from(b)), 'the view holds the window').toBe(true);
}

/** The change from what the window shows to `next`. */
function changeTo(window: RawWindow, next: Uint8Array) {
  return asMessageChange(diffRaw(window.raw.subarray(0), next));
}

function lineOf(raw: Uint8Array, offset: number): number {
  return Buffer.from(raw.subarray(0, offset)).toString('latin1').split('\n').length;
}

/** A message: a few header lines, then `lines` base64-like body lines. */
function message(subject: string, lines: number, tail = ''): Uint8Array {
  const line = 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0\r\n';
  return encoder.encode(
    `Subject: ${subject}\r\nMIME-Version: 1.0\r\n\r\n${line.repeat(lines)}${tail}`,
  );
}

describe('RawWindow', () => {
  test('a small message is shown whole and edited where it changed', () => {
    const window = new RawWindow();
    let text = apply(new Uint8Array(0), window.show(message('One', 10)));
    const next = message('Two', 10);
    const edit = window.update(changeTo(window, next), next);
    text = apply(text, edit);
    same(text, next);
    expect(edit!.from).toBe(0);
    expect(edit!.insert.length).toBeLessThan(20);
    expect(window.whole).toBe(true);
  });

  test('a large message is shown from its start, about a window long, on whole lines', () => {
    const window = new RawWindow();
    const raw = message('Big', 20_000);
    const text = apply(new Uint8Array(0), window.show(raw));
    expect(window.whole).toBe(false);
    expect(text.length).toBeGreaterThanOrEqual(RAW_WINDOW_BYTES);
    expect(text.length).toBeLessThan(RAW_WINDOW_BYTES + 100);
    expect(decoder.decode(text.subarray(-2))).toBe('\r\n');
    expect(window.firstLine).toBe(1);
  });

  test('typing at the top of a large message edits only the line typed on', () => {
    const window = new RawWindow();
    let text = apply(new Uint8Array(0), window.show(message('Big', 20_000)));
    for (const subject of ['Big!', 'Big!!', 'B']) {
      const next = message(subject, 20_000);
      const edit = window.update(changeTo(window, next), next);
      expect(edit!.insert.length).toBeLessThan(30);
      text = apply(text, edit);
      same(text, window.bytes);
    }
  });

  test('a window further down keeps its bytes and renumbers its lines when lines are added above', () => {
    const window = new RawWindow();
    const raw = message('Big', 20_000);
    window.show(raw);
    let text = apply(window.bytes.slice(), window.reveal(1_000_000));
    const start = window.start;
    expect(window.firstLine).toBe(lineOf(raw, start));
    const next = message('Two\r\nX-Extra: line', 20_000);
    expect(window.update(changeTo(window, next), next)).toBeNull();
    text = apply(text, null);
    expect(window.firstLine).toBe(lineOf(next, window.start));
    same(text, window.bytes);
  });

  test('revealing and paging move the window over every byte, and each offset lands inside it', () => {
    const window = new RawWindow();
    const raw = message('Big', 20_000, 'end\r\n');
    window.show(raw);
    expect(window.reveal(100)).toBeNull();
    window.reveal(raw.length - 3);
    expect(decoder.decode(window.bytes).endsWith('end\r\n')).toBe(true);
    expect(window.page(1)).toBeNull();
    let pages = 0;
    while (window.page(-1)) pages++;
    expect(window.start).toBe(0);
    expect(pages).toBeGreaterThan(raw.length / RAW_WINDOW_BYTES);
    expect(window.toWindow(raw.length)).toBe(window.end);
  });

  propTest.prop(
    [
      fc.array(
        fc.record({
          subject: fc.string({ maxLength: 30 }).map((s) => s.replace(/[\r\n]/g, '')),
          lines: fc.integer({ min: 0, max: 9000 }),
          tail: fc.constantFrom('', 'T\r\n', 'end\r\nmore\r\n'),
          at: fc.integer({ min: 0, max: 800_000 }),
          cuts: fc.array(fc.integer({ min: 0, max: 800_000 }), { maxLength: 4 }),
        }),
        { minLength: 1, maxLength: 8 },
      ),
    ],
    { numRuns: 40 },
  )('applying every edit keeps the view equal to the window of the latest message', (steps) => {
    const window = new RawWindow();
    let text: Uint8Array = new Uint8Array(0);
    for (const { subject, lines, tail, at, cuts } of steps) {
      const next = message(subject, lines, tail);
      // The page holds a message in segments: the window must read across their joins.
      const points = [0, ...cuts.map((cut) => Math.min(cut, next.length)).sort((a, b) => a - b)];
      const segments = points.map((point, i) => next.subarray(point, points[i + 1]));
      text = apply(text, window.update(changeTo(window, next), new MessageBytes(segments)));
      same(text, window.bytes);
      expect(window.firstLine).toBe(lineOf(next, window.start));
      expect(window.end - window.start).toBeLessThanOrEqual(2 * RAW_WINDOW_BYTES + 100);
      text = apply(text, window.reveal(Math.min(at, next.length)));
      expect(window.contains(Math.min(at, next.length))).toBe(true);
      same(text, window.bytes);
    }
  });
});
