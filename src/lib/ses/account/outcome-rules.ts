/**
 * Outcome rules: what happens to mail for an ordinary recipient, so that any scenario can be
 * rehearsed. The person keeps a table of patterns (`*@gone.example`, `bob@*.example`) and
 * outcomes; the first matching rule wins, and a recipient no rule matches is delivered.
 */

/** Delivered, with an optional SMTP response. */
export interface DeliveryOutcome {
  kind: 'delivery';
  smtpResponse?: string;
  /** The recipient opens the message this long after delivery (when its set tracks opens). */
  openAfterMs?: number;
  /** The recipient clicks the first tracked link this long after delivery (when clicks are tracked). */
  clickAfterMs?: number;
}

/**
 * When a bounce happens: `synchronous` (the default), refused during the SMTP conversation; or
 * `asynchronous`, accepted (SES reports a delivery) and bounced later by a DSN from the
 * receiving server.
 */
export type BounceTiming = 'synchronous' | 'asynchronous';

/** How long after delivery an asynchronous bounce arrives when the rule does not say. */
export const DEFAULT_ASYNC_BOUNCE_DELAY_MS = 5 * 60 * 1000;

/** A hard bounce: `Permanent`, reported once, at delivery. */
export interface HardBounceOutcome {
  kind: 'hard-bounce';
  /** Enhanced status code, e.g. `5.1.1`. */
  status: string;
  /** `General`, `NoEmail` or `Suppressed`; derived from the status when absent. */
  bounceSubType?: string;
  diagnosticCode?: string;
  timing?: BounceTiming;
  /** For an asynchronous bounce, how long after delivery the DSN arrives. */
  asyncDelayMs?: number;
  /**
   * The recipient's domain cannot be looked up: the one hard bounce SES retries, like a soft
   * bounce, before it reports it as `Permanent` (ses-facts §6).
   */
  dnsFailure?: boolean;
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
  timing?: BounceTiming;
  /** For an asynchronous bounce, how long after delivery the DSN arrives. */
  asyncDelayMs?: number;
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

/** Whether `text` at `at` matches `segment`, where `?` stands for any one character. */
function segmentAt(text: string, at: number, segment: string): boolean {
  for (let k = 0; k < segment.length; k++) {
    const c = segment[k];
    if (c !== '?' && c !== text[at + k]) return false;
  }
  return true;
}

/**
 * Whether a glob matches the whole of `text`, without backtracking: the pattern is cut at its
 * `*`s; the first piece must begin the text, the last end it, and each piece between is taken at
 * its leftmost place after the one before (leftmost is always safe, as a `*` absorbs the rest).
 * Cost: the text's length times the pattern's, where a regular expression with one `.*` per `*`
 * took seconds per address for `*a*a*a*a*a*a*a*a*a*ab`.
 */
function globMatches(pattern: string, text: string): boolean {
  const pieces = pattern.split('*');
  const first = pieces[0]!;
  if (pieces.length === 1) return text.length === first.length && segmentAt(text, 0, first);
  const last = pieces[pieces.length - 1]!;
  if (first.length + last.length > text.length) return false;
  if (!segmentAt(text, 0, first) || !segmentAt(text, text.length - last.length, last)) return false;
  let at = first.length;
  const stop = text.length - last.length;
  for (let p = 1; p < pieces.length - 1; p++) {
    const piece = pieces[p]!;
    while (at + piece.length <= stop && !segmentAt(text, at, piece)) at++;
    if (at + piece.length > stop) return false;
    at += piece.length;
  }
  return true;
}

/** Whether a rule's pattern matches an address (case-insensitive). */
export function patternMatches(pattern: string, address: string): boolean {
  return globMatches(pattern.trim().toLowerCase(), address.toLowerCase());
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
  if (outcome.kind === 'hard-bounce' || outcome.kind === 'soft-bounce') {
    const delay = outcome.asyncDelayMs;
    if (delay !== undefined && !(Number.isFinite(delay) && delay >= 0)) {
      throw new RangeError(
        'An asynchronous bounce comes a finite, non-negative time after delivery.',
      );
    }
  }
  if (outcome.kind === 'delivery') {
    for (const delay of [outcome.openAfterMs, outcome.clickAfterMs]) {
      if (delay !== undefined && !(Number.isFinite(delay) && delay >= 0)) {
        throw new RangeError('An open or click comes a finite, non-negative time after delivery.');
      }
    }
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
  '5.1.2': '550 5.1.2 Host or domain name not found',
  '5.4.4': '550 5.4.4 Unable to route: domain lookup failed',
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
