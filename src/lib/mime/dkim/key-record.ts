/**
 * DKIM key records (RFC 6376 §3.6.1): the TXT record at `selector._domainkey.domain`, e.g.
 * `v=DKIM1; k=rsa; p=MIIBIjAN…`.
 */
import { encodeBase64 } from '../base64.ts';
import { readPublicKey, type RsaPublicKey } from './rsa.ts';
import { compactBase64, parseTagList } from './tags.ts';

/** A key record read, or why it cannot be used. */
export type DkimKeyRecord =
  | { ok: true; key: RsaPublicKey; testing: boolean; publicKey: string }
  | { ok: false; reason: string };

/** The name of a selector's key record. */
export function keyRecordName(selector: string, domain: string): string {
  return `${selector}._domainkey.${domain}`.toLowerCase();
}

/** The TXT record text publishing a public key (base64 SubjectPublicKeyInfo). */
export function formatKeyRecord(publicKey: string | Uint8Array): string {
  const p = typeof publicKey === 'string' ? publicKey : encodeBase64(publicKey);
  return `v=DKIM1; k=rsa; p=${p}`;
}

/** Read a key record's text. */
export function parseKeyRecord(text: string): DkimKeyRecord {
  const parsed = parseTagList(text);
  if (!parsed.ok) return parsed;
  const tags = parsed.tags;
  const version = tags.get('v');
  if (version !== undefined && version !== 'DKIM1') {
    return { ok: false, reason: `The key record's version is “${version}”, not DKIM1.` };
  }
  const type = tags.get('k') ?? 'rsa';
  if (type !== 'rsa') return { ok: false, reason: `Key type k=${type} is not checked here.` };
  const hashes = tags.get('h');
  if (hashes !== undefined && !hashes.split(':').some((h) => h.trim() === 'sha256')) {
    return { ok: false, reason: 'The key record does not allow SHA-256 (h=).' };
  }
  const p = tags.get('p');
  if (p === undefined) return { ok: false, reason: 'The key record has no p= tag.' };
  const publicKey = compactBase64(p);
  if (publicKey === '') return { ok: false, reason: 'The key has been revoked (empty p=).' };
  try {
    const key = readPublicKey(publicKey);
    const flags = (tags.get('t') ?? '').split(':').map((flag) => flag.trim());
    return { ok: true, key, testing: flags.includes('y'), publicKey };
  } catch (error) {
    return { ok: false, reason: `The public key cannot be read: ${(error as Error).message}` };
  }
}
