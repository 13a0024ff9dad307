/**
 * UTF-7 (RFC 2152), decoded by hand: the WHATWG Encoding Standard that `TextDecoder` implements
 * leaves it out, yet old Exchange and Outlook bounces still carry `charset=unicode-1-1-utf-7`.
 */
import { BASE64_VALUES } from './base64.ts';

/** Marks a byte outside the base64 alphabet in `BASE64_VALUES`. */
const NOT_BASE64 = 255;

/** Charset labels that mean UTF-7. */
export function isUtf7Label(label: string): boolean {
  const clean = label
    .trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase();
  return (
    clean === 'utf-7' || clean === 'utf7' || clean === 'unicode-1-1-utf-7' || clean === 'x-utf-7'
  );
}

/**
 * Decode UTF-7 bytes. `+` opens a run of modified base64 holding UTF-16 code units; `-` closes
 * it and is dropped, any other byte outside the alphabet closes it and is kept; `+-` is `+`.
 * Bytes over 0x7F (not valid UTF-7) are read as Latin-1 rather than lost.
 */
export function decodeUtf7(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  const units: number[] = [];
  while (i < bytes.length) {
    const byte = bytes[i]!;
    if (byte !== 0x2b) {
      out += String.fromCharCode(byte);
      i++;
      continue;
    }
    i++;
    if (bytes[i] === 0x2d) {
      out += '+';
      i++;
      continue;
    }
    let buffer = 0;
    let bits = 0;
    units.length = 0;
    while (i < bytes.length) {
      const code = bytes[i]!;
      const value = BASE64_VALUES[code]!;
      if (value === NOT_BASE64) break;
      buffer = ((buffer << 6) | value) & 0xffffff;
      bits += 6;
      if (bits >= 16) {
        bits -= 16;
        units.push((buffer >> bits) & 0xffff);
      }
      i++;
    }
    for (let k = 0; k < units.length; k += 0x2000) {
      out += String.fromCharCode(...units.slice(k, k + 0x2000));
    }
    if (bytes[i] === 0x2d) i++;
  }
  return out;
}
