/**
 * Byte-level helpers shared by the codecs. Only web APIs (`TextEncoder`, `TextDecoder`), so the
 * engine runs unchanged in Node, the page and a worker.
 */

export const CR = 0x0d;
export const LF = 0x0a;
export const SPACE = 0x20;
export const TAB = 0x09;
export const EQUALS = 0x3d;
export const HYPHEN = 0x2d;
export const COLON = 0x3a;

/** The UTF-8 byte order mark (U+FEFF encoded), which text editors leave at the start of files. */
export const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

const encoder = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8');
const strictUtf8Decoder = new TextDecoder('utf-8', { fatal: true });

/** Encode a string as UTF-8 bytes. */
export function utf8Encode(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Decode UTF-8 bytes, replacing malformed sequences with U+FFFD. */
export function utf8Decode(bytes: Uint8Array): string {
  return utf8Decoder.decode(bytes);
}

/** Decode UTF-8 bytes, or undefined when they are not valid UTF-8. */
export function decodeUtf8Strict(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8Decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Offset of the first byte over 0x7F in `[start, end)`, or -1 when all are 7-bit. */
export function firstEightBit(bytes: Uint8Array, start = 0, end = bytes.length): number {
  for (let i = start; i < end; i++) if (bytes[i]! > 0x7f) return i;
  return -1;
}

/** Length of a UTF-8 byte order mark at the start of `bytes[0, end)`: 3, or 0 when none. */
export function bomLength(bytes: Uint8Array, end = bytes.length): number {
  return end >= 3 &&
    bytes[0] === UTF8_BOM[0] &&
    bytes[1] === UTF8_BOM[1] &&
    bytes[2] === UTF8_BOM[2]
    ? 3
    : 0;
}

/**
 * The end of the line that starts at `pos`: where its content stops and where the next line
 * begins. A CR followed by LF is one line break; a lone CR or LF is one too.
 */
export function lineEndAt(raw: Uint8Array, pos: number, end: number): [number, number] {
  for (let i = pos; i < end; i++) {
    const byte = raw[i];
    if (byte === LF) return [i, i + 1];
    if (byte === CR) return [i, i + 1 < end && raw[i + 1] === LF ? i + 2 : i + 1];
  }
  return [end, end];
}

const FROM_ = [0x46, 0x72, 0x6f, 0x6d, 0x20] as const; // "From "

/** Whether `bytes[at, end)` begins with `From `, the separator line of an mbox. */
export function startsWithFrom(bytes: Uint8Array, at: number, end = bytes.length): boolean {
  if (end - at < FROM_.length) return false;
  for (let k = 0; k < FROM_.length; k++) if (bytes[at + k] !== FROM_[k]) return false;
  return true;
}

/**
 * Bytes to a string with one character per byte (U+0000–U+00FF). Lossless and fast; the form in
 * which 7-bit protocol text is scanned.
 */
export function bytesToBinaryString(bytes: Uint8Array, start = 0, end = bytes.length): string {
  const CHUNK = 0x8000;
  let out = '';
  for (let i = start; i < end; i += CHUNK) {
    out += String.fromCharCode.apply(
      null,
      bytes.subarray(i, Math.min(i + CHUNK, end)) as unknown as number[],
    );
  }
  return out;
}

/** The inverse of `bytesToBinaryString`; throws a RangeError on a character above U+00FF. */
export function binaryStringToBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0xff) {
      throw new RangeError(`Character U+${code.toString(16).toUpperCase()} at ${i} is not a byte.`);
    }
    out[i] = code;
  }
  return out;
}

/** Concatenate byte arrays into one. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
