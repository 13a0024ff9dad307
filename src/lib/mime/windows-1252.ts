/**
 * Windows-1252 decoded by table. The WHATWG Encoding Standard maps bytes 0x80–0x9F to
 * typographic characters (“ ” € …), but Node's `TextDecoder('windows-1252')` reads them as
 * Latin-1 control codes, so the engine would show different text in Node and in the page.
 */

/** WHATWG's windows-1252 index for bytes 0x80–0x9F; every other byte is its own code point. */
const HIGH_CONTROLS = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
  0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
  0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
]; // prettier-ignore

/** Whether a charset label (already resolved by `resolveCharset`) is Windows-1252. */
export function isWindows1252(encoding: string): boolean {
  return encoding.toLowerCase() === 'windows-1252';
}

/** Decode Windows-1252 bytes as the Encoding Standard says, the same on every platform. */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const CHUNK = 0x2000;
  const codes: number[] = new Array<number>(Math.min(CHUNK, bytes.length));
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(start + CHUNK, bytes.length);
    codes.length = end - start;
    for (let i = start; i < end; i++) {
      const byte = bytes[i]!;
      codes[i - start] = byte >= 0x80 && byte < 0xa0 ? HIGH_CONTROLS[byte - 0x80]! : byte;
    }
    out += String.fromCharCode(...codes);
  }
  return out;
}
