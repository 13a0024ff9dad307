/**
 * Byte offsets of a raw message and positions of a CodeMirror document holding it. The raw view
 * decodes one character per byte and splits lines on CRLF only, and CodeMirror counts each line
 * break as one position: a position is the byte offset minus the CRLFs before it.
 */
import type { Text } from '@codemirror/state';

/** Bytes taken by a line break in the raw view (CR LF). */
const LINE_BREAK_BYTES = 2;

/** Byte offset of the start of line `number` (1-based). */
function lineStartByte(doc: Text, number: number): number {
  return doc.line(number).from + (number - 1) * (LINE_BREAK_BYTES - 1);
}

/**
 * The document position of byte `offset`. An offset inside a CRLF maps to the end of its line.
 * Offsets outside the document are clamped to it.
 */
export function byteOffsetToPosition(doc: Text, offset: number): number {
  if (offset <= 0) return 0;
  let low = 1;
  let high = doc.lines;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lineStartByte(doc, middle) <= offset) low = middle;
    else high = middle - 1;
  }
  const line = doc.line(low);
  const column = offset - lineStartByte(doc, low);
  return Math.min(line.from + column, line.to);
}

/** The byte offset of document position `position`. */
export function positionToByteOffset(doc: Text, position: number): number {
  const clamped = Math.max(0, Math.min(position, doc.length));
  const line = doc.lineAt(clamped);
  return clamped + (line.number - 1) * (LINE_BREAK_BYTES - 1);
}
