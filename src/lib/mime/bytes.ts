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

const encoder = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8');

/** Encode a string as UTF-8 bytes. */
export function utf8Encode(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Decode UTF-8 bytes, replacing malformed sequences with U+FFFD. */
export function utf8Decode(bytes: Uint8Array): string {
  return utf8Decoder.decode(bytes);
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
