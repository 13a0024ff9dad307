import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { EditorState } from '@codemirror/state';
import {
  decodeRawText,
  encodeRawText,
  rawTextLines,
} from '../../../src/lib/inspect-view/raw-text.ts';
import {
  byteOffsetToPosition,
  byteToLineColumn as toLineColumn,
  lineColumnToByte as toByte,
  positionToByteOffset,
} from '../../../src/lib/editor/byte-offsets.ts';
import type { RawText } from '../../../src/lib/inspect-view/raw-text.ts';

const byteToLineColumn = (raw: RawText, bytes: Uint8Array, offset: number) =>
  toLineColumn(rawTextLines(raw, bytes), offset);
const lineColumnToByte = (raw: RawText, bytes: Uint8Array, line: number, column: number) =>
  toByte(rawTextLines(raw, bytes), line, column);

const encoder = new TextEncoder();

/** Messages made of lines with every kind of line end and characters of 1 to 4 UTF-8 bytes. */
const message = fc
  .array(
    fc.tuple(
      fc.string({ unit: fc.constantFrom('a', 'Z', ':', ' ', 'é', '€', '😀', '='), maxLength: 8 }),
      fc.constantFrom('\r\n', '\n', '\r', ''),
    ),
    { maxLength: 12 },
  )
  .map((lines) => lines.map(([text, end]) => text + end).join(''));

/** Offsets at character boundaries and outside line breaks, where a cursor can stand. */
function cursorOffsets(bytes: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i <= bytes.length; i++) {
    const byte = bytes[i];
    if (byte !== undefined && (byte & 0xc0) === 0x80) continue;
    if (bytes[i - 1] === 0x0d && byte === 0x0a) continue; // between CR and LF
    out.push(i);
  }
  return out;
}

describe('raw text positions', () => {
  test.prop([message])('split lines exactly where CodeMirror does', (text) => {
    const bytes = encoder.encode(text);
    const raw = decodeRawText(bytes);
    expect(raw.text).toBe(text);
    expect(raw.lineStarts.length).toBe(EditorState.create({ doc: raw.text }).doc.lines);
  });

  test.prop([message])(
    'map byte offsets to editor positions whose text is the bytes before them',
    (text) => {
      const bytes = encoder.encode(text);
      const raw = decodeRawText(bytes);
      const doc = EditorState.create({ doc: raw.text }).doc;
      for (const offset of cursorOffsets(bytes)) {
        const { line, column } = byteToLineColumn(raw, bytes, offset);
        const position = doc.line(line + 1).from + column;
        const before = new TextDecoder().decode(bytes.subarray(0, offset));
        expect(doc.sliceString(0, position)).toBe(before.replace(/\r\n?/g, '\n'));
        expect(lineColumnToByte(raw, bytes, line, column)).toBe(offset);
      }
    },
  );

  it('keeps bytes that are not UTF-8 one character per byte', () => {
    const bytes = Uint8Array.of(0x53, 0x3a, 0x20, 0xe9, 0x80, 0x0d, 0x0a, 0x41);
    const raw = decodeRawText(bytes);
    expect(raw.encoding).toBe('latin1');
    expect(raw.text).toBe('S: \u00e9\u0080\r\nA');
    expect(byteToLineColumn(raw, bytes, 7)).toEqual({ line: 1, column: 0 });
    expect(encodeRawText(raw.text, raw.lineBreak, raw.encoding)).toEqual(bytes);
  });

  it('places an offset inside a CRLF at the end of its line', () => {
    const bytes = encoder.encode('ab\r\ncd');
    expect(byteToLineColumn(decodeRawText(bytes), bytes, 3)).toEqual({ line: 0, column: 2 });
  });

  it('keeps a byte-order mark as a character so offsets still hold', () => {
    const bytes = encoder.encode('\ufeffFrom: a\n');
    const raw = decodeRawText(bytes);
    expect(raw.text.charCodeAt(0)).toBe(0xfeff);
    expect(byteToLineColumn(raw, bytes, 3)).toEqual({ line: 0, column: 1 });
  });

  it('reports the most common line end and rejoins edited text with it', () => {
    expect(decodeRawText(encoder.encode('a\r\nb\r\nc\n')).lineBreak).toBe('\r\n');
    expect(decodeRawText(encoder.encode('a\nb\nc\r\n')).lineBreak).toBe('\n');
    expect(decodeRawText(encoder.encode('a\rb\r')).lineBreak).toBe('\r');
    expect(new TextDecoder().decode(encodeRawText('a\nb\r\nc\rd', '\r\n'))).toBe(
      'a\r\nb\r\nc\r\nd',
    );
    expect(encodeRawText('ö€', '\n', 'latin1')).toEqual(encoder.encode('ö€'));
  });

  test.prop([
    fc.array(fc.string({ unit: fc.constantFrom('a', ':', ' ', '='), maxLength: 6 }), {
      minLength: 1,
      maxLength: 8,
    }),
  ])('agree with Compose’s raw view on a one-byte-per-character CRLF message', (lines) => {
    const text = lines.join('\r\n');
    const bytes = encoder.encode(text);
    const raw = decodeRawText(bytes);
    // Compose's view holds the same lines, CodeMirror counting each CRLF as one position.
    const doc = EditorState.create({ doc: lines.join('\n') }).doc;
    for (let offset = 0; offset <= bytes.length; offset++) {
      const { line, column } = byteToLineColumn(raw, bytes, offset);
      expect(byteOffsetToPosition(doc, offset)).toBe(doc.line(line + 1).from + column);
    }
    for (let position = 0; position <= doc.length; position++) {
      const line = doc.lineAt(position);
      expect(positionToByteOffset(doc, position)).toBe(
        lineColumnToByte(raw, bytes, line.number - 1, position - line.from),
      );
    }
  });
});
