/**
 * The little of ASN.1 DER (X.690) that RSA keys need: reading and writing SEQUENCE, INTEGER,
 * BIT STRING, OCTET STRING, NULL and OBJECT IDENTIFIER.
 */
import { concatBytes } from '../bytes.ts';

/** One DER element: its tag and the bytes of its content. */
export interface DerElement {
  tag: number;
  content: Uint8Array;
}

/** DER tags used by RSA keys. */
export const DER = {
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  SEQUENCE: 0x30,
} as const;

/** rsaEncryption (1.2.840.113549.1.1.1), as DER content bytes. */
export const RSA_ENCRYPTION_OID = new Uint8Array([
  0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01,
]);

/** The elements one after another in `bytes`; throws RangeError on malformed DER. */
export function readDer(bytes: Uint8Array): DerElement[] {
  const out: DerElement[] = [];
  let pos = 0;
  while (pos < bytes.length) {
    const tag = bytes[pos++]!;
    if (pos >= bytes.length) throw new RangeError('The key ends inside an ASN.1 element.');
    let length = bytes[pos++]!;
    if (length & 0x80) {
      const count = length & 0x7f;
      if (count === 0 || count > 4)
        throw new RangeError('The key has an ASN.1 length SES cannot read.');
      length = 0;
      for (let i = 0; i < count; i++) length = length * 256 + (bytes[pos++] ?? 0);
    }
    if (pos + length > bytes.length) throw new RangeError('The key ends inside an ASN.1 element.');
    out.push({ tag, content: bytes.subarray(pos, pos + length) });
    pos += length;
  }
  return out;
}

/** The children of a SEQUENCE element. */
export function derChildren(
  element: DerElement | undefined,
  tag: number = DER.SEQUENCE,
): DerElement[] {
  if (!element || element.tag !== tag)
    throw new RangeError('The key is not the ASN.1 structure expected.');
  return readDer(element.content);
}

/** An INTEGER element's value. */
export function derInteger(element: DerElement | undefined): bigint {
  if (!element || element.tag !== DER.INTEGER)
    throw new RangeError('The key is missing an integer.');
  return bytesToBigInt(element.content);
}

/** Encode one element. */
export function derEncode(tag: number, content: Uint8Array): Uint8Array {
  const length = content.length;
  let header: number[];
  if (length < 0x80) header = [tag, length];
  else {
    const lengthBytes: number[] = [];
    for (let n = length; n > 0; n = Math.floor(n / 256)) lengthBytes.unshift(n & 0xff);
    header = [tag, 0x80 | lengthBytes.length, ...lengthBytes];
  }
  const out = new Uint8Array(header.length + length);
  out.set(header);
  out.set(content, header.length);
  return out;
}

/** Encode a SEQUENCE of already encoded elements. */
export function derSequence(...elements: Uint8Array[]): Uint8Array {
  return derEncode(DER.SEQUENCE, concatBytes(elements));
}

/** Encode a non-negative INTEGER. */
export function derEncodeInteger(value: bigint): Uint8Array {
  let bytes = bigIntToBytes(value);
  // A leading 1 bit would make the integer negative.
  if (bytes.length === 0 || bytes[0]! & 0x80) bytes = concatBytes([new Uint8Array([0]), bytes]);
  return derEncode(DER.INTEGER, bytes);
}

/** Big-endian unsigned bytes as a bigint. */
export function bytesToBigInt(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}

/** A bigint as big-endian unsigned bytes, at least `length` long (left-padded with zeros). */
export function bigIntToBytes(value: bigint, length = 0): Uint8Array {
  const bytes: number[] = [];
  for (let n = value; n > 0n; n >>= 8n) bytes.unshift(Number(n & 0xffn));
  while (bytes.length < length) bytes.unshift(0);
  return new Uint8Array(bytes);
}
