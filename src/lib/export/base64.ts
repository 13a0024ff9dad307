/**
 * Base64 (RFC 4648 §4) for the blob members of SES requests, in one unbroken line as JSON and
 * the AWS CLI want it (unlike MIME's 76-character lines).
 */

/** Encode bytes as one line of base64: the engine's encoder, with no line breaks. */
export { encodeBase64 as bytesToBase64 } from '../mime/base64.ts';

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
