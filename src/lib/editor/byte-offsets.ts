/**
 * Byte offsets of a raw message and positions of an editor showing it: the one mapping every raw
 * view uses. A view describes its lines as `ByteLines` (where each line starts and ends in bytes,
 * and how its bytes count in UTF-16 units), and the mapping does the rest. Compose's raw view
 * (one character per byte, CRLF lines) is `documentLines`; Inspect's raw input (UTF-8 or one
 * character per byte, any line ends) is `rawTextLines` in src/lib/inspect-view/raw-text.ts.
 */
import type { Text } from '@codemirror/state';

/** The lines of a raw view, in bytes. */
export interface ByteLines {
  /** How many lines there are (at least one). */
  readonly count: number;
  /** Byte offset of the first byte of line `line` (0-based). */
  start(line: number): number;
  /** Byte offset where line `line`'s content ends, before its line break. */
  end(line: number): number;
  /** How many UTF-16 units the bytes `[from, to)` of one line show as. */
  units(from: number, to: number): number;
  /** The byte offset `units` UTF-16 units after `from`, never past `to`. */
  advance(from: number, to: number, units: number): number;
}

/**
 * The line (0-based) and column (UTF-16 units) of byte `offset`. An offset inside a line break
 * maps to the end of its line; offsets outside the message are clamped to it.
 */
export function byteToLineColumn(
  lines: ByteLines,
  offset: number,
): { line: number; column: number } {
  const clamped = Math.max(0, Math.min(offset, lines.end(lines.count - 1)));
  let low = 0;
  let high = lines.count - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lines.start(middle) <= clamped) low = middle;
    else high = middle - 1;
  }
  const start = lines.start(low);
  return { line: low, column: lines.units(start, Math.min(clamped, lines.end(low))) };
}

/** The byte offset of a line (0-based) and column (UTF-16 units), clamped to the line. */
export function lineColumnToByte(lines: ByteLines, line: number, column: number): number {
  const clampedLine = Math.max(0, Math.min(line, lines.count - 1));
  return lines.advance(lines.start(clampedLine), lines.end(clampedLine), Math.max(0, column));
}

/** Bytes taken by a line break in Compose's raw view (CR LF). */
const LINE_BREAK_BYTES = 2;

/**
 * The lines of a document that holds a message one character per byte with CRLF line breaks
 * (Compose's raw view), where CodeMirror counts each line break as one position.
 */
export function documentLines(doc: Text): ByteLines {
  const start = (line: number) => doc.line(line + 1).from + line * (LINE_BREAK_BYTES - 1);
  return {
    count: doc.lines,
    start,
    end: (line) => start(line) + doc.line(line + 1).length,
    units: (from, to) => to - from,
    advance: (from, to, units) => Math.min(from + units, to),
  };
}

/** The document position of byte `offset` in Compose's raw view (see `documentLines`). */
export function byteOffsetToPosition(doc: Text, offset: number): number {
  const { line, column } = byteToLineColumn(documentLines(doc), offset);
  return doc.line(line + 1).from + column;
}

/** The byte offset of document position `position` in Compose's raw view. */
export function positionToByteOffset(doc: Text, position: number): number {
  const clamped = Math.max(0, Math.min(position, doc.length));
  const line = doc.lineAt(clamped);
  return lineColumnToByte(documentLines(doc), line.number - 1, clamped - line.from);
}
