/**
 * Reporting bounces and complaints: the notification and event SES publishes for each, and what
 * follows from them (the suppression lists and the reputation rates).
 */
import {
  bounceEvent,
  bounceNotification,
  complaintEvent,
  complaintNotification,
  type BounceObject,
} from './notifications.ts';
import {
  countReputation,
  feedGlobalSuppression,
  feedSuppression,
  newFeedbackId,
  publishEvent,
  publishNotification,
} from './publishing.ts';
import type { RecipientRecord, SentMessage, SesSimulatorState } from '../api/state.ts';
import { bounceEmail, complaintEmail, forwardFeedback } from './feedback-email.ts';
import { moveRecipient } from './recipient-status.ts';

/** What a bounce reports. */
export interface BounceSpec {
  bounceType: BounceObject['bounceType'];
  bounceSubType: string;
  recipients: BounceObject['bouncedRecipients'];
  reportingMTA?: string;
  remoteMtaIp?: string;
}

/** Report a bounce for some recipients; a Permanent one feeds suppression and the bounce rate. */
export function bounce(
  state: SesSimulatorState,
  message: SentMessage,
  at: number,
  recipients: RecipientRecord[],
  spec: BounceSpec,
): void {
  const feedbackId = newFeedbackId(state, at);
  const object: BounceObject = {
    bounceType: spec.bounceType,
    bounceSubType: spec.bounceSubType,
    bouncedRecipients: spec.recipients,
    timestamp: new Date(at).toISOString(),
    feedbackId,
    ...(spec.remoteMtaIp !== undefined ? { remoteMtaIp: spec.remoteMtaIp } : {}),
    ...(spec.reportingMTA !== undefined ? { reportingMTA: spec.reportingMTA } : {}),
  };
  publishNotification(state, message, at, 'Bounce', (headers) =>
    bounceNotification(message.mail, object, headers),
  );
  publishEvent(state, message, at, 'BOUNCE', () => bounceEvent(message.mail, object));
  forwardFeedback(state, message, at, 'bounce', (to) =>
    bounceEmail(state, message, to, object, at),
  );
  if (spec.bounceType !== 'Permanent') return;
  let counted = 0;
  for (const r of recipients) {
    if (r.status !== 'bounced') moveRecipient(r, 'bounced');
    if (r.route === 'outcome-rule' || r.route === 'global-suppressed') {
      feedSuppression(state, message, r.emailAddress, 'BOUNCE', at, feedbackId);
      if (r.route === 'outcome-rule') feedGlobalSuppression(state, r.emailAddress, at);
      if (r.countsForReputation) counted++;
    }
  }
  countReputation(state, at, 'bounce', counted);
}

/**
 * Recipients on the account list for complaints are not sent to; SES reports them as a complaint
 * with `complaintSubType` `OnAccountSuppressionList`, which counts toward no rate.
 */
export function suppressedComplaint(
  state: SesSimulatorState,
  message: SentMessage,
  at: number,
  recipients: RecipientRecord[],
): void {
  for (const r of recipients) moveRecipient(r, 'suppressed');
  const complaint = {
    complainedRecipients: recipients.map((r) => ({ emailAddress: r.emailAddress })),
    timestamp: new Date(at).toISOString(),
    feedbackId: newFeedbackId(state, at),
    complaintSubType: 'OnAccountSuppressionList',
  };
  publishNotification(state, message, at, 'Complaint', (headers) =>
    complaintNotification(message.mail, complaint, headers),
  );
  publishEvent(state, message, at, 'COMPLAINT', () => complaintEvent(message.mail, complaint));
  forwardFeedback(state, message, at, 'complaint', (to) =>
    complaintEmail(state, message, to, complaint, at),
  );
}

/** Report the complaints due for some delivered recipients. */
export function complain(
  state: SesSimulatorState,
  message: SentMessage,
  at: number,
  recipients: RecipientRecord[],
): void {
  for (const r of recipients) {
    const plan = r.plan;
    if (plan.kind !== 'deliver' || !plan.complaint) continue;
    r.complained = true;
    const feedbackId = newFeedbackId(state, at);
    const complaint = {
      complainedRecipients: [{ emailAddress: r.emailAddress }],
      timestamp: new Date(at).toISOString(),
      feedbackId,
      complaintSubType: null,
      ...(plan.complaint.userAgent !== undefined ? { userAgent: plan.complaint.userAgent } : {}),
      complaintFeedbackType: plan.complaint.feedbackType,
      arrivalDate: new Date(at).toISOString(),
    };
    publishNotification(state, message, at, 'Complaint', (headers) =>
      complaintNotification(message.mail, complaint, headers),
    );
    publishEvent(state, message, at, 'COMPLAINT', () => complaintEvent(message.mail, complaint));
    forwardFeedback(state, message, at, 'complaint', (to) =>
      complaintEmail(state, message, to, complaint, at),
    );
    if (r.route === 'outcome-rule') {
      feedSuppression(state, message, r.emailAddress, 'COMPLAINT', at, feedbackId);
      if (r.countsForReputation) countReputation(state, at, 'complaint', 1);
    }
  }
}
