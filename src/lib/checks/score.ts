/**
 * The report's score, 0 to 100: 100 less a penalty per finding by severity and a penalty per
 * spam point, so that one error or a spam score at the threshold is felt at once.
 */
import type { CheckFinding, CheckReport } from './types.ts';

/** Penalty per finding of each severity (informational ones together cost at most 10). */
const ERROR_PENALTY = 12;
const WARNING_PENALTY = 4;
const INFO_PENALTY = 1;
const INFO_PENALTY_MAX = 10;
/** Per SpamAssassin point: at the threshold of 5 points the score has lost 40. */
const SPAM_POINT_PENALTY = 8;

/** Work out the score of a set of findings (spam findings count through their points). */
export function scoreFindings(
  findings: readonly CheckFinding[],
  spam: CheckReport['spam'],
): number {
  let penalty = 0;
  let info = 0;
  for (const finding of findings) {
    if (finding.code === 'spam-rule') continue;
    if (finding.severity === 'error') penalty += ERROR_PENALTY;
    else if (finding.severity === 'warning') penalty += WARNING_PENALTY;
    else info += INFO_PENALTY;
  }
  penalty += Math.min(info, INFO_PENALTY_MAX) + spam.points * SPAM_POINT_PENALTY;
  return Math.max(0, Math.min(100, Math.round(100 - penalty)));
}
