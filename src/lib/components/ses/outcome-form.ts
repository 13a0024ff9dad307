/**
 * The outcome-rule form's fields and the rule they make, kept apart from the component so that
 * the words for a rule and the parsing of the form are plain functions.
 */
import type { Outcome, OutcomeRule } from '../../ses/index.ts';

/** The form's fields, all text as typed. */
export interface OutcomeFormFields {
  pattern: string;
  kind: Outcome['kind'];
  status: string;
  bounceSubType: string;
  diagnosticCode: string;
  recoverAfterMinutes: string;
  feedbackType: string;
  delayMinutes: string;
  smtpResponse: string;
}

/** Empty fields: a hard bounce 5.1.1 is the commonest rule to add. */
export function emptyOutcomeFields(): OutcomeFormFields {
  return {
    pattern: '',
    kind: 'hard-bounce',
    status: '5.1.1',
    bounceSubType: '',
    diagnosticCode: '',
    recoverAfterMinutes: '',
    feedbackType: 'abuse',
    delayMinutes: '60',
    smtpResponse: '',
  };
}

const MINUTE_MS = 60_000;

function minutes(text: string): number | undefined {
  if (!text.trim()) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0)
    throw new RangeError(`${text} is not a number of minutes.`);
  return Math.round(value * MINUTE_MS);
}

/** The rule the fields describe; throws RangeError with a plain sentence on a bad number. */
export function ruleFromFields(fields: OutcomeFormFields): OutcomeRule {
  const pattern = fields.pattern.trim();
  const optional = (name: string, text: string) => (text.trim() ? { [name]: text.trim() } : {});
  switch (fields.kind) {
    case 'delivery':
      return {
        pattern,
        outcome: { kind: 'delivery', ...optional('smtpResponse', fields.smtpResponse) },
      };
    case 'hard-bounce':
      return {
        pattern,
        outcome: {
          kind: 'hard-bounce',
          status: fields.status.trim(),
          ...optional('bounceSubType', fields.bounceSubType),
          ...optional('diagnosticCode', fields.diagnosticCode),
        },
      };
    case 'soft-bounce': {
      const recoverAfterMs = minutes(fields.recoverAfterMinutes);
      return {
        pattern,
        outcome: {
          kind: 'soft-bounce',
          status: fields.status.trim(),
          ...optional('bounceSubType', fields.bounceSubType),
          ...optional('diagnosticCode', fields.diagnosticCode),
          ...(recoverAfterMs !== undefined ? { recoverAfterMs } : {}),
        },
      };
    }
    case 'complaint': {
      const delayMs = minutes(fields.delayMinutes);
      return {
        pattern,
        outcome: {
          kind: 'complaint',
          ...optional('feedbackType', fields.feedbackType),
          ...(delayMs !== undefined ? { delayMs } : {}),
        },
      };
    }
  }
}

/** The form's fields for an existing rule, to edit it. */
export function fieldsFromRule(rule: OutcomeRule): OutcomeFormFields {
  const fields = { ...emptyOutcomeFields(), pattern: rule.pattern, kind: rule.outcome.kind };
  const o = rule.outcome;
  if (o.kind === 'delivery') fields.smtpResponse = o.smtpResponse ?? '';
  if (o.kind === 'hard-bounce' || o.kind === 'soft-bounce') {
    fields.status = o.status;
    fields.bounceSubType = o.bounceSubType ?? '';
    fields.diagnosticCode = o.diagnosticCode ?? '';
  }
  if (o.kind === 'soft-bounce' && o.recoverAfterMs !== undefined) {
    fields.recoverAfterMinutes = String(o.recoverAfterMs / MINUTE_MS);
  }
  if (o.kind === 'complaint') {
    fields.feedbackType = o.feedbackType ?? 'abuse';
    fields.delayMinutes = o.delayMs !== undefined ? String(o.delayMs / MINUTE_MS) : '60';
  }
  return fields;
}

/** A rule's outcome in words: `hard bounce 5.1.1 (General)`. */
export function describeOutcome(outcome: Outcome): string {
  switch (outcome.kind) {
    case 'delivery':
      return `delivery${outcome.smtpResponse ? ` (${outcome.smtpResponse})` : ''}`;
    case 'hard-bounce':
      return `hard bounce ${outcome.status}${outcome.bounceSubType ? ` (${outcome.bounceSubType})` : ''}`;
    case 'soft-bounce': {
      const recover =
        outcome.recoverAfterMs !== undefined
          ? `, delivered after ${Math.round(outcome.recoverAfterMs / MINUTE_MS)} min`
          : ', retried until SES gives up';
      return `soft bounce ${outcome.status}${outcome.bounceSubType ? ` (${outcome.bounceSubType})` : ''}${recover}`;
    }
    case 'complaint': {
      const delay = Math.round((outcome.delayMs ?? 60 * MINUTE_MS) / MINUTE_MS);
      return `complaint (${outcome.feedbackType ?? 'abuse'}) ${delay} min after delivery`;
    }
  }
}
