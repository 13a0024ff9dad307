/**
 * Reputation: the bounce rate and complaint rate as SES computes them, against its review and
 * pause thresholds (ses-facts §7). Only mail that counts is counted: recipients outside the
 * mailbox simulator, not on the account suppression list, and not at a verified identity.
 * Bounces count when they are hard (global-suppression bounces included); soft bounces,
 * auto-replies and account-suppression bounces never do. SES rates a "representative volume"
 * of recent mail and publishes neither its size nor its window; the simulator rates everything
 * sent since the account started, and only once {@link MIN_RATED_VOLUME} counted recipients
 * were sent, so that one complaint on one message does not reach a pause threshold.
 */
import { SIMULATED_RULE } from '../wording.ts';

/** Bounce rate at which SES puts an account under review. */
export const BOUNCE_REVIEW_RATE = 0.05;
/** Bounce rate at which SES may pause sending. */
export const BOUNCE_PAUSE_RATE = 0.1;
/** Complaint rate at which SES puts an account under review. */
export const COMPLAINT_REVIEW_RATE = 0.001;
/** Complaint rate at which SES may pause sending. */
export const COMPLAINT_PAUSE_RATE = 0.005;

/**
 * Counted recipients needed before the rates are held against the thresholds. The simulator's
 * choice (SES publishes no figure): the smallest volume at which the 5% bounce review threshold
 * takes five bounces.
 */
export const MIN_RATED_VOLUME = 100;

/** Says, in the page and in the engine's texts, why the rates do not count yet. */
export const MIN_RATED_VOLUME_NOTE =
  `Rates count toward review and pause only once ${MIN_RATED_VOLUME} counted recipients were sent` +
  SIMULATED_RULE;

/** One counted happening: recipients sent, a hard bounce or a complaint, at a time (epoch ms). */
export interface ReputationEntry {
  at: number;
  kind: 'send' | 'bounce' | 'complaint';
  count: number;
}

/** Where a rate stands against its thresholds. */
export type RateStatus = 'HEALTHY' | 'UNDER_REVIEW' | 'PAUSE_THRESHOLD';

/** The v2 `GetAccount.EnforcementStatus` values. */
export type EnforcementStatus = 'HEALTHY' | 'PROBATION' | 'SHUTDOWN';

/** The account's reputation at a moment. */
export interface Reputation {
  /** Counted recipients sent. */
  sent: number;
  bounces: number;
  complaints: number;
  /** bounces ÷ sent, 0 when nothing was sent. */
  bounceRate: number;
  /** complaints ÷ sent, 0 when nothing was sent. */
  complaintRate: number;
  /**
   * Whether at least {@link MIN_RATED_VOLUME} counted recipients were sent; until then both
   * statuses are `HEALTHY` whatever the rates.
   */
  rated: boolean;
  bounceStatus: RateStatus;
  complaintStatus: RateStatus;
}

/** A point of the rate history, for plotting against the thresholds. */
export interface ReputationPoint {
  at: number;
  bounceRate: number;
  complaintRate: number;
}

function rateStatus(rate: number, review: number, pause: number): RateStatus {
  if (rate >= pause) return 'PAUSE_THRESHOLD';
  if (rate >= review) return 'UNDER_REVIEW';
  return 'HEALTHY';
}

/** The reputation computed from the entries up to `untilMs` (all of them when absent). */
export function computeReputation(
  entries: readonly ReputationEntry[],
  untilMs = Number.POSITIVE_INFINITY,
): Reputation {
  let sent = 0;
  let bounces = 0;
  let complaints = 0;
  for (const entry of entries) {
    if (entry.at > untilMs) continue;
    if (entry.kind === 'send') sent += entry.count;
    else if (entry.kind === 'bounce') bounces += entry.count;
    else complaints += entry.count;
  }
  const bounceRate = sent === 0 ? 0 : bounces / sent;
  const complaintRate = sent === 0 ? 0 : complaints / sent;
  const rated = sent >= MIN_RATED_VOLUME;
  return {
    sent,
    bounces,
    complaints,
    bounceRate,
    complaintRate,
    rated,
    bounceStatus: rated ? rateStatus(bounceRate, BOUNCE_REVIEW_RATE, BOUNCE_PAUSE_RATE) : 'HEALTHY',
    complaintStatus: rated
      ? rateStatus(complaintRate, COMPLAINT_REVIEW_RATE, COMPLAINT_PAUSE_RATE)
      : 'HEALTHY',
  };
}

/** The account's enforcement status: paused when sending is off, else by its rates. */
export function enforcementStatus(
  reputation: Reputation,
  sendingEnabled: boolean,
): EnforcementStatus {
  if (!sendingEnabled) return 'SHUTDOWN';
  if (reputation.bounceStatus !== 'HEALTHY' || reputation.complaintStatus !== 'HEALTHY') {
    return 'PROBATION';
  }
  return 'HEALTHY';
}

/** Whether the rates have reached a pause threshold. */
export function reachesPauseThreshold(reputation: Reputation): boolean {
  return (
    reputation.bounceStatus === 'PAUSE_THRESHOLD' ||
    reputation.complaintStatus === 'PAUSE_THRESHOLD'
  );
}

/** The rates after each moment something counted happened, in time order. */
export function reputationHistory(entries: readonly ReputationEntry[]): ReputationPoint[] {
  const sorted = [...entries].sort((a, b) => a.at - b.at);
  const points: ReputationPoint[] = [];
  let sent = 0;
  let bounces = 0;
  let complaints = 0;
  for (let i = 0; i < sorted.length; i++) {
    const entry = sorted[i] as ReputationEntry;
    if (entry.kind === 'send') sent += entry.count;
    else if (entry.kind === 'bounce') bounces += entry.count;
    else complaints += entry.count;
    if (sorted[i + 1]?.at === entry.at) continue;
    points.push({
      at: entry.at,
      bounceRate: sent === 0 ? 0 : bounces / sent,
      complaintRate: sent === 0 ? 0 : complaints / sent,
    });
  }
  return points;
}
