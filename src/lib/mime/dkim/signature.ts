/**
 * The DKIM-Signature header field (RFC 6376 §3.5): reading its tags and writing one.
 */
import type { Canonicalization } from './canonicalize.ts';
import { compactBase64, parseTagList } from './tags.ts';

/** A DKIM-Signature's tags, read. */
export interface DkimSignature {
  version: string;
  /** e.g. `rsa-sha256`. */
  algorithm: string;
  header: Canonicalization;
  body: Canonicalization;
  /** Signing domain (`d=`). */
  domain: string;
  selector: string;
  /** Signed header names, as listed (`h=`). */
  signedHeaders: string[];
  /** Body hash, base64 (`bh=`). */
  bodyHash: string;
  /** Signature, base64 (`b=`). */
  signature: string;
  /** Agent or user identifier (`i=`), `@domain` by default. */
  identity: string;
  /** Body length limit (`l=`). */
  bodyLength?: number;
  /** Signing time and expiry, seconds since 1970 (`t=`, `x=`). */
  timestamp?: number;
  expiration?: number;
}

/** A signature read, or why it cannot be used (a permanent error, RFC 6376 §6.1.1). */
export type ParsedSignature = { ok: true; value: DkimSignature } | { ok: false; reason: string };

const REQUIRED = ['v', 'a', 'b', 'bh', 'd', 'h', 's'] as const;

function isCanonicalization(value: string): value is Canonicalization {
  return value === 'simple' || value === 'relaxed';
}

/** Read a DKIM-Signature value (unfolded or not). */
export function parseDkimSignature(value: string): ParsedSignature {
  const parsed = parseTagList(value);
  if (!parsed.ok) return parsed;
  const tags = parsed.tags;
  for (const name of REQUIRED) {
    if (!tags.has(name)) return { ok: false, reason: `The signature has no ${name}= tag.` };
  }
  if (tags.get('v') !== '1') return { ok: false, reason: `Version v=${tags.get('v')} is not 1.` };
  const [header = 'simple', body = 'simple'] = (tags.get('c') ?? 'simple/simple').split('/');
  if (!isCanonicalization(header) || !isCanonicalization(body)) {
    return { ok: false, reason: `Canonicalization c=${tags.get('c')} is not known.` };
  }
  const domain = tags.get('d')!.toLowerCase();
  const signedHeaders = tags
    .get('h')!
    .split(':')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (!signedHeaders.some((name) => name.toLowerCase() === 'from')) {
    return { ok: false, reason: 'The signature does not sign the From header (h=).' };
  }
  const identity = (tags.get('i') ?? `@${domain}`).toLowerCase();
  const identityDomain = identity.slice(identity.lastIndexOf('@') + 1);
  if (identityDomain !== domain && !identityDomain.endsWith(`.${domain}`)) {
    return { ok: false, reason: `i=${identity} is not in the signing domain ${domain}.` };
  }
  const signature: DkimSignature = {
    version: '1',
    algorithm: tags.get('a')!.toLowerCase(),
    header,
    body,
    domain,
    selector: tags.get('s')!,
    signedHeaders,
    bodyHash: compactBase64(tags.get('bh')!),
    signature: compactBase64(tags.get('b')!),
    identity,
  };
  const numbers = { l: 'bodyLength', t: 'timestamp', x: 'expiration' } as const;
  for (const [tag, key] of Object.entries(numbers)) {
    const text = tags.get(tag);
    if (text === undefined) continue;
    if (!/^\d{1,76}$/.test(text)) return { ok: false, reason: `${tag}=${text} is not a number.` };
    signature[key] = Number(text);
  }
  return { ok: true, value: signature };
}

/**
 * The header text a signature is computed over: the field with the `b=` tag's value removed
 * (RFC 6376 §3.7), `bh=` left alone.
 */
export function withoutSignatureValue(fieldText: string): string {
  return fieldText.replace(/((?:^|[;:])[ \t\r\n]*b[ \t\r\n]*=)[^;]*/, '$1');
}

/** Fold a base64 value into lines short enough for a header, with tabs as SES writes them. */
export function foldBase64(value: string, first: number, width = 72): string {
  const lines: string[] = [value.slice(0, first)];
  for (let at = first; at < value.length; at += width) lines.push(value.slice(at, at + width));
  return lines.filter((line, i) => i === 0 || line !== '').join('\r\n\t');
}
