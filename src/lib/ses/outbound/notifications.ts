/**
 * The two notification formats (ses-facts §5): identity feedback notifications sent to SNS
 * (`notificationType`: Bounce, Complaint, Delivery) and configuration-set event publishing
 * (`eventType`: Send, Reject, Bounce, Complaint, Delivery, DeliveryDelay, …). Field order follows
 * SES's own examples.
 */
import { eventMail, notificationMail, type EventMailForm, type MailRecord } from './mail-object.ts';

/** A recipient of a `bounce` object. */
export interface BouncedRecipient {
  emailAddress: string;
  action?: string;
  status?: string;
  diagnosticCode?: string;
}

/** The `bounce` object. */
export interface BounceObject {
  bounceType: 'Permanent' | 'Transient' | 'Undetermined';
  bounceSubType: string;
  bouncedRecipients: BouncedRecipient[];
  timestamp: string;
  feedbackId: string;
  remoteMtaIp?: string;
  reportingMTA?: string;
}

/** The `complaint` object. */
export interface ComplaintObject {
  complainedRecipients: Array<{ emailAddress: string }>;
  timestamp: string;
  feedbackId: string;
  complaintSubType: string | null;
  userAgent?: string;
  complaintFeedbackType?: string;
  arrivalDate?: string;
}

/** The `delivery` object. */
export interface DeliveryObject {
  timestamp: string;
  processingTimeMillis: number;
  recipients: string[];
  smtpResponse: string;
  reportingMTA: string;
  remoteMtaIp?: string;
}

/** The `deliveryDelay` object. */
export interface DeliveryDelayObject {
  timestamp: string;
  delayType: string;
  expirationTime: string;
  delayedRecipients: Array<{ emailAddress: string; status: string; diagnosticCode: string }>;
  reportingMTA?: string;
}

/** The feedback notification types. */
export type NotificationType = 'Bounce' | 'Complaint' | 'Delivery';

function bouncePayload(bounce: BounceObject): object {
  const out: Record<string, unknown> = {
    bounceType: bounce.bounceType,
    bounceSubType: bounce.bounceSubType,
    bouncedRecipients: bounce.bouncedRecipients.map((r) => {
      const recipient: Record<string, string> = { emailAddress: r.emailAddress };
      if (r.action !== undefined) recipient.action = r.action;
      if (r.status !== undefined) recipient.status = r.status;
      if (r.diagnosticCode !== undefined) recipient.diagnosticCode = r.diagnosticCode;
      return recipient;
    }),
    timestamp: bounce.timestamp,
    feedbackId: bounce.feedbackId,
  };
  if (bounce.remoteMtaIp !== undefined) out.remoteMtaIp = bounce.remoteMtaIp;
  if (bounce.reportingMTA !== undefined) out.reportingMTA = bounce.reportingMTA;
  return out;
}

/** The feedback form of a complaint: `userAgent` first, as in SES's notification example. */
function complaintNotificationPayload(complaint: ComplaintObject): object {
  const out: Record<string, unknown> = {};
  if (complaint.userAgent !== undefined) out.userAgent = complaint.userAgent;
  out.complainedRecipients = complaint.complainedRecipients.map((r) => ({ ...r }));
  if (complaint.complaintFeedbackType !== undefined) {
    out.complaintFeedbackType = complaint.complaintFeedbackType;
  }
  if (complaint.arrivalDate !== undefined) out.arrivalDate = complaint.arrivalDate;
  out.timestamp = complaint.timestamp;
  out.feedbackId = complaint.feedbackId;
  out.complaintSubType = complaint.complaintSubType;
  return out;
}

/** The event form of a complaint, in the order of SES's event example. */
function complaintEventPayload(complaint: ComplaintObject): object {
  const out: Record<string, unknown> = {
    complainedRecipients: complaint.complainedRecipients.map((r) => ({ ...r })),
    timestamp: complaint.timestamp,
    feedbackId: complaint.feedbackId,
    complaintSubType: complaint.complaintSubType,
  };
  if (complaint.userAgent !== undefined) out.userAgent = complaint.userAgent;
  if (complaint.complaintFeedbackType !== undefined) {
    out.complaintFeedbackType = complaint.complaintFeedbackType;
  }
  if (complaint.arrivalDate !== undefined) out.arrivalDate = complaint.arrivalDate;
  return out;
}

/** A `Bounce` feedback notification. */
export function bounceNotification(
  mail: MailRecord,
  bounce: BounceObject,
  includeHeaders: boolean,
): object {
  return {
    notificationType: 'Bounce',
    bounce: bouncePayload(bounce),
    mail: notificationMail(mail, includeHeaders),
  };
}

/** A `Complaint` feedback notification. */
export function complaintNotification(
  mail: MailRecord,
  complaint: ComplaintObject,
  includeHeaders: boolean,
): object {
  return {
    notificationType: 'Complaint',
    complaint: complaintNotificationPayload(complaint),
    mail: notificationMail(mail, includeHeaders),
  };
}

/** A `Delivery` feedback notification. */
export function deliveryNotification(
  mail: MailRecord,
  delivery: DeliveryObject,
  includeHeaders: boolean,
): object {
  const payload: Record<string, unknown> = {
    timestamp: delivery.timestamp,
    recipients: [...delivery.recipients],
    processingTimeMillis: delivery.processingTimeMillis,
    reportingMTA: delivery.reportingMTA,
    smtpResponse: delivery.smtpResponse,
  };
  if (delivery.remoteMtaIp !== undefined) payload.remoteMtaIp = delivery.remoteMtaIp;
  return {
    notificationType: 'Delivery',
    mail: notificationMail(mail, includeHeaders),
    delivery: payload,
  };
}

function event(type: string, mail: MailRecord, form: EventMailForm, key: string, body: object) {
  return { eventType: type, mail: eventMail(mail, form), [key]: body };
}

/** A `Send` event: `send` is always `{}`. */
export function sendEvent(mail: MailRecord): object {
  return event('Send', mail, 'send', 'send', {});
}

/** A `Reject` event: SES found a virus; `reason` is always `Bad content`. */
export function rejectEvent(mail: MailRecord): object {
  return event('Reject', mail, 'send', 'reject', { reason: 'Bad content' });
}

/** A `Bounce` event. */
export function bounceEvent(mail: MailRecord, bounce: BounceObject): object {
  return event('Bounce', mail, 'after-delivery', 'bounce', bouncePayload(bounce));
}

/** A `Complaint` event. */
export function complaintEvent(mail: MailRecord, complaint: ComplaintObject): object {
  return event('Complaint', mail, 'after-delivery', 'complaint', complaintEventPayload(complaint));
}

/** A `Delivery` event. */
export function deliveryEvent(mail: MailRecord, delivery: DeliveryObject): object {
  return event('Delivery', mail, 'after-delivery', 'delivery', {
    timestamp: delivery.timestamp,
    processingTimeMillis: delivery.processingTimeMillis,
    recipients: [...delivery.recipients],
    smtpResponse: delivery.smtpResponse,
    reportingMTA: delivery.reportingMTA,
  });
}

/** A `Rendering Failure` event (reduced `mail` object, as in SES's example). */
export function renderingFailureEvent(
  mail: MailRecord,
  failure: { templateName: string; errorMessage: string },
): object {
  return event('Rendering Failure', mail, 'reduced', 'failure', {
    errorMessage: failure.errorMessage,
    templateName: failure.templateName,
  });
}

/** A `DeliveryDelay` event (with the reduced `mail` object of SES's example). */
export function deliveryDelayEvent(mail: MailRecord, delay: DeliveryDelayObject): object {
  const body: Record<string, unknown> = {
    timestamp: delay.timestamp,
    delayType: delay.delayType,
    expirationTime: delay.expirationTime,
    delayedRecipients: delay.delayedRecipients.map((r) => ({ ...r })),
  };
  if (delay.reportingMTA !== undefined) body.reportingMTA = delay.reportingMTA;
  return event('DeliveryDelay', mail, 'reduced', 'deliveryDelay', body);
}

/** An `Open` event: the recipient's client loaded the open pixel. */
export function openEvent(
  mail: MailRecord,
  open: { ipAddress: string; timestamp: string; userAgent: string },
): object {
  return event('Open', mail, 'after-delivery', 'open', {
    ipAddress: open.ipAddress,
    timestamp: open.timestamp,
    userAgent: open.userAgent,
  });
}

/** A `Click` event: the recipient followed a tracked link (`linkTags` from its `ses:tags`). */
export function clickEvent(
  mail: MailRecord,
  click: {
    ipAddress: string;
    timestamp: string;
    userAgent: string;
    link: string;
    linkTags: Record<string, string[]>;
  },
): object {
  return event('Click', mail, 'after-delivery', 'click', {
    ipAddress: click.ipAddress,
    timestamp: click.timestamp,
    userAgent: click.userAgent,
    link: click.link,
    linkTags: structuredClone(click.linkTags),
  });
}
