import { describe, expect, test, vi } from 'vitest';
import { fc, test as propTest } from '@fast-check/vitest';
import {
  FILL_STEP_BYTES,
  RAW_WINDOW_BYTES,
  RawWindow,
  type WindowEdit,
} from '../../../src/lib/state/raw-window.ts';
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

  test('a window shown in steps grows a step a time to the window shown at once', () => {
    const raw = message('Big', 20_000);
    const atOnce = new RawWindow();
    atOnce.show(raw);
    const stepped = new RawWindow();
    let text = apply(new Uint8Array(0), stepped.show(raw, 0, true));
    expect(text.length).toBeLessThanOrEqual(FILL_STEP_BYTES + 100);
    expect(stepped.filling).toBe(true);
    let steps = 0;
    for (let edit = stepped.fill(); edit; edit = stepped.fill()) {
      expect(edit.insert.length).toBeLessThanOrEqual(FILL_STEP_BYTES + 100);
      text = apply(text, edit);
      steps++;
    }
    expect(stepped.filling).toBe(false);
    expect(steps).toBeGreaterThan(RAW_WINDOW_BYTES / FILL_STEP_BYTES / 2);
    same(text, atOnce.bytes);
    expect(stepped.end).toBe(atOnce.end);
  });

  test('fillLater draws the remaining steps a task each, and stops when asked', async () => {
    const raw = message('Big', 20_000);
    const window = new RawWindow();
    let text = apply(new Uint8Array(0), window.show(raw, 0, true));
    let tasks = 0;
    const step = (edit: WindowEdit | null) => {
      tasks++;
      text = apply(text, edit);
      window.fillLater(step);
    };
    window.fillLater(step);
    window.fillLater(step); // asking twice schedules one task
    expect(tasks).toBe(0);
    await new Promise((resolve) => setTimeout(resolve));
    expect(tasks).toBe(1);
    window.stopFilling();
    await new Promise((resolve) => setTimeout(resolve));
    expect(tasks).toBe(1);
    window.fillLater(step);
    await vi.waitFor(() => expect(window.filling).toBe(false));
    same(text, window.bytes);
  });

  test('revealing a byte of a window still filling shows the whole window', () => {
    const raw = message('Big', 20_000);
    const window = new RawWindow();
    let text = apply(new Uint8Array(0), window.show(raw, 0, true));
    text = apply(text, window.reveal(10));
    expect(window.filling).toBe(false);
    same(text, window.bytes);
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
          fills: fc.integer({ min: 0, max: 3 }),
        }),
        { minLength: 1, maxLength: 8 },
      ),
    ],
    { numRuns: 40 },
  )('applying every edit keeps the view equal to the window of the latest message', (steps) => {
    const window = new RawWindow();
    let text: Uint8Array = new Uint8Array(0);
    for (const { subject, lines, tail, at, cuts, fills } of steps) {
      const next = message(subject, lines, tail);
      // The page holds a message in segments: the window must read across their joins.
      const points = [0, ...cuts.map((cut) => Math.min(cut, next.length)).sort((a, b) => a - b)];
      const segments = points.map((point, i) => next.subarray(point, points[i + 1]));
      text = apply(text, window.update(changeTo(window, next), new MessageBytes(segments)));
      same(text, window.bytes);
      expect(window.firstLine).toBe(lineOf(next, window.start));
      expect(window.end - window.start).toBeLessThanOrEqual(2 * RAW_WINDOW_BYTES + 100);
      // A large change is drawn in steps; the next change may come before they are done.
      for (let i = 0; i < fills; i++) {
        text = apply(text, window.fill());
        same(text, window.bytes);
      }
      text = apply(text, window.reveal(Math.min(at, next.length)));
      expect(window.contains(Math.min(at, next.length))).toBe(true);
      same(text, window.bytes);
    }
  });
});
