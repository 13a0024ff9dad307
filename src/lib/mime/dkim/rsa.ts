/**
 * RSA keys and RSASSA-PKCS1-v1_5 with SHA-256 (RFC 8017 §8.2), in BigInt arithmetic so that
 * signing and verifying are synchronous. Keys are made by WebCrypto (see `keygen.ts`) and read
 * here from their DER exports: PKCS #8 or PKCS #1 private keys, SubjectPublicKeyInfo or PKCS #1
 * public keys, with or without PEM armour.
 */
import { decodeBase64 } from '../base64.ts';
import {
  bigIntToBytes,
  bytesToBigInt,
  DER,
  derChildren,
  derEncode,
  derEncodeInteger,
  derInteger,
  derSequence,
  readDer,
  RSA_ENCRYPTION_OID,
} from './der.ts';
import { sha256 } from './sha256.ts';

/** An RSA public key. */
export interface RsaPublicKey {
  n: bigint;
  e: bigint;
  /** Modulus length in bits. */
  bits: number;
}

/** An RSA private key with its CRT values. */
export interface RsaPrivateKey extends RsaPublicKey {
  d: bigint;
  p: bigint;
  q: bigint;
  dp: bigint;
  dq: bigint;
  qinv: bigint;
}

/** SHA-256's DigestInfo prefix (RFC 8017 §9.2, note 1). */
const SHA256_DIGEST_INFO = new Uint8Array([
  0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05,
  0x00, 0x04, 0x20,
]);

/** Key bytes from base64 text, PEM armour and whitespace allowed. */
export function keyBytes(text: string): Uint8Array {
  const body = text.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body)) throw new RangeError('The key is not base64 text.');
  return decodeBase64(body);
}

function bitLength(n: bigint): number {
  return n.toString(2).length;
}

/** Read a private key: PKCS #8 (WebCrypto's `pkcs8` export) or PKCS #1 (`openssl genrsa`). */
export function readPrivateKey(text: string): RsaPrivateKey {
  let top = derChildren(readDer(keyBytes(text))[0]);
  // PKCS #8: version, algorithm, then the PKCS #1 key inside an OCTET STRING.
  if (top[1]?.tag === DER.SEQUENCE) top = derChildren(readDer(top[2]!.content)[0]);
  if (top.length < 9) throw new RangeError('The private key is not an RSA key.');
  const [n, e, d, p, q, dp, dq, qinv] = top.slice(1, 9).map(derInteger) as bigint[];
  return { n: n!, e: e!, d: d!, p: p!, q: q!, dp: dp!, dq: dq!, qinv: qinv!, bits: bitLength(n!) };
}

/** Read a public key: SubjectPublicKeyInfo (what DKIM's `p=` holds) or PKCS #1. */
export function readPublicKey(text: string | Uint8Array): RsaPublicKey {
  const bytes = typeof text === 'string' ? keyBytes(text) : text;
  let top = derChildren(readDer(bytes)[0]);
  if (top[0]?.tag === DER.SEQUENCE) {
    // SubjectPublicKeyInfo: algorithm, then a BIT STRING whose first byte counts unused bits.
    const bitString = top[1];
    if (bitString?.tag !== DER.BIT_STRING) throw new RangeError('The public key is malformed.');
    top = derChildren(readDer(bitString.content.subarray(1))[0]);
  }
  const n = derInteger(top[0]);
  const e = derInteger(top[1]);
  return { n, e, bits: bitLength(n) };
}

/** The SubjectPublicKeyInfo DER of a key, as DKIM's `p=` carries it. */
export function publicKeyInfo(key: RsaPublicKey): Uint8Array {
  const algorithm = derSequence(
    derEncode(DER.OID, RSA_ENCRYPTION_OID),
    derEncode(DER.NULL, new Uint8Array()),
  );
  const rsaKey = derSequence(derEncodeInteger(key.n), derEncodeInteger(key.e));
  const bits = new Uint8Array(rsaKey.length + 1);
  bits.set(rsaKey, 1);
  return derSequence(algorithm, derEncode(DER.BIT_STRING, bits));
}

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}

/** EMSA-PKCS1-v1_5 encoding of a SHA-256 digest for a modulus of `k` bytes. */
function encodeDigest(digest: Uint8Array, k: number): Uint8Array {
  const t = new Uint8Array(SHA256_DIGEST_INFO.length + digest.length);
  t.set(SHA256_DIGEST_INFO);
  t.set(digest, SHA256_DIGEST_INFO.length);
  if (k < t.length + 11) throw new RangeError('The RSA key is too short to sign with SHA-256.');
  const em = new Uint8Array(k).fill(0xff);
  em[0] = 0;
  em[1] = 1;
  em[k - t.length - 1] = 0;
  em.set(t, k - t.length);
  return em;
}

/** Sign `data` with RSASSA-PKCS1-v1_5 and SHA-256. */
export function rsaSign(key: RsaPrivateKey, data: Uint8Array): Uint8Array {
  const k = Math.ceil(key.bits / 8);
  const m = bytesToBigInt(encodeDigest(sha256(data), k));
  // Chinese remainder theorem: two half-size exponentiations instead of one full one.
  const m1 = modPow(m, key.dp, key.p);
  const m2 = modPow(m, key.dq, key.q);
  let h = ((m1 - m2) * key.qinv) % key.p;
  if (h < 0n) h += key.p;
  return bigIntToBytes(m2 + h * key.q, k);
}

/** Whether `signature` is a valid RSASSA-PKCS1-v1_5 SHA-256 signature of `data`. */
export function rsaVerify(key: RsaPublicKey, data: Uint8Array, signature: Uint8Array): boolean {
  const k = Math.ceil(key.bits / 8);
  if (signature.length !== k) return false;
  const s = bytesToBigInt(signature);
  if (s >= key.n) return false;
  const em = bigIntToBytes(modPow(s, key.e, key.n), k);
  const expected = encodeDigest(sha256(data), k);
  return em.every((byte, i) => byte === expected[i]);
}
