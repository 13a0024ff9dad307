/**
 * Verifying DKIM signatures (RFC 6376 §6) with no network: the body hash is always checked; the
 * signature is checked when a key record can be found through the resolver given (the
 * simulator's DNS, or a record the person pasted).
 */
import { decodeBase64 } from '../base64.ts';
import { binaryStringToBytes } from '../bytes.ts';
import { canonicalizeHeader } from './canonicalize.ts';
import { keyRecordName, parseKeyRecord } from './key-record.ts';
import {
  readDkimMessage,
  selectSignedFields,
  type DkimField,
  type DkimMessage,
} from './message-text.ts';
import { rsaVerify } from './rsa.ts';
import { bodyHash } from './sign.ts';
import { parseDkimSignature, withoutSignatureValue, type DkimSignature } from './signature.ts';

/** TXT lookup: the records at a name, or undefined when the name does not exist. */
export type TxtResolver = (name: string) => readonly string[] | undefined;

/**
 * A verdict, in Authentication-Results terms (RFC 8601 §2.7.1). `temperror` here means the key
 * could not be looked up because no resolver was given.
 */
export type DkimResult = 'pass' | 'fail' | 'neutral' | 'permerror' | 'temperror';

/** One DKIM-Signature checked. */
export interface DkimVerification {
  result: DkimResult;
  /** A plain sentence saying why. */
  reason: string;
  /** Whether the body still hashes to `bh=`; undefined when the signature could not be read. */
  bodyHashMatches?: boolean;
  /** The signature's tags, when they could be read. */
  signature?: DkimSignature;
  /** The key record's name (`selector._domainkey.domain`). */
  keyName?: string;
  /** The key's size in bits, when a key was found. */
  keyBits?: number;
  /** The key record is marked as testing (`t=y`). */
  testing?: boolean;
}

/** Check every DKIM-Signature in a message, top first. */
export function verifyDkim(raw: Uint8Array, resolveTxt?: TxtResolver): DkimVerification[] {
  return verifyDkimMessage(readDkimMessage(raw), resolveTxt);
}

/** Check every DKIM-Signature of a message already split. */
export function verifyDkimMessage(
  message: DkimMessage,
  resolveTxt?: TxtResolver,
): DkimVerification[] {
  return message.fields
    .filter((field) => field.name.toLowerCase() === 'dkim-signature')
    .map((field) => verifyOne(message.fields, message.body, field, resolveTxt));
}

function verifyOne(
  fields: readonly DkimField[],
  body: string,
  field: DkimField,
  resolveTxt: TxtResolver | undefined,
): DkimVerification {
  const value = field.text.slice(field.text.indexOf(':') + 1);
  const parsed = parseDkimSignature(value);
  if (!parsed.ok) return { result: 'permerror', reason: parsed.reason };
  const signature = parsed.value;
  if (signature.algorithm !== 'rsa-sha256') {
    return {
      result: 'neutral',
      reason: `Algorithm ${signature.algorithm} is not checked here; only rsa-sha256 is.`,
      signature,
    };
  }
  const keyName = keyRecordName(signature.selector, signature.domain);
  const bodyHashMatches =
    bodyHash(body, signature.body, signature.bodyLength) === signature.bodyHash;
  const base = { signature, keyName, bodyHashMatches };
  if (!bodyHashMatches) {
    return {
      ...base,
      result: 'fail',
      reason: 'The body has changed since it was signed (bh= does not match).',
    };
  }
  if (!resolveTxt) {
    return {
      ...base,
      result: 'temperror',
      reason: `The body hash matches; the key at ${keyName} was not looked up.`,
    };
  }
  const records = resolveTxt(keyName);
  if (!records || records.length === 0) {
    return { ...base, result: 'permerror', reason: `No key record is published at ${keyName}.` };
  }
  const record = parseKeyRecord(records[0]!);
  if (!record.ok) return { ...base, result: 'permerror', reason: record.reason };
  let input = '';
  for (const signed of selectSignedFields(fields, signature.signedHeaders)) {
    input += canonicalizeHeader(signed.text, signature.header);
  }
  input += canonicalizeHeader(withoutSignatureValue(field.text), signature.header).replace(
    /\r\n$/,
    '',
  );
  const valid = rsaVerify(
    record.key,
    binaryStringToBytes(input),
    decodeBase64(signature.signature),
  );
  const found = { ...base, keyBits: record.key.bits, testing: record.testing };
  return valid
    ? {
        ...found,
        result: 'pass',
        reason: `Signed by ${signature.domain} with the key at ${keyName}.`,
      }
    : {
        ...found,
        result: 'fail',
        reason: 'The signed headers have changed, or the key does not match (b= does not verify).',
      };
}
