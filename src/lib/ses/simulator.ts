/**
 * `createSesSimulator`: a faithful SES account in memory, driven by a clock and a seed. Every
 * method first lets due deliveries happen (up to the simulated now), so the state read is always
 * the state at "now".
 */
import { decodeBase64 } from '../mime/base64.ts';
import { inspectMessage } from '../mime/index.ts';
import { checkConfigurationSet } from './configuration-sets.ts';
import { runDueTasks } from './delivery-engine.ts';
import { addIdentity, normalizeIdentity, removeIdentity } from './identities.ts';
import { receiveMessage, type InboundInput } from './inbound.ts';
import { checkOutcomeRule } from './outcome-rules.ts';
import { checkRuleSet } from './receiving.ts';
import type { SendEmailRequest, SendEmailResponse } from './request-types.ts';
import { computeReputation, enforcementStatus, reputationHistory } from './reputation.ts';
import { setProductionAccess, setQuotas, sentLast24Hours } from './sandbox-and-quota.ts';
import { isAtVerifiedDomain } from './self-receipt.ts';
import { acceptSend, type RawInsight } from './send.ts';
import type {
  ReceiveRequest,
  SentMessageView,
  SendQuota,
  SesSimulator,
  SesSimulatorOptions,
  TimelineEntry,
} from './simulator-api.ts';
import { createInitialState, readState } from './state-io.ts';
import type { SentMessage, SesSimulatorState } from './state.ts';
import { SesError } from './errors.ts';
import {
  deleteSuppressedDestination,
  findSuppressedDestination,
  putSuppressedDestination,
} from './suppression.ts';
import { checkTemplate, MAX_TEMPLATES } from './templates.ts';
import { v1SendEmailToV2, v1SendRawEmailToV2 } from './v1-requests.ts';
import { blobBytes, V1_MAX_MESSAGE_BYTES } from './validation.ts';

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
      throw error;
    }
  };
  const send = (request: SendEmailRequest, insight: RawInsight = {}): SendEmailResponse => {
    const now = settle();
    return transact(() => ({ MessageId: acceptSend(state, request, now, insight) }));
  };
  const receive = (request: ReceiveRequest, extra: Partial<InboundInput> = {}) => {
    const now = settle();
    return transact(() =>
      receiveMessage(
        {
          receiving: state.receiving,
          region: state.region,
          random: state.random,
          nowMs: now,
          isVerifiedDomain: (address) => isAtVerifiedDomain(state, address),
        },
        {
          raw: blobBytes(request.raw),
          ...(request.mailFrom !== undefined ? { mailFrom: request.mailFrom } : {}),
          ...(request.rcptTo !== undefined ? { rcptTo: request.rcptTo } : {}),
          ...extra,
        },
      ),
    );
  };
  const quota = (now: number): SendQuota => ({
    Max24HourSend: state.account.max24HourSend,
    MaxSendRate: state.account.maxSendRate,
    SentLast24Hours: sentLast24Hours(state.account, now),
  });

  return {
    verifyIdentity(identity) {
      const now = settle();
      state.identities = addIdentity(state.identities, identity, new Date(now).toISOString());
    },
    deleteIdentity(identity) {
      settle();
      state.identities = removeIdentity(state.identities, identity);
    },
    listIdentities: () => (settle(), structuredClone(state.identities)),
    setIdentityHeadersInNotificationsEnabled(identity, enabled) {
      settle();
      const { identity: key } = normalizeIdentity(identity);
      const record = state.identities.find((r) => r.identity === key);
      if (!record) throw new RangeError(`${identity} is not a verified identity.`);
      record.headersInNotificationsEnabled = enabled;
    },
    putSuppressedDestination(emailAddress, reason) {
      const now = settle();
      state.suppressionList = putSuppressedDestination(
        state.suppressionList,
        emailAddress,
        reason,
        new Date(now).toISOString(),
      );
    },
    deleteSuppressedDestination(emailAddress) {
      settle();
      state.suppressionList = deleteSuppressedDestination(state.suppressionList, emailAddress);
    },
    getSuppressedDestination(emailAddress) {
      settle();
      const entry = findSuppressedDestination(state.suppressionList, emailAddress);
      return entry ? structuredClone(entry) : undefined;
    },
    listSuppressedDestinations: () => (
      settle(),
      state.suppressionList.map(({ emailAddress, reason, lastUpdateTime }) => ({
        emailAddress,
        reason,
        lastUpdateTime,
      }))
    ),
    putAccountSuppressionAttributes(reasons) {
      settle();
      for (const reason of reasons) {
        if (reason !== 'BOUNCE' && reason !== 'COMPLAINT') {
          throw new RangeError(
            `${String(reason)} is not a suppression reason (BOUNCE or COMPLAINT).`,
          );
        }
      }
      state.suppressedReasons = [...new Set(reasons)];
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
        if (error instanceof SesError) return { accepted: false, error };
        throw error;
      }
    },
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
      const inspection = await inspectMessage(blobBytes(raw));
      const decoded = new Map(inspection.headers.map((h) => [h.value, h.decoded]));
      return send(request, {
        attachmentNames: inspection.attachments.flatMap((a) =>
          a.filename !== undefined ? [a.filename] : [],
        ),
        decodeHeader: (value) => decoded.get(value) ?? value,
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
      const next = Math.min(...state.tasks.map((t) => t.at));
      return Number.isFinite(next) ? new Date(next) : undefined;
    },
    notifications: () => (settle(), state.notifications.map((n) => structuredClone(n.payload))),
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
    getSendQuota: () => quota(settle()),
    getAccount() {
      const now = settle();
      return {
        ProductionAccessEnabled: state.account.productionAccessEnabled,
        SendingEnabled: state.account.sendingEnabled,
        EnforcementStatus: enforcementStatus(
          computeReputation(state.reputation),
          state.account.sendingEnabled,
        ),
        SendQuota: quota(now),
        SuppressionAttributes: { SuppressedReasons: [...state.suppressedReasons] },
        PauseOnReputation: state.pauseOnReputation,
      };
    },
    setProductionAccess(enabled, quotas) {
      settle();
      state.account = setProductionAccess(state.account, enabled, quotas);
    },
    setSendQuota(quotas) {
      settle();
      state.account = setQuotas(state.account, quotas);
    },
    setSendingEnabled(enabled) {
      settle();
      state.account = { ...state.account, sendingEnabled: enabled };
    },
    setPauseOnReputation(enabled) {
      settle();
      state.pauseOnReputation = enabled;
    },
    reputation() {
      settle();
      const reputation = computeReputation(state.reputation);
      return {
        ...reputation,
        enforcementStatus: enforcementStatus(reputation, state.account.sendingEnabled),
      };
    },
    reputationHistory: () => (settle(), reputationHistory(state.reputation)),
    outcomeRules: () => (settle(), structuredClone(state.outcomeRules)),
    setOutcomeRules(rules) {
      settle();
      for (const rule of rules) checkOutcomeRule(rule);
      state.outcomeRules = structuredClone([...rules]);
    },
    configurationSets: () => (settle(), structuredClone(state.configurationSets)),
    putConfigurationSet(set) {
      settle();
      checkConfigurationSet(set);
      const copy = structuredClone(set);
      const at = state.configurationSets.findIndex((s) => s.name === set.name);
      if (at >= 0) state.configurationSets[at] = copy;
      else state.configurationSets.push(copy);
    },
    deleteConfigurationSet(name) {
      settle();
      state.configurationSets = state.configurationSets.filter((s) => s.name !== name);
    },
    emailTemplates: () => (settle(), structuredClone(state.templates)),
    putEmailTemplate(template) {
      settle();
      checkTemplate(template);
      const copy = structuredClone(template);
      const at = state.templates.findIndex((t) => t.TemplateName === template.TemplateName);
      if (at >= 0) state.templates[at] = copy;
      else if (state.templates.length >= MAX_TEMPLATES) {
        throw new RangeError('An account has at most 10,000 templates per region.');
      } else state.templates.push(copy);
    },
    deleteEmailTemplate(name) {
      settle();
      state.templates = state.templates.filter((t) => t.TemplateName !== name);
    },
    receiptRuleSets: () => (settle(), structuredClone(state.receiving.ruleSets)),
    putReceiptRuleSet(set) {
      settle();
      checkRuleSet(set);
      const copy = structuredClone(set);
      const sets = state.receiving.ruleSets;
      const at = sets.findIndex((s) => s.name === set.name);
      if (at >= 0) sets[at] = copy;
      else if (sets.length >= 40)
        throw new RangeError('An account has at most 40 receipt rule sets.');
      else sets.push(copy);
    },
    deleteReceiptRuleSet(name) {
      settle();
      if (state.receiving.activeRuleSetName === name) {
        throw new RangeError('The active rule set cannot be deleted; deactivate it first.');
      }
      state.receiving.ruleSets = state.receiving.ruleSets.filter((s) => s.name !== name);
    },
    setActiveReceiptRuleSet(name) {
      settle();
      if (name !== undefined && !state.receiving.ruleSets.some((s) => s.name === name)) {
        throw new RangeError(`There is no receipt rule set named ${name}.`);
      }
      if (name === undefined) delete state.receiving.activeRuleSetName;
      else state.receiving.activeRuleSetName = name;
    },
    activeReceiptRuleSet: () => (settle(), state.receiving.activeRuleSetName),
    receiveEmail: (request) => structuredClone(receive(request)),
    async receiveEmailAsync(request) {
      const inspection = await inspectMessage(blobBytes(request.raw));
      return structuredClone(
        receive(request, {
          ...(inspection.subject !== undefined ? { subject: inspection.subject } : {}),
          body: [inspection.text, inspection.html].filter((t) => t !== undefined).join('\n'),
        }),
      );
    },
    inbound: () => (settle(), structuredClone(state.receiving.inbound)),
    deleteInbound(messageId) {
      settle();
      state.receiving.inbound = state.receiving.inbound.filter((r) => r.messageId !== messageId);
    },
    exportState: () => (settle(), structuredClone(state)),
    importState(value) {
      state = readState(value);
      for (const rule of state.outcomeRules) checkOutcomeRule(rule);
    },
  };
}
