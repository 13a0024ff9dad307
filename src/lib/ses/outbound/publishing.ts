/**
 * Publishing what happens to a message: feedback notifications to the sending identity, events
 * to the message's configuration set destinations, and the side effects SES attaches to bounces
 * and complaints (the suppression lists and the reputation rates).
 */
import { destinationsFor, type EventType } from '../account/configuration-sets.ts';
import { domainOf } from '../identities/address.ts';
import { nextInt, sesMessageId } from '../api/ids.ts';
import { computeReputation, reachesPauseThreshold } from '../account/reputation.ts';
import type { SentMessage, SesSimulatorState } from '../api/state.ts';
import {
  putSuppressedDestination,
  recordGlobalHardBounce,
  type SuppressionReason,
} from '../account/suppression.ts';

/** The host SES delivers from, e.g. `a8-70.smtp-out.amazonses.com`. */
export function smtpOutHost(state: SesSimulatorState): string {
  return state.region === 'us-east-1'
    ? 'a8-70.smtp-out.amazonses.com'
    : `a8-70.smtp-out.${state.region}.amazonses.com`;
}

/** A remote MTA address for a recipient's domain, stable per domain (RFC 5737 range). */
export function remoteMtaIp(address: string): string {
  let hash = 0;
  const domain = domainOf(address);
  for (let i = 0; i < domain.length; i++) hash = (hash * 31 + domain.charCodeAt(i)) >>> 0;
  return `198.51.100.${(hash % 254) + 1}`;
}

/** A new feedback id, as SES writes them (the message id format). */
export function newFeedbackId(state: SesSimulatorState, atMs: number): string {
  return sesMessageId(state.random, state.region, atMs);
}

/** A whole number in [min, max) from the simulator's generator. */
export function randomInt(state: SesSimulatorState, min: number, max: number): number {
  return nextInt(state.random, min, max);
}

/**
 * Send a feedback notification to the SNS topic the message's identity has for its type; SES
 * publishes none where the identity has no topic.
 */
export function publishNotification(
  state: SesSimulatorState,
  message: SentMessage,
  at: number,
  notificationType: 'Bounce' | 'Complaint' | 'Delivery',
  build: (includeHeaders: boolean) => object,
): void {
  const identity = state.identities.find((record) => record.identity === message.identity);
  const topicArn = identity?.notificationTopics?.[notificationType];
  if (!topicArn) return;
  state.notifications.push({
    topicArn,
    at,
    messageId: message.mail.messageId,
    identity: message.identity,
    notificationType,
    payload: build(identity?.headersInNotificationsEnabled ?? false),
  });
}

/** Publish an event to the destinations of the message's configuration set that take it. */
export function publishEvent(
  state: SesSimulatorState,
  message: SentMessage,
  at: number,
  type: EventType,
  build: () => object,
): void {
  const name = message.mail.configurationSetName;
  if (name === undefined) return;
  const set = state.configurationSets.find((s) => s.name === name);
  if (!set) return;
  const destinations = destinationsFor(set, type);
  if (destinations.length === 0) return;
  const payload = build();
  state.events.push({
    at,
    messageId: message.mail.messageId,
    configurationSetName: name,
    destinations: destinations.map((d) => d.name),
    eventType: (payload as { eventType: string }).eventType,
    payload,
  });
}

/** The suppression reasons in effect for a message: its configuration set's, else the account's. */
export function suppressedReasonsFor(
  state: SesSimulatorState,
  configurationSetName: string | undefined,
): SuppressionReason[] {
  const set = state.configurationSets.find((s) => s.name === configurationSetName);
  return [...(set?.suppressedReasons ?? state.suppressedReasons)];
}

/** Put an address on the account list automatically, if the reason is in use for the message. */
export function feedSuppression(
  state: SesSimulatorState,
  message: SentMessage,
  address: string,
  reason: SuppressionReason,
  at: number,
  feedbackId: string,
): void {
  if (!suppressedReasonsFor(state, message.mail.configurationSetName).includes(reason)) return;
  state.suppressionList = putSuppressedDestination(
    state.suppressionList,
    address,
    reason,
    new Date(at).toISOString(),
    { messageId: message.mail.messageId, feedbackId },
  );
}

/** Record a hard bounce on SES's global list. */
export function feedGlobalSuppression(state: SesSimulatorState, address: string, at: number): void {
  state.globalSuppressionList = recordGlobalHardBounce(state.globalSuppressionList, address, at);
}

/** Count something toward the rates, and pause sending if that is on and a threshold is reached. */
export function countReputation(
  state: SesSimulatorState,
  at: number,
  kind: 'send' | 'bounce' | 'complaint',
  count: number,
): void {
  if (count <= 0) return;
  state.reputation.push({ at, kind, count });
  if (state.pauseOnReputation && reachesPauseThreshold(computeReputation(state.reputation))) {
    state.account = { ...state.account, sendingEnabled: false };
  }
}
