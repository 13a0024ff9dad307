/**
 * SES v2 identities with their lifecycle (ses-facts §3.2): `CreateEmailIdentity` starts an
 * identity PENDING; a domain succeeds once SES sees its DKIM records (Easy DKIM's three CNAMEs or
 * the BYODKIM selector's key), an address once its verification link is clicked. SES checks DNS
 * as time passes and gives up after 72 hours (FAILED); the link in the verification mail is valid
 * for 24 hours.
 */
import { parseKeyRecord } from '../../mime/dkim/index.ts';
import type {
  AuthenticationState,
  EmailIdentityRecord,
  MailFromSetup,
  SelectorKey,
  VerificationStatus,
} from './authentication-state.ts';
import type { DnsRecord, PublishedRecord } from './dns-zone.ts';
import { addIdentity, type IdentityRecord } from './identities.ts';

/** How long SES keeps looking for a domain's records (ses-facts §3.2). */
export const DNS_VERIFICATION_WINDOW_MS = 72 * 60 * 60 * 1000;
/** How long an address's verification link is valid (ses-facts §3.2). */
export const VERIFICATION_LINK_MS = 24 * 60 * 60 * 1000;
/**
 * How often the simulator looks at the DNS for pending identities. SES does not publish its
 * interval; five minutes is the simulator's choice.
 */
export const DNS_CHECK_INTERVAL_MS = 5 * 60 * 1000;

/** The records SES asks the person to publish for a domain identity, with their purpose. */
export function requiredRecords(
  identity: EmailIdentityRecord,
  region: string,
): Array<DnsRecord & { purpose: 'DKIM' | 'MAIL FROM MX' | 'MAIL FROM SPF' }> {
  const out: Array<DnsRecord & { purpose: 'DKIM' | 'MAIL FROM MX' | 'MAIL FROM SPF' }> = [];
  for (const key of identity.dkim?.keys ?? []) {
    out.push(
      identity.dkim!.origin === 'AWS_SES'
        ? {
            purpose: 'DKIM',
            name: `${key.selector}._domainkey.${identity.identity}`,
            type: 'CNAME',
            value: `${key.selector}.dkim.amazonses.com`,
          }
        : {
            purpose: 'DKIM',
            name: `${key.selector}._domainkey.${identity.identity}`,
            type: 'TXT',
            value: `p=${key.publicKey}`,
          },
    );
  }
  if (identity.mailFrom) out.push(...mailFromRecords(identity.mailFrom, region));
  return out;
}

function mailFromRecords(mailFrom: MailFromSetup, region: string) {
  return [
    {
      purpose: 'MAIL FROM MX' as const,
      name: mailFrom.domain,
      type: 'MX' as const,
      value: `10 feedback-smtp.${region}.amazonses.com`,
    },
    {
      purpose: 'MAIL FROM SPF' as const,
      name: mailFrom.domain,
      type: 'TXT' as const,
      value: 'v=spf1 include:amazonses.com ~all',
    },
  ];
}

/** When a DKIM key's record went up, or undefined while it is not in place. */
function keyReadyAt(
  auth: AuthenticationState,
  domain: string,
  key: SelectorKey,
  origin: 'AWS_SES' | 'EXTERNAL',
): number | undefined {
  const name = `${key.selector}._domainkey.${domain}`;
  const here = auth.dnsZone.filter((r) => r.name === name);
  if (origin === 'AWS_SES') {
    return here.find((r) => r.type === 'CNAME' && r.value === `${key.selector}.dkim.amazonses.com`)
      ?.publishedAt;
  }
  const match = here.find((r) => {
    if (r.type !== 'TXT') return false;
    const record = parseKeyRecord(r.value);
    return record.ok && record.publicKey === key.publicKey;
  });
  return match?.publishedAt;
}

/** The first DNS check at or after `readyAt`, counting from `since`. */
function firstCheckAfter(since: number, readyAt: number): number {
  const steps = Math.max(0, Math.ceil((readyAt - since) / DNS_CHECK_INTERVAL_MS));
  return since + steps * DNS_CHECK_INTERVAL_MS;
}

/** When all of a set of records have been in place, or undefined while one is missing. */
function allReadyAt(times: Array<number | undefined>): number | undefined {
  if (times.some((t) => t === undefined)) return undefined;
  return Math.max(...(times as number[]));
}

/** A pending status moved on, given when its records were ready. */
function settleStatus(
  status: VerificationStatus,
  since: number,
  readyAt: number | undefined,
  nowMs: number,
): { status: VerificationStatus; at?: number } {
  if (status !== 'PENDING') return { status };
  const deadline = since + DNS_VERIFICATION_WINDOW_MS;
  if (readyAt !== undefined) {
    const at = firstCheckAfter(since, readyAt);
    if (at <= nowMs && at <= deadline) return { status: 'SUCCESS', at };
  }
  return nowMs >= deadline ? { status: 'FAILED', at: deadline } : { status };
}

/**
 * Move every pending identity and MAIL FROM setup on to `nowMs`. The DNS zone has not changed
 * since the last call (every change settles first), so records present now were present from
 * their `publishedAt`. Returns the verified-identity list with newly verified identities added.
 */
export function checkLifecycles(
  auth: AuthenticationState,
  identities: IdentityRecord[],
  nowMs: number,
): IdentityRecord[] {
  let verified = identities;
  for (const identity of auth.emailIdentities) {
    if (identity.type === 'EMAIL_ADDRESS') {
      if (identity.status === 'PENDING' && nowMs >= identity.createdAt + VERIFICATION_LINK_MS) {
        identity.status = 'FAILED';
      }
      continue;
    }
    const dkim = identity.dkim!;
    const readyAt = allReadyAt(
      dkim.keys.map((key) => keyReadyAt(auth, identity.identity, key, dkim.origin)),
    );
    const next = settleStatus(identity.status, identity.createdAt, readyAt, nowMs);
    if (next.status !== identity.status) {
      identity.status = next.status;
      dkim.status = next.status;
      if (next.status === 'SUCCESS') {
        identity.verifiedAt = next.at!;
        verified = addIdentity(verified, identity.identity, new Date(next.at!).toISOString());
      }
    }
    const mailFrom = identity.mailFrom;
    if (mailFrom) {
      const mxAt = published(auth.dnsZone, mailFrom.domain, 'MX', /\.amazonses\.com$/);
      const spfAt = published(auth.dnsZone, mailFrom.domain, 'TXT', /include:amazonses\.com/);
      const next = settleStatus(mailFrom.status, mailFrom.since, allReadyAt([mxAt, spfAt]), nowMs);
      mailFrom.status = next.status;
    }
  }
  return verified;
}

function published(
  zone: readonly PublishedRecord[],
  name: string,
  type: DnsRecord['type'],
  value: RegExp,
): number | undefined {
  return zone.find((r) => r.name === name && r.type === type && value.test(r.value))?.publishedAt;
}

/**
 * The DKIM-verified domain identity that signs mail from an address: its domain or the nearest
 * parent with DKIM in SUCCESS and signing on.
 */
export function signingIdentity(
  auth: AuthenticationState,
  address: string,
): EmailIdentityRecord | undefined {
  let domain = address.slice(address.lastIndexOf('@') + 1).toLowerCase();
  for (;;) {
    const record = auth.emailIdentities.find(
      (r) =>
        r.type === 'DOMAIN' &&
        r.identity === domain &&
        r.dkim?.status === 'SUCCESS' &&
        r.dkim.signingEnabled,
    );
    if (record) return record;
    const dot = domain.indexOf('.');
    if (dot < 0) return undefined;
    domain = domain.slice(dot + 1);
  }
}
