/**
 * The shape of a saved simulator state, as a valibot schema: every record the workspace reads is
 * checked for the fields and types it relies on, so a state file of the wrong shape (a rule set
 * that is not a list, a pattern that is a number) is refused with the first problem named,
 * instead of breaking the page after it was stored. Fields the simulator adds later pass through.
 */
import * as v from 'valibot';
import { RECIPIENT_STATUSES } from '../outbound/recipient-status.ts';

const text = v.string();
const count = v.pipe(v.number(), v.finite());
const flag = v.boolean();
const optional = <T extends v.GenericSchema>(schema: T) => v.optional(schema);
const texts = v.array(text);
const record = <T extends v.ObjectEntries>(entries: T) => v.looseObject(entries);
const reason = v.picklist(['BOUNCE', 'COMPLAINT']);
const timing = v.picklist(['synchronous', 'asynchronous']);

const subscription = v.picklist(['OPT_IN', 'OPT_OUT']);
const contactList = record({
  ContactListName: text,
  Description: optional(text),
  Topics: v.array(record({ TopicName: text, DisplayName: text, Description: optional(text), DefaultSubscriptionStatus: subscription })),
  CreatedTimestamp: text,
  LastUpdatedTimestamp: text,
  contacts: v.array(record({ EmailAddress: text, TopicPreferences: v.array(record({ TopicName: text, SubscriptionStatus: subscription })), UnsubscribeAll: flag, AttributesData: optional(text), CreatedTimestamp: text, LastUpdatedTimestamp: text })),
}); // prettier-ignore

const outcome = v.variant('kind', [
  record({ kind: v.literal('delivery'), smtpResponse: optional(text) }),
  record({ kind: v.literal('hard-bounce'), status: text, bounceSubType: optional(text), diagnosticCode: optional(text), timing: optional(timing), asyncDelayMs: optional(count), dnsFailure: optional(flag) }),
  record({ kind: v.literal('soft-bounce'), status: text, bounceSubType: optional(text), diagnosticCode: optional(text), recoverAfterMs: optional(count), timing: optional(timing), asyncDelayMs: optional(count) }),
  record({ kind: v.literal('complaint'), feedbackType: optional(text), delayMs: optional(count), userAgent: optional(text) }),
]); // prettier-ignore

const receiptRule = record({
  name: text,
  enabled: flag,
  recipients: texts,
  actions: optional(v.array(v.looseObject({ type: text }))),
});

/** Checks a value that already carries the right `format` and `version`. */
export const SAVED_STATE_SCHEMA = record({
  region: text,
  accountId: text,
  callerIdentity: text,
  sourceIp: text,
  random: record({ state: count }),
  clockOffsetMs: count,
  nextSequence: count,
  identities: v.array(record({ identity: text, type: text, verifiedAt: text, headersInNotificationsEnabled: flag, notificationTopics: optional(v.record(v.picklist(['Bounce', 'Complaint', 'Delivery']), text)), feedbackForwardingEnabled: optional(flag) })),
  account: record({
    productionAccessEnabled: flag,
    max24HourSend: count,
    maxSendRate: count,
    sendingEnabled: flag,
    sendLog: v.array(record({ at: count, count })),
    rateTokens: count,
    rateUpdatedAt: count,
  }),
  pauseOnReputation: flag,
  suppressedReasons: v.array(reason),
  suppressionList: v.array(record({ emailAddress: text, reason, lastUpdateTime: text, attributes: optional(record({ messageId: text, feedbackId: text })) })),
  globalSuppressionList: v.array(record({ emailAddress: text, until: count, bounceCount: count })),
  outcomeRules: v.array(record({ pattern: text, outcome })),
  configurationSets: v.array(
    record({
      name: text,
      eventDestinations: v.array(v.looseObject({})),
      tags: v.array(record({ Key: text, Value: text })),
      sendingEnabled: flag,
      maxDeliverySeconds: optional(count),
      suppressedReasons: optional(v.array(reason)),
    }),
  ),
  templates: v.array(record({ TemplateName: text, TemplateContent: record({ Subject: optional(text), Text: optional(text), Html: optional(text) }) })),
  messages: v.array(
    record({
      mail: record({ messageId: text }),
      acceptedAt: count,
      content: v.picklist(['Simple', 'Raw', 'Template']),
      identity: text,
      deliveredRaw: text,
      recipients: v.array(record({ emailAddress: text, route: text, status: v.picklist(RECIPIENT_STATUSES), plan: record({ kind: text }) })),
    }),
  ),
  tasks: v.array(record({ at: count, sequence: count, messageId: text, kind: text, recipients: texts })),
  notifications: v.array(record({ at: count, messageId: text, notificationType: text, payload: v.looseObject({}) })),
  feedbackEmails: optional(v.array(record({ at: count, to: text, kind: v.picklist(['bounce', 'complaint']), messageId: text, raw: text }))),
  events: v.array(record({ at: count, messageId: text, eventType: text, payload: v.looseObject({}) })),
  reputation: v.array(record({ at: count, kind: v.picklist(['send', 'bounce', 'complaint']), count })),
  contactLists: optional(v.array(contactList)),
  receiving: record({
    ruleSets: v.array(record({ name: text, rules: v.array(receiptRule) })),
    activeRuleSetName: optional(text),
    inbound: v.array(v.looseObject({})),
  }),
}); // prettier-ignore

/** Where in the state an issue is, e.g. `outcomeRules[0].pattern`. */
function issuePath(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = item.key;
    out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  }
  return out;
}

/**
 * The first problem with a saved state's shape, as a plain sentence, or undefined when it has
 * the shape the simulator needs.
 */
export function stateShapeProblem(value: unknown): string | undefined {
  const result = v.safeParse(SAVED_STATE_SCHEMA, value, { abortEarly: true });
  if (result.success) return undefined;
  const issue = result.issues[0];
  const where = issuePath(issue);
  if (!where) return issue.message;
  if (issue.received === 'undefined') return `${where} is missing`;
  return `${where} should be ${issue.expected ?? 'something else'}, not ${issue.received}`;
}
