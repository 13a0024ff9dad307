/**
 * Simulated delivery over simulated time. When a message is accepted its recipients' attempts are
 * scheduled; `runDueTasks` carries out everything due up to a moment, in time order: deliveries,
 * hard bounces (reported once), soft bounces (retried with DeliveryDelay events, reported as a
 * Transient bounce when SES gives up), complaints after delivery and auto-replies.
 */
import { bounce, complain, suppressedComplaint } from './feedback.ts';
import {
  deliveryDelayEvent,
  deliveryEvent,
  deliveryNotification,
  rejectEvent,
} from './notifications.ts';
import { DEFAULT_SMTP_RESPONSE } from '../account/outcome-rules.ts';
import { publishEvent, publishNotification, remoteMtaIp, smtpOutHost } from './publishing.ts';
import { receiveDelivered } from './self-receipt.ts';
import { domainOf } from '../identities/address.ts';
import type {
  DeliveryTask,
  RecipientRecord,
  SentMessage,
  SesSimulatorState,
} from '../api/state.ts';
import { moveRecipient } from './recipient-status.ts';

/**
 * How long after the first failed attempt SES retries a soft bounce: 5 minutes, then doubling.
 * SES documents no schedule, only that it retries "for an extended period".
 */
export const FIRST_RETRY_MS = 5 * 60 * 1000;
/**
 * How long SES retries soft bounces when the configuration set does not say: 14 hours, the most
 * `MaxDeliverySeconds` allows (the default is not documented; some third parties say 12 hours).
 */
export const DEFAULT_MAX_DELIVERY_MS = 50_400 * 1000;

/** Add a task to the queue. */
export function schedule(
  state: SesSimulatorState,
  at: number,
  messageId: string,
  kind: DeliveryTask['kind'],
  recipients: string[],
): void {
  state.tasks.push({ at, sequence: state.nextSequence++, messageId, kind, recipients });
}

function byTime(a: DeliveryTask, b: DeliveryTask): number {
  return a.at - b.at || a.sequence - b.sequence;
}

/** Carry out every task due at or before `untilMs`, including tasks the carried-out ones make. */
export function runDueTasks(state: SesSimulatorState, untilMs: number): void {
  for (;;) {
    let next: DeliveryTask | undefined;
    for (const task of state.tasks)
      if (task.at <= untilMs && (!next || byTime(task, next) < 0)) next = task;
    if (!next) return;
    state.tasks = state.tasks.filter((task) => task !== next);
    const message = state.messages.find((m) => m.mail.messageId === next.messageId);
    if (message) runTask(state, message, next);
  }
}

function recipientsOf(message: SentMessage, addresses: readonly string[]): RecipientRecord[] {
  return message.recipients.filter((r) => addresses.includes(r.emailAddress));
}

function runTask(state: SesSimulatorState, message: SentMessage, task: DeliveryTask): void {
  const recipients = recipientsOf(message, task.recipients);
  switch (task.kind) {
    case 'reject':
      for (const r of message.recipients) moveRecipient(r, 'rejected');
      publishEvent(state, message, task.at, 'REJECT', () => rejectEvent(message.mail));
      return;
    case 'attempt':
      return attempt(state, message, task, recipients);
    case 'expire':
      return reportSoftBounces(state, message, task.at, recipients);
    case 'complaint':
      return complain(state, message, task.at, recipients);
    case 'async-bounce':
      return asyncBounce(state, message, task.at, recipients);
    case 'auto-reply':
      return bounce(state, message, task.at, recipients, {
        bounceType: 'Transient',
        bounceSubType: 'General',
        recipients: recipients.map((r) => ({ emailAddress: r.emailAddress })),
      });
  }
}

function attempt(
  state: SesSimulatorState,
  message: SentMessage,
  task: DeliveryTask,
  recipients: RecipientRecord[],
): void {
  const delivered: RecipientRecord[] = [];
  const delayed: RecipientRecord[] = [];
  const hard = new Map<string, RecipientRecord[]>();
  const suppressed: RecipientRecord[] = [];
  for (const r of recipients) {
    const plan = r.plan;
    if (plan.kind === 'deliver') delivered.push(r);
    else if (plan.kind === 'suppressed-complaint') suppressed.push(r);
    else if (plan.kind === 'bounce') {
      const key = `${plan.bounceType}/${plan.bounceSubType}/${plan.reportingMTA ?? ''}`;
      hard.set(key, [...(hard.get(key) ?? []), r]);
    } else if (
      plan.recoverAfterMs !== undefined &&
      task.at - message.acceptedAt >= plan.recoverAfterMs
    ) {
      delivered.push(r);
    } else delayed.push(r);
  }
  // Recipients whose servers answered alike are reported in one delivery.
  const byResponse = new Map<string, RecipientRecord[]>();
  for (const r of delivered) {
    const response = smtpResponseOf(r);
    byResponse.set(response, [...(byResponse.get(response) ?? []), r]);
  }
  for (const group of byResponse.values()) deliver(state, message, task.at, group);
  if (suppressed.length > 0) suppressedComplaint(state, message, task.at, suppressed);
  for (const group of hard.values()) {
    const plan = group[0]?.plan;
    if (plan?.kind !== 'bounce') continue;
    bounce(state, message, task.at, group, {
      bounceType: plan.bounceType,
      bounceSubType: plan.bounceSubType,
      recipients: group.map((r) => {
        const p = r.plan.kind === 'bounce' ? r.plan : plan;
        return {
          emailAddress: r.emailAddress,
          action: 'failed',
          ...(p.status !== undefined ? { status: p.status } : {}),
          ...(p.diagnosticCode !== undefined ? { diagnosticCode: p.diagnosticCode } : {}),
        };
      }),
      reportingMTA: plan.reportingMTA ?? `dns; ${smtpOutHost(state)}`,
      ...(plan.withRemoteMtaIp ? { remoteMtaIp: remoteMtaIp(group[0]?.emailAddress ?? '') } : {}),
    });
  }
  if (delayed.length > 0) delay(state, message, task, delayed);
}

function smtpResponseOf(recipient: RecipientRecord): string {
  return recipient.plan.kind === 'deliver' ? recipient.plan.smtpResponse : DEFAULT_SMTP_RESPONSE;
}

function deliver(
  state: SesSimulatorState,
  message: SentMessage,
  at: number,
  recipients: RecipientRecord[],
): void {
  for (const r of recipients) moveRecipient(r, 'delivered');
  const delivery = {
    timestamp: new Date(at).toISOString(),
    processingTimeMillis: at - message.acceptedAt,
    recipients: recipients.map((r) => r.emailAddress),
    smtpResponse: recipients[0] ? smtpResponseOf(recipients[0]) : DEFAULT_SMTP_RESPONSE,
    reportingMTA: smtpOutHost(state),
    remoteMtaIp: remoteMtaIp(recipients[0]?.emailAddress ?? ''),
  };
  publishNotification(state, message, at, 'Delivery', (headers) =>
    deliveryNotification(message.mail, delivery, headers),
  );
  publishEvent(state, message, at, 'DELIVERY', () => deliveryEvent(message.mail, delivery));
  receiveDelivered(state, message, at, delivery.recipients);
  for (const r of recipients) {
    const plan = r.plan;
    if (plan.kind !== 'deliver') continue;
    if (plan.complaint)
      schedule(state, at + plan.complaint.delayMs, message.mail.messageId, 'complaint', [
        r.emailAddress,
      ]);
    if (plan.asyncBounce) {
      schedule(state, at + plan.asyncBounce.delayMs, message.mail.messageId, 'async-bounce', [
        r.emailAddress,
      ]);
    }
    if (plan.autoReplyDelayMs !== undefined) {
      schedule(state, at + plan.autoReplyDelayMs, message.mail.messageId, 'auto-reply', [
        r.emailAddress,
      ]);
    }
  }
}

function delay(
  state: SesSimulatorState,
  message: SentMessage,
  task: DeliveryTask,
  recipients: RecipientRecord[],
): void {
  for (const r of recipients) moveRecipient(r, 'delayed');
  const first = recipients[0]?.plan;
  publishEvent(state, message, task.at, 'DELIVERY_DELAY', () =>
    deliveryDelayEvent(message.mail, {
      timestamp: new Date(task.at).toISOString(),
      delayType: first?.kind === 'soft-bounce' ? first.delayType : 'General',
      expirationTime: new Date(message.expiresAt).toISOString(),
      delayedRecipients: recipients.map((r) => ({
        emailAddress: r.emailAddress,
        status: r.plan.kind === 'soft-bounce' ? r.plan.status : '4.0.0',
        diagnosticCode: r.plan.kind === 'soft-bounce' ? r.plan.diagnosticCode : '',
      })),
      reportingMTA: `dns; ${smtpOutHost(state)}`,
    }),
  );
  const sinceFirst = task.at - (message.acceptedAt + processingDelay(message));
  const nextAt = task.at + Math.max(FIRST_RETRY_MS, sinceFirst);
  const addresses = recipients.map((r) => r.emailAddress);
  if (nextAt < message.expiresAt)
    schedule(state, nextAt, message.mail.messageId, 'attempt', addresses);
  else if (
    !state.tasks.some((t) => t.messageId === message.mail.messageId && t.kind === 'expire')
  ) {
    schedule(state, message.expiresAt, message.mail.messageId, 'expire', addresses);
  } else {
    const expire = state.tasks.find(
      (t) => t.messageId === message.mail.messageId && t.kind === 'expire',
    );
    if (expire) expire.recipients = [...new Set([...expire.recipients, ...addresses])];
  }
}

/** The time between acceptance and the first attempt, kept on the message. */
function processingDelay(message: SentMessage): number {
  return message.firstAttemptAt - message.acceptedAt;
}

/**
 * A DSN from the receiving server after it accepted the message: reported by that server (its
 * MX as the reporting MTA), with no retry, since SES has already delivered.
 */
function asyncBounce(
  state: SesSimulatorState,
  message: SentMessage,
  at: number,
  recipients: RecipientRecord[],
): void {
  for (const r of recipients) {
    const plan = r.plan.kind === 'deliver' ? r.plan.asyncBounce : undefined;
    if (!plan) continue;
    bounce(state, message, at, [r], {
      bounceType: plan.bounceType,
      bounceSubType: plan.bounceSubType,
      recipients: [
        {
          emailAddress: r.emailAddress,
          action: 'failed',
          status: plan.status,
          diagnosticCode: plan.diagnosticCode,
        },
      ],
      reportingMTA: `dns; mx.${domainOf(r.emailAddress)}`,
    });
  }
}

/**
 * The diagnostic SES gives when it stops retrying: `4.4.7` "Message expired", with the last
 * attempt's reply in angle brackets (ses-facts §6).
 */
export function expiryDiagnostic(message: SentMessage, lastDiagnostic: string): string {
  const minutes = Math.round((message.expiresAt - message.acceptedAt) / 60_000);
  const reply = lastDiagnostic.replace(/^smtp;\s*/i, '');
  return `smtp; 554 4.4.7 Message expired: unable to deliver in ${minutes} minutes.<${reply}>`;
}

function reportSoftBounces(
  state: SesSimulatorState,
  message: SentMessage,
  at: number,
  recipients: RecipientRecord[],
): void {
  const waiting = recipients.filter((r) => r.status === 'delayed');
  const groups = new Map<string, RecipientRecord[]>();
  for (const r of waiting) {
    const plan = r.plan.kind === 'soft-bounce' ? r.plan : undefined;
    const key = `${plan?.dnsFailure ? 'Permanent' : 'Transient'}/${plan?.bounceSubType ?? 'General'}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  for (const [key, group] of groups) {
    const [bounceType, subType] = key.split('/') as ['Permanent' | 'Transient', string];
    for (const r of group) moveRecipient(r, 'bounced');
    bounce(state, message, at, group, {
      bounceType,
      bounceSubType: subType,
      recipients: group.map((r) => {
        const plan = r.plan.kind === 'soft-bounce' ? r.plan : undefined;
        if (!plan) return { emailAddress: r.emailAddress, action: 'failed' };
        // A DNS failure is reported as the hard bounce it is; a soft bounce as expired.
        return plan.dnsFailure
          ? {
              emailAddress: r.emailAddress,
              action: 'failed',
              status: plan.status,
              diagnosticCode: plan.diagnosticCode,
            }
          : {
              emailAddress: r.emailAddress,
              action: 'failed',
              status: '4.4.7',
              diagnosticCode: expiryDiagnostic(message, plan.diagnosticCode),
            };
      }),
      reportingMTA: `dns; ${smtpOutHost(state)}`,
      remoteMtaIp: remoteMtaIp(group[0]?.emailAddress ?? ''),
    });
  }
}
