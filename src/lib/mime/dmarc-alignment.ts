/**
 * DMARC identifier alignment (RFC 7489 §3.1) worked out from the message alone: the From
 * domain against the Return-Path (SPF) domain and each DKIM d= domain, in relaxed and strict
 * mode. No DNS: the published policy is not known, and organizational domains come from a
 * built-in list of common multi-label public suffixes rather than the full Public Suffix List.
 */
import type { InspectedAlignment, InspectedIdentifierAlignment } from './types.ts';

/** How one identifier lines up with the From domain. */
export type IdentifierAlignment = InspectedIdentifierAlignment;

/** DMARC alignment of a message. */
export type DmarcAlignment = InspectedAlignment;

/**
 * Second-level labels under which registrations happen one level deeper (a sample of the
 * Public Suffix List's most used entries): `example.co.uk`'s organizational domain keeps three
 * labels.
 */
const MULTI_LABEL_SUFFIXES = new Set([
  'co.uk', 'org.uk', 'ac.uk', 'gov.uk', 'ltd.uk', 'plc.uk', 'me.uk', 'net.uk', 'sch.uk',
  'com.au', 'net.au', 'org.au', 'edu.au', 'gov.au', 'co.nz', 'org.nz', 'net.nz',
  'co.jp', 'ne.jp', 'or.jp', 'ac.jp', 'go.jp', 'co.kr', 'or.kr', 'com.cn', 'net.cn', 'org.cn',
  'com.tw', 'com.hk', 'com.sg', 'com.my', 'co.in', 'net.in', 'org.in', 'co.id', 'co.th',
  'com.br', 'net.br', 'org.br', 'com.ar', 'com.mx', 'com.co', 'co.za', 'org.za', 'com.tr',
  'co.il', 'com.ua', 'com.pl', 'com.ru', 'com.es', 'co.at', 'or.at', 'com.pt', 'com.gr',
]); // prettier-ignore

/** The organizational domain of a domain (RFC 7489 §3.2), approximated as explained above. */
export function organizationalDomain(domain: string): string {
  const labels = domain.toLowerCase().replace(/\.$/, '').split('.');
  if (labels.length <= 2) return labels.join('.');
  const lastTwo = labels.slice(-2).join('.');
  return labels.slice(MULTI_LABEL_SUFFIXES.has(lastTwo) ? -3 : -2).join('.');
}

/** The domain of an address such as `a@b.example` or `<a@b.example>`, lower-case. */
export function domainOf(address: string | undefined): string | undefined {
  if (!address) return undefined;
  const at = address.lastIndexOf('@');
  if (at < 0) return undefined;
  const domain = address
    .slice(at + 1)
    .replace(/[>\s].*$/, '')
    .toLowerCase();
  return domain || undefined;
}

function align(fromDomain: string, domain: string, result?: string): IdentifierAlignment {
  const d = domain.toLowerCase();
  const alignment: IdentifierAlignment = {
    domain: d,
    strict: d === fromDomain,
    relaxed: organizationalDomain(d) === organizationalDomain(fromDomain),
  };
  if (result !== undefined) alignment.result = result;
  return alignment;
}

/** What the alignment is worked out from. */
export interface AlignmentInput {
  fromAddress?: string;
  /** Return-Path, or the SPF `smtp.mailfrom` the receiver reported. */
  mailFrom?: string;
  spfResult?: string;
  dkim: Array<{ domain: string; result?: string }>;
}

/** Work out DMARC alignment for a message. */
export function workOutAlignment(input: AlignmentInput): DmarcAlignment {
  const fromDomain = domainOf(input.fromAddress);
  const alignment: DmarcAlignment = { dkim: [] };
  if (!fromDomain) return alignment;
  alignment.fromDomain = fromDomain;
  const mailFromDomain = domainOf(input.mailFrom) ?? input.mailFrom?.toLowerCase();
  if (mailFromDomain && mailFromDomain.includes('.')) {
    alignment.spf = align(fromDomain, mailFromDomain, input.spfResult);
  }
  alignment.dkim = input.dkim.map((d) => align(fromDomain, d.domain, d.result));
  const identifiers = [...(alignment.spf ? [alignment.spf] : []), ...alignment.dkim];
  if (identifiers.some((i) => i.result !== undefined)) {
    alignment.passRelaxed = identifiers.some((i) => i.result === 'pass' && i.relaxed);
    alignment.passStrict = identifiers.some((i) => i.result === 'pass' && i.strict);
  }
  return alignment;
}
