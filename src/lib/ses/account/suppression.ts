/**
 * Suppression. The account-level list (reasons `BOUNCE` and `COMPLAINT`) is fed by hard bounces
 * and complaints and edited by hand; a send to an address on it is accepted and bounces
 * `Permanent`/`OnAccountSuppressionList` without touching reputation. SES's global list is
 * modelled too: hard bounces put an address on it for a time that grows with repeated bounces,
 * up to 14 days; it only takes effect when the account-level list is not in use, because the
 * account list overrides it (ses-facts §6).
 */
import { addressError } from '../identities/address.ts';
import { SesError } from '../api/errors.ts';

/** Why an address is suppressed. */
export type SuppressionReason = 'BOUNCE' | 'COMPLAINT';

/**
 * An account-level suppression list entry as the simulator stores it (the saved state keeps this
 * shape; the API answers with {@link SuppressedDestination}).
 */
export interface SuppressionListEntry {
  emailAddress: string;
  reason: SuppressionReason;
  /** ISO 8601. */
  lastUpdateTime: string;
  /** The message and feedback that put it there, when it was added automatically. */
  attributes?: { messageId: string; feedbackId: string };
}

/** SES v2 `SuppressedDestination`, as `GetSuppressedDestination` answers it. */
export interface SuppressedDestination {
  EmailAddress: string;
  Reason: SuppressionReason;
  /** ISO 8601. */
  LastUpdateTime: string;
  /** Present when SES added the address itself, after a bounce or complaint. */
  Attributes?: { MessageId: string; FeedbackId: string };
}

/** SES v2 `SuppressedDestinationSummary`, one item of `ListSuppressedDestinations`. */
export interface SuppressedDestinationSummary {
  EmailAddress: string;
  Reason: SuppressionReason;
  /** ISO 8601. */
  LastUpdateTime: string;
}

/** A stored entry in SES v2's shape. */
export function toSuppressedDestination(entry: SuppressionListEntry): SuppressedDestination {
  const out: SuppressedDestination = {
    EmailAddress: entry.emailAddress,
    Reason: entry.reason,
    LastUpdateTime: entry.lastUpdateTime,
  };
  if (entry.attributes) {
    out.Attributes = {
      MessageId: entry.attributes.messageId,
      FeedbackId: entry.attributes.feedbackId,
    };
  }
  return out;
}

/** SES's answer to a Get or Delete of an address that is not on the list. */
export function notOnSuppressionListError(emailAddress: string): SesError {
  return new SesError(
    `Email address ${emailAddress.trim()} does not exist on your suppression list.`,
    { code: 'NotFoundException', statusCode: 404, v1Code: 'NotFoundException' },
  );
}

/** An address on SES's global suppression list, until a time. */
export interface GlobalSuppressionEntry {
  emailAddress: string;
  /** Epoch ms when it leaves the list. */
  until: number;
  bounceCount: number;
}

/** Longest stay on the global list (ses-facts §6.1). */
export const GLOBAL_SUPPRESSION_MAX_MS = 14 * 24 * 60 * 60 * 1000;
/**
 * Stay on the global list after the first hard bounce. SES only says the time grows with
 * repeated bounces up to 14 days; the simulator doubles from one day.
 */
export const GLOBAL_SUPPRESSION_FIRST_MS = 24 * 60 * 60 * 1000;

/** Suppression-list addresses are compared without regard to case. */
export function suppressionKey(emailAddress: string): string {
  return emailAddress.trim().toLowerCase();
}

export function checkReason(reason: string): asserts reason is SuppressionReason {
  if (reason !== 'BOUNCE' && reason !== 'COMPLAINT') {
    throw new SesError(
      `1 validation error detected: Value '${reason}' at 'reason' failed to satisfy constraint: ` +
        'Member must satisfy enum value set: [BOUNCE, COMPLAINT]',
      { code: 'BadRequestException', statusCode: 400, v1Code: 'ValidationError' },
    );
  }
}

/** The list with an address put on it (or its entry replaced). */
export function putSuppressedDestination(
  list: readonly SuppressionListEntry[],
  emailAddress: string,
  reason: SuppressionReason,
  lastUpdateTime: string,
  attributes?: { messageId: string; feedbackId: string },
): SuppressionListEntry[] {
  checkReason(reason);
  const address = emailAddress.trim();
  const problem = addressError(address);
  if (problem !== undefined) {
    throw new SesError(problem, {
      code: 'BadRequestException',
      statusCode: 400,
      v1Code: 'InvalidParameterValue',
    });
  }
  const key = suppressionKey(address);
  const entry: SuppressionListEntry = attributes
    ? { emailAddress: address, reason, lastUpdateTime, attributes }
    : { emailAddress: address, reason, lastUpdateTime };
  return [...list.filter((e) => suppressionKey(e.emailAddress) !== key), entry];
}

/**
 * The list without an address. SES answers `NotFoundException` when it is not there.
 */
export function deleteSuppressedDestination(
  list: readonly SuppressionListEntry[],
  emailAddress: string,
): SuppressionListEntry[] {
  const key = suppressionKey(emailAddress);
  if (!list.some((e) => suppressionKey(e.emailAddress) === key)) {
    throw notOnSuppressionListError(emailAddress);
  }
  return list.filter((e) => suppressionKey(e.emailAddress) !== key);
}

/** The entry for an address, if it is on the list. */
export function findSuppressedDestination(
  list: readonly SuppressionListEntry[],
  emailAddress: string,
): SuppressionListEntry | undefined {
  const key = suppressionKey(emailAddress);
  return list.find((e) => suppressionKey(e.emailAddress) === key);
}

/** Whether an address is on the global list at `nowMs`. */
export function isGloballySuppressed(
  list: readonly GlobalSuppressionEntry[],
  emailAddress: string,
  nowMs: number,
): boolean {
  const key = suppressionKey(emailAddress);
  return list.some((e) => e.emailAddress === key && e.until > nowMs);
}

/** The global list after a hard bounce of `emailAddress` at `nowMs`. */
export function recordGlobalHardBounce(
  list: readonly GlobalSuppressionEntry[],
  emailAddress: string,
  nowMs: number,
): GlobalSuppressionEntry[] {
  const key = suppressionKey(emailAddress);
  const previous = list.find((e) => e.emailAddress === key);
  const bounceCount = (previous?.bounceCount ?? 0) + 1;
  const stay = Math.min(
    GLOBAL_SUPPRESSION_MAX_MS,
    GLOBAL_SUPPRESSION_FIRST_MS * 2 ** (bounceCount - 1),
  );
  return [
    ...list.filter((e) => e.emailAddress !== key && e.until > nowMs),
    { emailAddress: key, until: nowMs + stay, bounceCount },
  ];
}
