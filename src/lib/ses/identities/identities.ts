/**
 * Verified identities: email addresses and domains. A domain covers every address at it and at
 * any subdomain; domains are case-insensitive, addresses case-sensitive; `+label` variants of a
 * verified address need no verification of their own (ses-facts §3.2).
 */
import { SesError } from '../api/errors.ts';
import { addressError, domainOf, withoutLabel } from './address.ts';
import { MAX_IDENTITIES, MAX_DOMAIN_LENGTH } from '../limits.ts';

/** What kind of identity: the v2 `IdentityType` values SES uses for the two the simulator has. */
export type IdentityType = 'EMAIL_ADDRESS' | 'DOMAIN';

/** A verified identity and its settings. */
export interface IdentityRecord {
  /** The address exactly as verified, or the domain in lower case. */
  identity: string;
  type: IdentityType;
  /** When it was verified (ISO 8601). */
  verifiedAt: string;
  /** Whether feedback notifications carry the original headers (`SetIdentityHeadersInNotificationsEnabled`). */
  headersInNotificationsEnabled: boolean;
  /**
   * The SNS topics its Bounce, Complaint and Delivery notifications go to
   * (`SetIdentityNotificationTopic`); SES publishes no notification of a type without a topic.
   */
  notificationTopics?: Partial<Record<NotificationType, string>>;
  /** Email feedback forwarding (`SetIdentityFeedbackForwardingEnabled`); on when absent. */
  feedbackForwardingEnabled?: boolean;
}

/** The kinds of identity feedback notification. */
export type NotificationType = 'Bounce' | 'Complaint' | 'Delivery';

const DOMAIN_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

function invalidIdentity(identity: string): SesError {
  return new SesError(`Invalid email address<${identity}>.`, {
    code: 'BadRequestException',
    statusCode: 400,
    v1Code: 'InvalidParameterValue',
  });
}

/**
 * An identity as it is stored, without checking it: an address trimmed (case-sensitive), a
 * domain trimmed, lower-cased and without a trailing dot.
 */
function identityKey(identity: string): string {
  const trimmed = identity.trim();
  return trimmed.includes('@') ? trimmed : trimmed.toLowerCase().replace(/\.$/, '');
}

/**
 * Normalise and check an identity: an address stays as given (case-sensitive), a domain is
 * lower-cased. Throws SesError `BadRequestException` for text that is neither.
 */
export function normalizeIdentity(identity: string): { identity: string; type: IdentityType } {
  const written = identityKey(identity);
  if (written.includes('@')) {
    if (addressError(written) !== undefined) throw invalidIdentity(identity);
    return { identity: written, type: 'EMAIL_ADDRESS' };
  }
  const domain = written;
  const labels = domain.split('.');
  if (
    domain.length === 0 ||
    domain.length > MAX_DOMAIN_LENGTH ||
    labels.length < 2 ||
    !labels.every((label) => DOMAIN_LABEL.test(label))
  ) {
    throw invalidIdentity(identity);
  }
  return { identity: domain, type: 'DOMAIN' };
}

/** The identities with one added (or left as they are when it is already there). */
export function addIdentity(
  identities: readonly IdentityRecord[],
  identity: string,
  verifiedAt: string,
): IdentityRecord[] {
  const normalized = normalizeIdentity(identity);
  if (identities.some((record) => record.identity === normalized.identity)) return [...identities];
  if (identities.length >= MAX_IDENTITIES) {
    throw new SesError('Maximum number of identities exceeded.', {
      code: 'LimitExceededException',
      statusCode: 400,
      v1Code: 'LimitExceeded',
    });
  }
  return [...identities, { ...normalized, verifiedAt, headersInNotificationsEnabled: false }];
}

/** The identities without one (matched as `normalizeIdentity` would write it). */
export function removeIdentity(
  identities: readonly IdentityRecord[],
  identity: string,
): IdentityRecord[] {
  const key = identityKey(identity);
  return identities.filter((record) => record.identity !== key);
}

/**
 * The most specific verified identity that covers an address: the address itself (or its
 * address without `+label`), else the deepest verified domain among its domain and parents.
 */
export function findCoveringIdentity(
  identities: readonly IdentityRecord[],
  address: string,
): IdentityRecord | undefined {
  const unlabelled = withoutLabel(address);
  const exact = identities.find(
    (record) =>
      record.type === 'EMAIL_ADDRESS' &&
      (record.identity === address || record.identity === unlabelled),
  );
  if (exact) return exact;
  let domain = domainOf(address);
  for (;;) {
    const record = identities.find((r) => r.type === 'DOMAIN' && r.identity === domain);
    if (record) return record;
    const dot = domain.indexOf('.');
    if (dot < 0) return undefined;
    domain = domain.slice(dot + 1);
  }
}

/** Whether an address may be used as a sender (or, in the sandbox, as a recipient). */
export function isVerifiedAddress(identities: readonly IdentityRecord[], address: string): boolean {
  return findCoveringIdentity(identities, address) !== undefined;
}
