/**
 * The local spam score: every rule of `SPAM_RULES` run over the message, one `spam-rule`
 * finding per rule that fired, with its points and why.
 */
import type { FindingList } from './findings.ts';
import { headerPlace } from './header-place.ts';
import type { CheckedMessage } from './message.ts';
import { gatherSpamFacts } from './spam-facts.ts';
import { SPAM_RULES, SPAM_THRESHOLD, type SpamRule } from './spam-rules.ts';
import type { CheckReport, SpamHit } from './types.ts';

/** Rules at or above this many points are warnings; the others are informational. */
const WARNING_POINTS = 1;

/** The header a header rule is about, for placing its finding. */
function headerOf(rule: SpamRule): string | undefined {
  if (rule.name.includes('DATE')) return 'date';
  if (rule.name.includes('SUBJ')) return 'subject';
  if (rule.name === 'MISSING_MID') return 'message-id';
  if (rule.name === 'MISSING_HEADERS') return 'to';
  return undefined;
}

/** Run the spam rules, add their findings, and give the total. */
export function checkSpam(
  message: CheckedMessage,
  now: Date,
  list: FindingList,
): CheckReport['spam'] {
  const facts = gatherSpamFacts(message, now);
  const hits: SpamHit[] = [];
  for (const rule of SPAM_RULES) {
    const why = rule.test(facts);
    if (why === undefined) continue;
    hits.push({ rule: rule.name, points: rule.points, description: rule.description });
    const header = rule.kind === 'header' ? headerOf(rule) : undefined;
    const html = message.html?.source;
    const place = header
      ? headerPlace(message, header)
      : html && rule.kind === 'html'
        ? { source: html, start: 0, end: 0 }
        : undefined;
    list.add(
      'spam-rule',
      rule.points >= WARNING_POINTS ? 'warning' : 'info',
      `${rule.name} (${rule.points} points): ${why} ${rule.description}.`,
      place,
      { rule: rule.name, points: rule.points },
    );
  }
  const points = Math.round(hits.reduce((sum, hit) => sum + hit.points, 0) * 1000) / 1000;
  return { points, threshold: SPAM_THRESHOLD, hits };
}
