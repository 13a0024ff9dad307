/**
 * DKIM-Signature headers (RFC 6376 §3.5) summarised: who signed (d=), with which selector (s=)
 * and algorithm (a=), over which headers (h=). The signature is not verified: that needs the
 * signer's public key from DNS, and the engine makes no network lookups.
 */
import type { InspectedDkimSignature } from './types.ts';

/** What a DKIM-Signature says about itself. */
export type DkimSignatureSummary = InspectedDkimSignature;

/** Tag=value list (RFC 6376 §3.2): names are case-sensitive, folding white space is dropped. */
export function parseTagList(value: string): Map<string, string> {
  const tags = new Map<string, string>();
  for (const item of value.split(';')) {
    const eq = item.indexOf('=');
    if (eq < 0) continue;
    const name = item.slice(0, eq).trim();
    if (name && !tags.has(name)) tags.set(name, item.slice(eq + 1).replace(/\s+/g, ''));
  }
  return tags;
}

function epochToIso(text: string | undefined): string | undefined {
  if (!text || !/^\d{1,12}$/.test(text)) return undefined;
  return new Date(Number(text) * 1000).toISOString();
}

/** Summarise one DKIM-Signature header value. Never throws. */
export function summarizeDkimSignature(value: string): DkimSignatureSummary {
  const tags = parseTagList(value);
  const summary: DkimSignatureSummary = {
    signedHeaders: (tags.get('h') ?? '')
      .split(':')
      .map((h) => h.trim().toLowerCase())
      .filter((h) => h.length > 0),
    canonicalization: tags.get('c') || 'simple/simple',
    problems: [],
  };
  const domain = tags.get('d');
  if (domain) summary.domain = domain.toLowerCase();
  const selector = tags.get('s');
  if (selector) summary.selector = selector;
  const algorithm = tags.get('a');
  if (algorithm) summary.algorithm = algorithm.toLowerCase();
  const identity = tags.get('i');
  if (identity) summary.identity = identity;
  const signedAt = epochToIso(tags.get('t'));
  if (signedAt) summary.signedAt = signedAt;
  const expiresAt = epochToIso(tags.get('x'));
  if (expiresAt) summary.expiresAt = expiresAt;
  const length = tags.get('l');
  if (length && /^\d+$/.test(length)) summary.bodyLength = Number(length);
  // RFC 6376 §3.5 and §6.1.1: these tags are required, and From must be signed.
  for (const tag of ['v', 'a', 'b', 'bh', 'd', 'h', 's']) {
    if (!tags.get(tag)) summary.problems.push(`The required tag ${tag}= is missing or empty.`);
  }
  if (summary.signedHeaders.length > 0 && !summary.signedHeaders.includes('from')) {
    summary.problems.push('The From header is not signed (h= must include it, RFC 6376 §5.4).');
  }
  if (summary.algorithm === 'rsa-sha1') {
    summary.problems.push('rsa-sha1 must not be used for signing (RFC 8301 §3.1).');
  }
  if (summary.bodyLength !== undefined) {
    summary.problems.push('l= limits the signed body, so content can be appended (RFC 6376 §8.2).');
  }
  if (
    summary.identity &&
    summary.domain &&
    !summary.identity.toLowerCase().endsWith(`@${summary.domain}`) &&
    !summary.identity.toLowerCase().endsWith(`.${summary.domain}`)
  ) {
    summary.problems.push('i= is not in the d= domain or a subdomain of it (RFC 6376 §3.5).');
  }
  return summary;
}
