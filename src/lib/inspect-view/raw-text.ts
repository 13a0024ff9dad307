/**
 * A raw message as text for an editor, and its lines in bytes for the mapping between byte
 * offsets (what the MIME engine reports) and line/column positions (what an editor selects). Lines break at CRLF, bare
 * CR and bare LF alike, as CodeMirror splits them by default, so a message shows its lines
 * whatever its line ends; columns count UTF-16 code units, as JavaScript strings do.
 */
import { CR, LF, bytesToBinaryString } from '../mime/bytes.ts';
import type { ByteLines } from '../editor/byte-offsets.ts';

/** How the bytes were turned into text. */
export type RawTextEncoding =
  /** Valid UTF-8 (ASCII included): decoded as such. */
  | 'utf-8'
  /** Anything else: one character per byte (ISO-8859-1), so no byte is lost or merged. */
  | 'latin1';

/** A raw message decoded for display, with its line table. */
export interface RawText {
  text: string;
  encoding: RawTextEncoding;
  /** Byte offset of the first byte of each line. */
  lineStarts: Uint32Array;
  /** The most common line end, used when edited text is turned back into bytes. */
  lineBreak: '\r\n' | '\n' | '\r';
}

/** Decode a message for display and index its lines. */
export function decodeRawText(bytes: Uint8Array): RawText {
  let encoding: RawTextEncoding = 'utf-8';
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    encoding = 'latin1';
    // Not TextDecoder('latin1'): that is windows-1252, which would not give the bytes back.
    text = bytesToBinaryString(bytes);
  }
  const starts: number[] = [0];
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte === CR) {
      if (bytes[i + 1] === LF) {
        crlf++;
        i++;
      } else cr++;
      starts.push(i + 1);
    } else if (byte === LF) {
      lf++;
      starts.push(i + 1);
    }
  }
  const lineBreak = crlf >= lf && crlf >= cr ? '\r\n' : lf >= cr ? '\n' : '\r';
  return { text, encoding, lineStarts: Uint32Array.from(starts), lineBreak };
}

/** Where a line's content ends (before its line break), in bytes. */
function lineContentEnd(raw: RawText, bytes: Uint8Array, line: number): number {
  const next = raw.lineStarts[line + 1];
  if (next === undefined) return bytes.length;
  let end = next;
  if (bytes[end - 1] === LF) end--;
  if (bytes[end - 1] === CR) end--;
  return end;
}

/** The byte length of the UTF-8 sequence that starts with `byte` (1 for a stray byte). */
function sequenceLength(byte: number): number {
  return byte < 0x80 ? 1 : byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
}

/**
 * The lines of `bytes` as the editor shows `raw`, for the one byte/position mapping of
 * src/lib/editor/byte-offsets.ts. Columns count UTF-16 units, so a four-byte character is two.
 */
export function rawTextLines(raw: RawText, bytes: Uint8Array): ByteLines {
  const latin1 = raw.encoding === 'latin1';
  return {
    count: raw.lineStarts.length,
    start: (line) => raw.lineStarts[line] as number,
    end: (line) => lineContentEnd(raw, bytes, line),
    units(from, to) {
      if (latin1) return to - from;
      let units = 0;
      for (let i = from; i < to; i++) {
        const byte = bytes[i] as number;
        if ((byte & 0xc0) !== 0x80) units++;
        if (byte >= 0xf0) units++; // four-byte sequences are surrogate pairs
      }
      return units;
    },
    advance(from, to, units) {
      if (latin1) return Math.min(from + units, to);
      let counted = 0;
      let at = from;
      while (at < to && counted < units) {
        const length = sequenceLength(bytes[at] as number);
        counted += length === 4 ? 2 : 1;
        at += length;
      }
      return Math.min(at, to);
    },
  };
}

/**
 * Turn text a person typed or pasted back into bytes: its lines joined with `lineBreak`, then
 * UTF-8, or one byte per character when the text came from bytes that were not UTF-8 and still
 * fits in one byte per character.
 */
export function encodeRawText(
  text: string,
  lineBreak: RawText['lineBreak'],
  encoding: RawTextEncoding = 'utf-8',
): Uint8Array {
  const joined = text.split(/\r\n?|\n/).join(lineBreak);
  if (encoding === 'latin1' && ![...joined].some((char) => char.charCodeAt(0) > 0xff)) {
    const out = new Uint8Array(joined.length);
    for (let i = 0; i < joined.length; i++) out[i] = joined.charCodeAt(i);
    return out;
  }
  return new TextEncoder().encode(joined);
}
