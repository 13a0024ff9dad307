/**
 * The MIME engine's DKIM face: signing, verifying and checking DKIM and ARC (RFC 6376, RFC 8617),
 * kept apart from src/lib/mime/index.ts so that pages which never touch DKIM do not load it.
 */
export { sha256 } from './sha256.ts';
export {
  publicKeyInfo,
  readPrivateKey,
  readPublicKey,
  rsaSign,
  rsaVerify,
  type RsaPrivateKey,
  type RsaPublicKey,
} from './rsa.ts';
export { generateDkimKeyPair, type DkimKeyPair } from './keygen.ts';
export {
  formatKeyRecord,
  keyRecordName,
  parseKeyRecord,
  type DkimKeyRecord,
} from './key-record.ts';
export { parseTagList, type TagList } from './tags.ts';
export { canonicalizeBody, canonicalizeHeader, type Canonicalization } from './canonicalize.ts';
export { parseDkimSignature, type DkimSignature } from './signature.ts';
export {
  bodyHash,
  dkimSignatureField,
  signMessage,
  SES_SIGNED_HEADERS,
  type DkimSignOptions,
} from './sign.ts';
export { verifyDkim, type DkimResult, type DkimVerification, type TxtResolver } from './verify.ts';
export { checkDkim, type DkimCheck, type DkimCheckOptions } from './check.ts';
export { MAX_ARC_INSTANCES, type ArcChain, type ArcSet } from './arc.ts';
