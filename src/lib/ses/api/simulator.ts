/**
 * `createSesSimulator`: a faithful SES account in memory, driven by a clock and a seed. Every
 * method first lets due deliveries happen (up to the simulated now), so the state read is always
 * the state at "now".
 */
import { decodeBase64, inspectMessage } from '../../mime/index.ts';
import { runDueTasks } from '../outbound/delivery-engine.ts';
import { asSesError, SesError } from './errors.ts';
import { checkOutcomeRule } from '../account/outcome-rules.ts';
import type { SendEmailRequest, SendEmailResponse } from './request-types.ts';
import { acceptSend, type RawInsight } from '../outbound/send.ts';
import { accountMethods } from './simulator-account.ts';
import type {
  SentMessageView,
  SesSimulator,
  SesSimulatorOptions,
  TimelineEntry,
} from './simulator-api.ts';
import type { SimulatorContext } from './simulator-context.ts';
import { receivingMethods } from './simulator-receiving.ts';
import { identityMethods } from './simulator-identities.ts';
import { contactListMethods } from './simulator-contact-lists.ts';
import { checkLifecycles } from '../identities/email-identities.ts';
import { createInitialState, readState } from './state-io.ts';
import type { SentMessage, SesSimulatorState } from './state.ts';
import { v1SendEmailToV2, v1SendRawEmailToV2 } from './v1-requests.ts';
import {
  sendBulkEmail,
  sendBulkTemplatedEmail,
  testRenderEmailTemplate,
  v1TemplatedToV2,
  type SendAs,
} from './templated-sending.ts';
import { blobBytes } from '../outbound/validation.ts';
import { V1_MAX_MESSAGE_BYTES } from '../limits.ts';

/** A sent message as the workspace lists it. */
function messageView(m: SentMessage): SentMessageView {
  return {
    messageId: m.mail.messageId,
    timestamp: m.mail.timestamp,
    source: m.mail.source,
    destination: [...m.mail.destination],
    ...(m.mail.commonHeaders.subject !== undefined
      ? { subject: m.mail.commonHeaders.subject }
      : {}),
    ...(m.mail.configurationSetName !== undefined
      ? { configurationSetName: m.mail.configurationSetName }
      : {}),
    content: m.content,
    rejected: m.rejected,
    ...(m.renderingFailure ? { renderingFailure: { ...m.renderingFailure } } : {}),
    ...(m.listManagement ? { listManagement: { ...m.listManagement } } : {}),
    recipients: m.recipients.map(({ emailAddress, route, status, complained }) => ({
      emailAddress,
      route,
      status,
      complained,
    })),
    raw: decodeBase64(m.deliveredRaw),
  };
}

/** The clock a simulator uses when none is given: 2026-01-01T00:00:00Z, fixed. */
export const DEFAULT_EPOCH = Date.UTC(2026, 0, 1);

/** Make a simulator (SPEC: `createSesSimulator(options)`). */
export function createSesSimulator(options: SesSimulatorOptions = {}): SesSimulator {
  const clock = options.now ?? (() => new Date(DEFAULT_EPOCH));
  let state: SesSimulatorState =
    options.state !== undefined
      ? readState(options.state)
      : createInitialState({
          seed: options.seed ?? 1,
          region: options.region ?? 'us-east-1',
          sandbox: options.sandbox ?? true,
          nowMs: clock().getTime(),
          ...(options.accountId !== undefined ? { accountId: options.accountId } : {}),
          ...(options.callerIdentity !== undefined
            ? { callerIdentity: options.callerIdentity }
            : {}),
          ...(options.sourceIp !== undefined ? { sourceIp: options.sourceIp } : {}),
          ...(options.outcomeRules !== undefined ? { outcomeRules: options.outcomeRules } : {}),
        });
  for (const rule of state.outcomeRules) checkOutcomeRule(rule);

  const nowMs = () => clock().getTime() + state.clockOffsetMs;
  const settle = () => {
    const now = nowMs();
    state.identities = checkLifecycles(state.authentication, state.identities, now);
    runDueTasks(state, now);
    return now;
  };
  /**
   * Run a change. Sends and receipts check everything before they change anything but the
   * generator, so restoring the generator leaves a failed call without effect.
   */
  const transact = <T>(change: () => T): T => {
    const saved = state.random.state;
    try {
      return change();
    } catch (error) {
      state.random.state = saved;
      throw asSesError(error);
    }
  };
  const send = (request: SendEmailRequest, insight: RawInsight = {}): SendEmailResponse => {
    const now = settle();
    return transact(() => ({ MessageId: acceptSend(state, request, now, insight) }));
  };
  const sendAs: SendAs = (request, operation, v1) =>
    send(request, { operation, ...(v1 ? { sizeLimit: V1_MAX_MESSAGE_BYTES } : {}) });
  const ctx: SimulatorContext = {
    get state() {
      return state;
    },
    settle,
    transact,
  };

  return {
    ...accountMethods(ctx),
    ...receivingMethods(ctx),
    ...identityMethods(ctx),
    ...contactListMethods(ctx),
    deliveredMessage(messageId, recipient) {
      settle();
      const message = state.messages.find((m) => m.mail.messageId === messageId);
      if (!message) throw new RangeError(`No message ${messageId} was sent.`);
      const record = message.recipients.find((r) => r.emailAddress === recipient);
      if (!record) throw new RangeError(`${recipient} is not a recipient of ${messageId}.`);
      if (record.status !== 'delivered') {
        throw new RangeError(
          `${recipient} has not received ${messageId}; its status is ${record.status}.`,
        );
      }
      return decodeBase64(message.deliveredRaw);
    },
    sendEmail: (request) => send(request),
    previewSend(request) {
      const now = settle();
      const copy = structuredClone(state);
      try {
        const id = acceptSend(copy, request, now);
        const message = copy.messages.find((m) => m.mail.messageId === id) as SentMessage;
        return {
          accepted: true,
          message: messageView(message),
          plans: message.recipients.map(({ emailAddress, route, plan }) => ({
            emailAddress,
            route,
            plan,
          })),
        };
      } catch (error) {
        const answer = asSesError(error);
        if (answer instanceof SesError) return { accepted: false, error: answer };
        throw answer;
      }
    },
    sendBulkEmail: (request) => sendBulkEmail(request, sendAs),
    testRenderEmailTemplate: (request) => testRenderEmailTemplate(ctx, request),
    sendV1TemplatedEmail: (request) => sendAs(v1TemplatedToV2(request), 'SendTemplatedEmail', true),
    sendV1BulkTemplatedEmail: (request) => sendBulkTemplatedEmail(request, sendAs),
    sendV1Email: (request) =>
      send(v1SendEmailToV2(request), { operation: 'SendEmail', sizeLimit: V1_MAX_MESSAGE_BYTES }),
    sendV1RawEmail: (request) =>
      send(v1SendRawEmailToV2(request), {
        operation: 'SendRawEmail',
        sizeLimit: V1_MAX_MESSAGE_BYTES,
      }),
    async sendEmailAsync(request) {
      const raw = request.Content?.Raw?.Data;
      if (raw === undefined) return send(request);
      const inspection = await inspectMessage(blobBytes(raw)).catch((error: unknown) => {
        throw asSesError(error);
      });
      return send(request, {
        attachmentNames: inspection.attachments.flatMap((a) =>
          a.filename !== undefined ? [a.filename] : [],
        ),
      });
    },
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0)
        throw new RangeError('Time can only move forward by a finite number of milliseconds.');
      settle();
      state.clockOffsetMs += ms;
      settle();
    },
    now: () => new Date(settle()),
    nextScheduledAt() {
      settle();
      // A loop, not `Math.min(...)`: an imported state may hold more tasks than a call takes.
      const next = state.tasks.reduce((min, task) => Math.min(min, task.at), Infinity);
      return Number.isFinite(next) ? new Date(next) : undefined;
    },
    notifications: () => (settle(), state.notifications.map((n) => structuredClone(n.payload))),
    feedbackEmails: () => (
      settle(),
      state.feedbackEmails.map(({ at, to, kind, messageId, raw }) => ({
        at,
        to,
        kind,
        messageId,
        raw: decodeBase64(raw),
      }))
    ),
    events: () => (settle(), state.events.map((e) => structuredClone(e.payload))),
    notificationLog: () => (settle(), structuredClone(state.notifications)),
    eventLog: () => (settle(), structuredClone(state.events)),
    messages: () => (settle(), state.messages.map(messageView)),
    timeline(messageId) {
      settle();
      const entries: TimelineEntry[] = [
        ...state.notifications
          .filter((n) => n.messageId === messageId)
          .map((n) => ({
            at: n.at,
            channel: 'notification' as const,
            type: n.notificationType,
            payload: structuredClone(n.payload),
          })),
        ...state.events
          .filter((e) => e.messageId === messageId)
          .map((e) => ({
            at: e.at,
            channel: 'event' as const,
            type: e.eventType,
            payload: structuredClone(e.payload),
          })),
      ];
      return entries.sort((a, b) => a.at - b.at);
    },
    exportState: () => (settle(), structuredClone(state)),
    importState(value) {
      state = readState(value);
      for (const rule of state.outcomeRules) checkOutcomeRule(rule);
    },
  };
}
