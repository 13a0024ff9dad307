/**
 * DKIM key pairs made with WebCrypto (`globalThis.crypto.subtle`, in browsers and Node 20). Key
 * generation is the one asynchronous step: the keys are exported as base64 DER, kept as plain
 * text in whatever state holds them, and signing with them is synchronous (`rsa.ts`).
 */
import { encodeBase64 } from '../base64.ts';

/** A DKIM key pair as base64 DER: PKCS #8 private key, SubjectPublicKeyInfo public key. */
export interface DkimKeyPair {
  privateKey: string;
  /** What DKIM's `p=` tag carries. */
  publicKey: string;
}

/** Make an RSA key pair for DKIM (RSA 2048 by default, as Easy DKIM uses). */
export async function generateDkimKeyPair(bits: 1024 | 2048 = 2048): Promise<DkimKeyPair> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new RangeError('This environment has no WebCrypto to make DKIM keys with.');
  const pair = await subtle.generateKey(
    {
      name: 'RSASSA-PKCS1-v1_5',
      modulusLength: bits,
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: 'SHA-256',
    },
    true,
    ['sign', 'verify'],
  );
  const [privateKey, publicKey] = await Promise.all([
    subtle.exportKey('pkcs8', pair.privateKey),
    subtle.exportKey('spki', pair.publicKey),
  ]);
  return {
    privateKey: encodeBase64(new Uint8Array(privateKey)),
    publicKey: encodeBase64(new Uint8Array(publicKey)),
  };
}
