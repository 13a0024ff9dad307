/**
 * The person's simulated DNS zone: the CNAME, TXT and MX records they publish for their domains,
 * and the records SES itself serves (its Easy DKIM keys under `dkim.amazonses.com` and its own
 * signing key under `amazonses.com`). Nothing here touches the network.
 */
import { formatKeyRecord } from '../../mime/dkim/index.ts';
import type { AuthenticationState } from './authentication-state.ts';

/** One DNS record. Names are stored in lower case without a trailing dot. */
export interface DnsRecord {
  name: string;
  type: 'CNAME' | 'TXT' | 'MX';
  value: string;
}

/** A published record and when it was published (simulated time, epoch ms). */
export interface PublishedRecord extends DnsRecord {
  publishedAt: number;
}

/** A DNS name as stored: trimmed, lower case, no trailing dot. */
export function dnsName(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}

const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/;

/** A record normalised and checked; throws RangeError with a plain sentence. */
export function checkDnsRecord(record: DnsRecord): DnsRecord {
  const name = dnsName(record.name);
  if (name.length > 253 || !name.split('.').every((label) => LABEL.test(label))) {
    throw new RangeError(`“${record.name}” is not a DNS name.`);
  }
  if (!['CNAME', 'TXT', 'MX'].includes(record.type)) {
    throw new RangeError('A record is of type CNAME, TXT or MX.');
  }
  let value = record.value.trim();
  if (value === '') throw new RangeError('A DNS record needs a value.');
  if (record.type === 'CNAME') value = dnsName(value);
  if (record.type === 'TXT' && /^".*"$/s.test(value)) {
    // Zone-file form: one or more quoted strings, joined as resolvers join them.
    value = [...value.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]).join('');
  }
  if (record.type === 'MX') {
    const match = /^(\d{1,5})\s+(\S+)$/.exec(value);
    if (!match)
      throw new RangeError(
        'An MX record is a priority and a host, e.g. “10 feedback-smtp.us-east-1.amazonses.com”.',
      );
    value = `${Number(match[1])} ${dnsName(match[2]!)}`;
  }
  return { name, type: record.type, value };
}

/** The records at a name, following CNAMEs (at most 8, as resolvers bound chains). */
export function resolve(
  auth: AuthenticationState,
  name: string,
  type: DnsRecord['type'],
): string[] | undefined {
  let current = dnsName(name);
  for (let hops = 0; hops < 8; hops++) {
    const served = servedBySes(auth, current, type);
    if (served) return served;
    const here = auth.dnsZone.filter((r) => r.name === current);
    const cname = here.find((r) => r.type === 'CNAME');
    if (cname && type !== 'CNAME') {
      current = cname.value;
      continue;
    }
    const matching = here.filter((r) => r.type === type).map((r) => r.value);
    return matching.length > 0 ? matching : undefined;
  }
  return undefined;
}

/** What SES's own name servers answer: Easy DKIM keys and SES's signing key. */
function servedBySes(
  auth: AuthenticationState,
  name: string,
  type: DnsRecord['type'],
): string[] | undefined {
  if (type !== 'TXT') return undefined;
  for (const identity of auth.emailIdentities) {
    for (const key of identity.dkim?.origin === 'AWS_SES' ? identity.dkim.keys : []) {
      if (name === `${key.selector}.dkim.amazonses.com`) return [formatKeyRecord(key.publicKey)];
    }
  }
  if (auth.sesKey && name === `${auth.sesKey.selector}._domainkey.amazonses.com`) {
    return [formatKeyRecord(auth.sesKey.publicKey)];
  }
  return undefined;
}

/** Whether the zone holds this exact record. */
export function hasRecord(
  auth: AuthenticationState,
  record: DnsRecord,
): PublishedRecord | undefined {
  const wanted = checkDnsRecord(record);
  return auth.dnsZone.find(
    (r) =>
      r.name === wanted.name &&
      r.type === wanted.type &&
      (r.type === 'TXT'
        ? r.value === wanted.value
        : r.value.toLowerCase() === wanted.value.toLowerCase()),
  );
}
