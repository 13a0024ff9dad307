/**
 * Outcome rules: what happens to mail for an ordinary recipient, so that any scenario can be
 * rehearsed. The person keeps a table of patterns (`*@gone.example`, `bob@*.example`) and
 * outcomes; the first matching rule wins, and a recipient no rule matches is delivered.
 */

/** Delivered, with an optional SMTP response. */
export interface DeliveryOutcome {
  kind: 'delivery';
  smtpResponse?: string;
}

/** A hard bounce: `Permanent`, reported once, at delivery. */
export interface HardBounceOutcome {
  kind: 'hard-bounce';
  /** Enhanced status code, e.g. `5.1.1`. */
  status: string;
  /** `General`, `NoEmail` or `Suppressed`; derived from the status when absent. */
  bounceSubType?: string;
  diagnosticCode?: string;
}

/**
 * A soft bounce: `Transient`. SES retries, publishing `DeliveryDelay` events, and reports the
 * bounce when it gives up; with `recoverAfterMs` the message is delivered at the first retry
 * that late instead.
 */
export interface SoftBounceOutcome {
  kind: 'soft-bounce';
  /** Enhanced status code, e.g. `4.2.2`. */
  status: string;
  /** `General`, `MailboxFull`, `MessageTooLarge`, …; derived from the status when absent. */
  bounceSubType?: string;
  diagnosticCode?: string;
  recoverAfterMs?: number;
}

/** Delivered, then a complaint (a feedback-loop report) after `delayMs`. */
export interface ComplaintOutcome {
  kind: 'complaint';
  /** `abuse`, `auth-failure`, `fraud`, `not-spam`, `other` or `virus`; default `abuse`. */
  feedbackType?: string;
  /** Default one hour. */
  delayMs?: number;
  userAgent?: string;
}

/** What an outcome rule makes happen. */
export type Outcome = DeliveryOutcome | HardBounceOutcome | SoftBounceOutcome | ComplaintOutcome;

/** A row of the outcome table. */
export interface OutcomeRule {
  /** A glob over the whole address: `*` any run of characters, `?` one; case-insensitive. */
  pattern: string;
  outcome: Outcome;
}

/** Default delay between delivery and a rule's complaint. */
export const DEFAULT_COMPLAINT_DELAY_MS = 60 * 60 * 1000;
/** The feedback loop a rule's complaint comes from when the rule names none. */
export const DEFAULT_FEEDBACK_USER_AGENT = 'Simulated Feedback Loop';
/** Default `smtpResponse` of a delivery to an ordinary recipient. */
export const DEFAULT_SMTP_RESPONSE = '250 2.0.0 OK';

/** The rules a new simulator starts with, as examples the person can edit. */
export const EXAMPLE_OUTCOME_RULES: readonly OutcomeRule[] = [
  { pattern: '*@gone.example', outcome: { kind: 'hard-bounce', status: '5.1.1' } },
  { pattern: '*@full.example', outcome: { kind: 'soft-bounce', status: '4.2.2' } },
  { pattern: '*@angry.example', outcome: { kind: 'complaint' } },
];

function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (const c of pattern) {
    if (c === '*') source += '.*';
    else if (c === '?') source += '.';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'i');
}

/** Whether a rule's pattern matches an address. */
export function patternMatches(pattern: string, address: string): boolean {
  return globToRegExp(pattern.trim()).test(address);
}

/** The outcome for a recipient: the first matching rule's, else delivery. */
export function outcomeFor(rules: readonly OutcomeRule[], address: string): Outcome {
  return (
    rules.find((rule) => patternMatches(rule.pattern, address))?.outcome ?? { kind: 'delivery' }
  );
}

/** Check a rule; throws RangeError with a plain sentence when it cannot work. */
export function checkOutcomeRule(rule: OutcomeRule): void {
  if (rule.pattern.trim().length === 0) throw new RangeError('An outcome rule needs a pattern.');
  const { outcome } = rule;
  if (outcome.kind === 'hard-bounce' && !/^5\.\d{1,3}\.\d{1,3}$/.test(outcome.status)) {
    throw new RangeError('A hard bounce needs a 5.x.x status code.');
  }
  if (outcome.kind === 'soft-bounce' && !/^4\.\d{1,3}\.\d{1,3}$/.test(outcome.status)) {
    throw new RangeError('A soft bounce needs a 4.x.x status code.');
  }
  if (outcome.kind === 'complaint' && outcome.delayMs !== undefined && outcome.delayMs < 0) {
    throw new RangeError('A complaint cannot come before the delivery.');
  }
}

/**
 * SES's bounce subtype for a hard bounce whose rule names none: `General`, as in SES's own
 * examples for a 5.1.1 (`NoEmail` and `Suppressed` can be chosen in the rule).
 */
export function hardBounceSubType(_status: string): string {
  return 'General';
}

/** SES's bounce subtype for a soft-bounce status (RFC 3463 codes). */
export function softBounceSubType(status: string): string {
  if (status === '4.2.2') return 'MailboxFull';
  if (status === '4.3.4' || status === '4.2.3') return 'MessageTooLarge';
  if (status === '4.7.1' || status === '4.6.0') return 'ContentRejected';
  return 'General';
}

const REPLY_TEXT: Record<string, string> = {
  '5.1.1': '550 5.1.1 user unknown',
  '5.1.10': '550 5.1.10 recipient address rejected',
  '5.2.1': '550 5.2.1 mailbox disabled',
  '5.7.1': '550 5.7.1 message rejected',
  '4.2.2': '452 4.2.2 mailbox full',
  '4.4.1': '421 4.4.1 Unable to connect to remote host',
  '4.7.1': '451 4.7.1 try again later',
};

/** The `diagnosticCode` for a status when the rule gives none, e.g. `smtp; 550 5.1.1 user unknown`. */
export function defaultDiagnosticCode(status: string): string {
  const reply = REPLY_TEXT[status] ?? `${status.startsWith('5') ? '550' : '451'} ${status}`;
  return `smtp; ${reply}`;
}
