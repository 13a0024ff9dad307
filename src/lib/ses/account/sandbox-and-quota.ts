/**
 * The sandbox and sending quotas. Quotas count recipients, not messages (ses-facts §2.2): the
 * 24-hour quota is a trailing window, the rate limit a bucket that refills at `MaxSendRate` per
 * second and may be overdrawn by one multi-recipient call, after which calls fail until it has
 * refilled (the behaviour SES documented for its rate limit).
 */
import { dailyQuotaError, maxSendRateError, type SesError } from '../api/errors.ts';
import {
  SANDBOX_MAX_24_HOUR_SEND,
  SANDBOX_MAX_SEND_RATE,
  DEFAULT_PRODUCTION_MAX_24_HOUR_SEND,
  DEFAULT_PRODUCTION_MAX_SEND_RATE,
} from '../limits.ts';

/** The length of the trailing span the daily quota counts over. */
export const QUOTA_WINDOW_MS = 24 * 60 * 60 * 1000;

/** The account's sending status and quotas, with the usage they are checked against. */
export interface SendingAccount {
  /** `false` means the account is in the sandbox (v2 `GetAccount.ProductionAccessEnabled`). */
  productionAccessEnabled: boolean;
  /** Recipients per trailing 24 hours; -1 means unlimited. */
  max24HourSend: number;
  /** Recipients per second. */
  maxSendRate: number;
  /** Whether the account may send at all (false when paused for its reputation or by hand). */
  sendingEnabled: boolean;
  /** Recipients counted against the 24-hour quota, by acceptance time (epoch ms). */
  sendLog: Array<{ at: number; count: number }>;
  /** The rate bucket: whole recipients available, and when that was computed (epoch ms). */
  rateTokens: number;
  rateUpdatedAt: number;
}

/** A new account: in the sandbox unless `sandbox` is false. */
export function createSendingAccount(sandbox: boolean, nowMs: number): SendingAccount {
  return {
    productionAccessEnabled: !sandbox,
    max24HourSend: sandbox ? SANDBOX_MAX_24_HOUR_SEND : DEFAULT_PRODUCTION_MAX_24_HOUR_SEND,
    maxSendRate: sandbox ? SANDBOX_MAX_SEND_RATE : DEFAULT_PRODUCTION_MAX_SEND_RATE,
    sendingEnabled: true,
    sendLog: [],
    rateTokens: sandbox ? SANDBOX_MAX_SEND_RATE : DEFAULT_PRODUCTION_MAX_SEND_RATE,
    rateUpdatedAt: nowMs,
  };
}

/** Recipients counted in the 24 hours up to `nowMs` (`GetSendQuota.SentLast24Hours`). */
export function sentLast24Hours(account: SendingAccount, nowMs: number): number {
  let total = 0;
  for (const entry of account.sendLog) {
    if (entry.at > nowMs - QUOTA_WINDOW_MS && entry.at <= nowMs) total += entry.count;
  }
  return total;
}

function refilledTokens(account: SendingAccount, nowMs: number): number {
  const elapsed = Math.max(0, nowMs - account.rateUpdatedAt);
  return Math.min(account.maxSendRate, account.rateTokens + (elapsed * account.maxSendRate) / 1000);
}

/**
 * The throttling error a send of `rateRecipients` recipients (all of them) of which
 * `quotaRecipients` count against the 24-hour quota (mailbox simulator recipients do not) would
 * get now, or undefined when it may go.
 */
export function quotaError(
  account: SendingAccount,
  nowMs: number,
  rateRecipients: number,
  quotaRecipients: number,
): SesError | undefined {
  if (rateRecipients > 0 && refilledTokens(account, nowMs) < 1) return maxSendRateError();
  if (
    quotaRecipients > 0 &&
    account.max24HourSend >= 0 &&
    sentLast24Hours(account, nowMs) + quotaRecipients > account.max24HourSend
  ) {
    return dailyQuotaError();
  }
  return undefined;
}

/** The account after an accepted send: the bucket drawn down and the 24-hour log extended. */
export function recordSend(
  account: SendingAccount,
  nowMs: number,
  rateRecipients: number,
  quotaRecipients: number,
): SendingAccount {
  const sendLog = account.sendLog.filter((entry) => entry.at > nowMs - QUOTA_WINDOW_MS);
  if (quotaRecipients > 0) sendLog.push({ at: nowMs, count: quotaRecipients });
  return {
    ...account,
    sendLog,
    rateTokens: refilledTokens(account, nowMs) - rateRecipients,
    rateUpdatedAt: nowMs,
  };
}

/** The account moved into or out of the sandbox, with that mode's quotas unless given. */
export function setProductionAccess(
  account: SendingAccount,
  enabled: boolean,
  quotas: { max24HourSend?: number; maxSendRate?: number } = {},
): SendingAccount {
  const max24HourSend =
    quotas.max24HourSend ??
    (enabled ? DEFAULT_PRODUCTION_MAX_24_HOUR_SEND : SANDBOX_MAX_24_HOUR_SEND);
  const maxSendRate =
    quotas.maxSendRate ?? (enabled ? DEFAULT_PRODUCTION_MAX_SEND_RATE : SANDBOX_MAX_SEND_RATE);
  return setQuotas(
    { ...account, productionAccessEnabled: enabled },
    { max24HourSend, maxSendRate },
  );
}

/** The account with new quotas. Throws RangeError on a quota that is not a sensible number. */
export function setQuotas(
  account: SendingAccount,
  quotas: { max24HourSend?: number; maxSendRate?: number },
): SendingAccount {
  const max24HourSend = quotas.max24HourSend ?? account.max24HourSend;
  const maxSendRate = quotas.maxSendRate ?? account.maxSendRate;
  if (!Number.isInteger(max24HourSend) || max24HourSend < -1) {
    throw new RangeError('Max24HourSend must be a whole number of recipients, or -1 for no limit.');
  }
  if (!Number.isFinite(maxSendRate) || maxSendRate < 1) {
    throw new RangeError('MaxSendRate must be at least one recipient per second.');
  }
  return {
    ...account,
    max24HourSend,
    maxSendRate,
    rateTokens: Math.min(account.rateTokens, maxSendRate),
  };
}
