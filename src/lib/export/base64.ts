/**
 * Base64 (RFC 4648 §4) for the blob members of SES requests, in one unbroken line as JSON and
 * the AWS CLI want it (unlike MIME's 76-character lines).
 */

/** Bytes per `String.fromCharCode` call: large enough to be fast, small enough for the stack. */
const CHUNK_BYTES = 0x8000;

/** Encode bytes as one line of base64. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK_BYTES) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK_BYTES));
  }
  return btoa(binary);
}

/** Decode one line of base64; throws a RangeError when the text is not base64. */
export function base64ToBytes(text: string): Uint8Array {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    throw new RangeError('The text is not valid base64.');
  }
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
