/**
 * Custom MAIL FROM (ses-facts §3.2): a subdomain of a verified domain that becomes the envelope
 * sender (and the Return-Path recipients see) once its MX and SPF records are published. While it
 * is not verified SES falls back to its own domain, or refuses the message when the identity's
 * `BehaviorOnMxFailure` is `REJECT_MESSAGE`.
 */
import { mailFromNotVerifiedError } from '../api/errors.ts';
import type {
  AuthenticationState,
  EmailIdentityRecord,
  MailFromSetup,
} from './authentication-state.ts';
import { dnsName } from './dns-zone.ts';

/** Set or clear an identity's MAIL FROM domain; throws RangeError for a domain SES refuses. */
export function setMailFrom(
  record: EmailIdentityRecord,
  domain: string | undefined,
  behavior: MailFromSetup['behaviorOnMxFailure'],
  nowMs: number,
): void {
  if (domain === undefined || domain.trim() === '') {
    delete record.mailFrom;
    return;
  }
  const name = dnsName(domain);
  if (record.type !== 'DOMAIN' || !name.endsWith(`.${record.identity}`)) {
    throw new RangeError(
      `A MAIL FROM domain is a subdomain of the verified domain, e.g. mail.${record.identity.replace(/^.*@/, '')}.`,
    );
  }
  record.mailFrom = {
    domain: name,
    behaviorOnMxFailure: behavior,
    status: 'PENDING',
    since: nowMs,
  };
}

/**
 * The envelope sender's domain for mail from an address: the custom MAIL FROM domain when it is
 * verified, undefined for SES's default. Throws SesError `MailFromDomainNotVerifiedException`
 * when it is not verified and the identity says to reject.
 */
export function mailFromDomainFor(auth: AuthenticationState, address: string): string | undefined {
  let domain = address.slice(address.lastIndexOf('@') + 1).toLowerCase();
  for (;;) {
    const record = auth.emailIdentities.find((r) => r.type === 'DOMAIN' && r.identity === domain);
    if (record) {
      // The most specific identity's settings apply (ses-facts §3.2).
      if (!record.mailFrom) return undefined;
      if (record.mailFrom.status === 'SUCCESS') return record.mailFrom.domain;
      if (record.mailFrom.behaviorOnMxFailure === 'REJECT_MESSAGE') {
        throw mailFromNotVerifiedError(record.mailFrom.domain);
      }
      return undefined;
    }
    const dot = domain.indexOf('.');
    if (dot < 0) return undefined;
    domain = domain.slice(dot + 1);
  }
}
