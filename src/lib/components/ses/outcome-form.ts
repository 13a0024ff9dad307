/**
 * The outcome-rule form's fields and the rule they make, kept apart from the component so that
 * the words for a rule and the parsing of the form are plain functions. Every field of an outcome
 * has a field here; durations are typed in minutes, as everywhere in the form.
 */
import {
  DEFAULT_ASYNC_BOUNCE_DELAY_MS,
  DEFAULT_COMPLAINT_DELAY_MS,
  type BounceTiming,
  type Outcome,
  type OutcomeRule,
} from '../../ses/index.ts';

/** The form's fields, all text as typed (the timing and the DNS failure are chosen). */
export interface OutcomeFormFields {
  pattern: string;
  kind: Outcome['kind'];
  status: string;
  bounceSubType: string;
  diagnosticCode: string;
  recoverAfterMinutes: string;
  /** A bounce refused during the SMTP conversation, or a DSN after delivery. */
  timing: BounceTiming;
  /** For an asynchronous bounce; empty: the simulator's default. */
  asyncDelayMinutes: string;
  /** A hard bounce from a failed DNS lookup, which SES retries like a soft bounce. */
  dnsFailure: boolean;
  feedbackType: string;
  delayMinutes: string;
  /** The feedback loop named in a complaint; empty: the simulator's default. */
  userAgent: string;
  smtpResponse: string;
  /** When the recipient opens a delivered message; empty: never. */
  openAfterMinutes: string;
  /** When the recipient clicks the first tracked link; empty: never. */
  clickAfterMinutes: string;
}

const MINUTE_MS = 60_000;

/** Empty fields: a hard bounce 5.1.1 is the commonest rule to add. */
export function emptyOutcomeFields(): OutcomeFormFields {
  return {
    pattern: '',
    kind: 'hard-bounce',
    status: '5.1.1',
    bounceSubType: '',
    diagnosticCode: '',
    recoverAfterMinutes: '',
    timing: 'synchronous',
    asyncDelayMinutes: '',
    dnsFailure: false,
    feedbackType: 'abuse',
    delayMinutes: String(DEFAULT_COMPLAINT_DELAY_MS / MINUTE_MS),
    userAgent: '',
    smtpResponse: '',
    openAfterMinutes: '',
    clickAfterMinutes: '',
  };
}

/** Minutes as typed, in whole milliseconds; undefined when empty. */
function minutes(text: string): number | undefined {
  if (!text.trim()) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0)
    throw new RangeError(`${text} is not a number of minutes.`);
  return Math.round(value * MINUTE_MS);
}

/** `{ [name]: ms }` for a duration typed in minutes, or nothing when the field is empty. */
function optionalMinutes(name: string, text: string): Record<string, number> {
  const ms = minutes(text);
  return ms === undefined ? {} : { [name]: ms };
}

/** A duration in words, as typed: `30 min`, `0.5 min`. */
function minutesWords(ms: number): string {
  return `${Number((ms / MINUTE_MS).toFixed(2))} min`;
}

/** The rule the fields describe; throws RangeError with a plain sentence on a bad number. */
export function ruleFromFields(fields: OutcomeFormFields): OutcomeRule {
  const pattern = fields.pattern.trim();
  const optional = (name: string, text: string) => (text.trim() ? { [name]: text.trim() } : {});
  // Fields the form hides for the chosen timing are left out, whatever they still hold.
  const asynchronous = fields.timing === 'asynchronous';
  const timing = asynchronous
    ? {
        timing: 'asynchronous' as const,
        ...optionalMinutes('asyncDelayMs', fields.asyncDelayMinutes),
      }
    : {};
  switch (fields.kind) {
    case 'delivery':
      return {
        pattern,
        outcome: {
          kind: 'delivery',
          ...optional('smtpResponse', fields.smtpResponse),
          ...optionalMinutes('openAfterMs', fields.openAfterMinutes),
          ...optionalMinutes('clickAfterMs', fields.clickAfterMinutes),
        },
      };
    case 'hard-bounce':
      return {
        pattern,
        outcome: {
          kind: 'hard-bounce',
          status: fields.status.trim(),
          ...optional('bounceSubType', fields.bounceSubType),
          ...optional('diagnosticCode', fields.diagnosticCode),
          ...timing,
          ...(fields.dnsFailure && !asynchronous ? { dnsFailure: true } : {}),
        },
      };
    case 'soft-bounce':
      return {
        pattern,
        outcome: {
          kind: 'soft-bounce',
          status: fields.status.trim(),
          ...optional('bounceSubType', fields.bounceSubType),
          ...optional('diagnosticCode', fields.diagnosticCode),
          ...(asynchronous ? {} : optionalMinutes('recoverAfterMs', fields.recoverAfterMinutes)),
          ...timing,
        },
      };
    case 'complaint':
      return {
        pattern,
        outcome: {
          kind: 'complaint',
          ...optional('feedbackType', fields.feedbackType),
          ...optionalMinutes('delayMs', fields.delayMinutes),
          ...optional('userAgent', fields.userAgent),
        },
      };
  }
}

/** Minutes for a field, or empty when the rule leaves the duration out. */
function minutesField(ms: number | undefined): string {
  return ms === undefined ? '' : String(ms / MINUTE_MS);
}

/** The form's fields for an existing rule, to edit it. */
export function fieldsFromRule(rule: OutcomeRule): OutcomeFormFields {
  const fields = { ...emptyOutcomeFields(), pattern: rule.pattern, kind: rule.outcome.kind };
  const o = rule.outcome;
  if (o.kind === 'delivery') {
    fields.smtpResponse = o.smtpResponse ?? '';
    fields.openAfterMinutes = minutesField(o.openAfterMs);
    fields.clickAfterMinutes = minutesField(o.clickAfterMs);
  }
  if (o.kind === 'hard-bounce' || o.kind === 'soft-bounce') {
    fields.status = o.status;
    fields.bounceSubType = o.bounceSubType ?? '';
    fields.diagnosticCode = o.diagnosticCode ?? '';
    fields.timing = o.timing ?? 'synchronous';
    fields.asyncDelayMinutes = minutesField(o.asyncDelayMs);
  }
  if (o.kind === 'hard-bounce') fields.dnsFailure = o.dnsFailure === true;
  if (o.kind === 'soft-bounce') fields.recoverAfterMinutes = minutesField(o.recoverAfterMs);
  if (o.kind === 'complaint') {
    fields.feedbackType = o.feedbackType ?? 'abuse';
    fields.delayMinutes = minutesField(o.delayMs ?? DEFAULT_COMPLAINT_DELAY_MS);
    fields.userAgent = o.userAgent ?? '';
  }
  return fields;
}

/** How a bounce arrives, in words: nothing for the default, synchronous one. */
function timingWords(outcome: { timing?: BounceTiming; asyncDelayMs?: number }): string {
  if (outcome.timing !== 'asynchronous') return '';
  return `, asynchronous: a DSN ${minutesWords(outcome.asyncDelayMs ?? DEFAULT_ASYNC_BOUNCE_DELAY_MS)} after delivery`;
}

/** A rule's outcome in words: `hard bounce 5.1.1 (General)`. */
export function describeOutcome(outcome: Outcome): string {
  switch (outcome.kind) {
    case 'delivery': {
      const open =
        outcome.openAfterMs !== undefined
          ? `, opened ${minutesWords(outcome.openAfterMs)} after delivery`
          : '';
      const click =
        outcome.clickAfterMs !== undefined
          ? `, first link clicked ${minutesWords(outcome.clickAfterMs)} after delivery`
          : '';
      return `delivery${outcome.smtpResponse ? ` (${outcome.smtpResponse})` : ''}${open}${click}`;
    }
    case 'hard-bounce': {
      const dns =
        outcome.dnsFailure && outcome.timing !== 'asynchronous'
          ? ', DNS lookup failure retried until SES gives up'
          : '';
      return `hard bounce ${outcome.status}${outcome.bounceSubType ? ` (${outcome.bounceSubType})` : ''}${timingWords(outcome)}${dns}`;
    }
    case 'soft-bounce': {
      const recover =
        outcome.timing === 'asynchronous'
          ? ''
          : outcome.recoverAfterMs !== undefined
            ? `, delivered after ${minutesWords(outcome.recoverAfterMs)}`
            : ', retried until SES gives up';
      return `soft bounce ${outcome.status}${outcome.bounceSubType ? ` (${outcome.bounceSubType})` : ''}${timingWords(outcome)}${recover}`;
    }
    case 'complaint': {
      const delay = minutesWords(outcome.delayMs ?? DEFAULT_COMPLAINT_DELAY_MS);
      const from = outcome.userAgent ? `, from ${outcome.userAgent}` : '';
      return `complaint (${outcome.feedbackType ?? 'abuse'}) ${delay} after delivery${from}`;
    }
  }
}
