/**
 * The simulator's account settings: identities, suppression, quotas and sandbox, reputation,
 * outcome rules, configuration sets and templates.
 */
import { checkConfigurationSet } from '../account/configuration-sets.ts';
import {
  addIdentity,
  normalizeIdentity,
  removeIdentity,
  type IdentityRecord,
} from '../identities/identities.ts';
import { invalidParameterError } from './errors.ts';
import { checkOutcomeRule } from '../account/outcome-rules.ts';
import { computeReputation, enforcementStatus, reputationHistory } from '../account/reputation.ts';
import { setProductionAccess, setQuotas, sentLast24Hours } from '../account/sandbox-and-quota.ts';
import type { PutSuppressedDestinationRequest, SendQuota, SesSimulator } from './simulator-api.ts';
import type { SuppressionReason } from '../account/suppression.ts';
import type { SimulatorContext } from './simulator-context.ts';
import {
  deleteSuppressedDestination,
  findSuppressedDestination,
  notOnSuppressionListError,
  putSuppressedDestination,
  toSuppressedDestination,
} from '../account/suppression.ts';
import { listSuppressedDestinations } from '../account/suppression-listing.ts';
import { checkTemplate } from '../account/templates.ts';
import { SIMULATOR_WORDING } from '../wording.ts';
import { MAX_TEMPLATES } from '../limits.ts';

/** The address of a Get or Delete, given alone or as SES v2's `{ EmailAddress }`. */
function addressOf(request: string | { EmailAddress: string }): string {
  return typeof request === 'string' ? request : String(request.EmailAddress);
}

/** An identity's record; RangeError when it is not one of the account's. */
function identityRecord(ctx: SimulatorContext, identity: string): IdentityRecord {
  ctx.settle();
  const { identity: key } = normalizeIdentity(identity);
  const record = ctx.state.identities.find((r) => r.identity === key);
  if (!record) throw new RangeError(`${identity} is not a verified identity.`);
  return record;
}

/** The methods a simulator has for its account's settings. */
export type AccountMethods = Pick<
  SesSimulator,
  | 'verifyIdentity'
  | 'deleteIdentity'
  | 'listIdentities'
  | 'setIdentityHeadersInNotificationsEnabled'
  | 'setIdentityNotificationTopic'
  | 'setIdentityFeedbackForwardingEnabled'
  | 'putSuppressedDestination'
  | 'deleteSuppressedDestination'
  | 'getSuppressedDestination'
  | 'listSuppressedDestinations'
  | 'putAccountSuppressionAttributes'
  | 'getSendQuota'
  | 'getAccount'
  | 'setProductionAccess'
  | 'setSendQuota'
  | 'setSendingEnabled'
  | 'setPauseOnReputation'
  | 'reputation'
  | 'reputationHistory'
  | 'outcomeRules'
  | 'setOutcomeRules'
  | 'configurationSets'
  | 'putConfigurationSet'
  | 'deleteConfigurationSet'
  | 'emailTemplates'
  | 'putEmailTemplate'
  | 'deleteEmailTemplate'
>;

/** The account methods of a simulator, working on its context. */
export function accountMethods(ctx: SimulatorContext): AccountMethods {
  const quota = (now: number): SendQuota => ({
    Max24HourSend: ctx.state.account.max24HourSend,
    MaxSendRate: ctx.state.account.maxSendRate,
    SentLast24Hours: sentLast24Hours(ctx.state.account, now),
  });

  return {
    verifyIdentity(identity) {
      const now = ctx.settle();
      ctx.state.identities = addIdentity(
        ctx.state.identities,
        identity,
        new Date(now).toISOString(),
      );
    },
    deleteIdentity(identity) {
      ctx.settle();
      ctx.state.identities = removeIdentity(ctx.state.identities, identity);
    },
    listIdentities: () => (ctx.settle(), structuredClone(ctx.state.identities)),
    setIdentityHeadersInNotificationsEnabled(identity, enabled) {
      identityRecord(ctx, identity).headersInNotificationsEnabled = enabled;
    },
    setIdentityNotificationTopic(identity, type, topicArn) {
      const record = identityRecord(ctx, identity);
      if (topicArn !== undefined && !/^arn:aws:sns:[^:]+:\d{12}:[\w-]{1,256}$/.test(topicArn)) {
        throw new RangeError(`${topicArn} is not an SNS topic ARN.`);
      }
      const topics = { ...record.notificationTopics };
      if (topicArn === undefined) delete topics[type];
      else topics[type] = topicArn;
      record.notificationTopics = topics;
      // Without both topics, SES forwards feedback by email again (absent means on).
      if (!topics.Bounce || !topics.Complaint) delete record.feedbackForwardingEnabled;
    },
    setIdentityFeedbackForwardingEnabled(identity, enabled) {
      const record = identityRecord(ctx, identity);
      if (!enabled && !(record.notificationTopics?.Bounce && record.notificationTopics.Complaint)) {
        throw invalidParameterError(
          'Feedback forwarding can only be turned off once Bounce and Complaint notifications go to SNS topics.' +
            SIMULATOR_WORDING,
        );
      }
      record.feedbackForwardingEnabled = enabled;
    },
    putSuppressedDestination(
      request: string | PutSuppressedDestinationRequest,
      reason?: SuppressionReason,
    ) {
      const now = ctx.settle();
      const asked =
        typeof request === 'string' ? { EmailAddress: request, Reason: reason } : request;
      ctx.state.suppressionList = putSuppressedDestination(
        ctx.state.suppressionList,
        String(asked.EmailAddress),
        asked.Reason as SuppressionReason,
        new Date(now).toISOString(),
      );
    },
    deleteSuppressedDestination(emailAddress) {
      ctx.settle();
      ctx.state.suppressionList = deleteSuppressedDestination(
        ctx.state.suppressionList,
        addressOf(emailAddress),
      );
    },
    getSuppressedDestination(emailAddress) {
      ctx.settle();
      const address = addressOf(emailAddress);
      const entry = findSuppressedDestination(ctx.state.suppressionList, address);
      if (!entry) throw notOnSuppressionListError(address);
      return { SuppressedDestination: toSuppressedDestination(entry) };
    },
    listSuppressedDestinations: (request) => (
      ctx.settle(),
      listSuppressedDestinations(ctx.state.suppressionList, request)
    ),
    putAccountSuppressionAttributes(reasons) {
      ctx.settle();
      for (const reason of reasons) {
        if (reason !== 'BOUNCE' && reason !== 'COMPLAINT') {
          throw new RangeError(
            `${String(reason)} is not a suppression reason (BOUNCE or COMPLAINT).`,
          );
        }
      }
      ctx.state.suppressedReasons = [...new Set(reasons)];
    },
    getSendQuota: () => quota(ctx.settle()),
    getAccount() {
      const now = ctx.settle();
      return {
        ProductionAccessEnabled: ctx.state.account.productionAccessEnabled,
        SendingEnabled: ctx.state.account.sendingEnabled,
        EnforcementStatus: enforcementStatus(
          computeReputation(ctx.state.reputation),
          ctx.state.account.sendingEnabled,
        ),
        SendQuota: quota(now),
        SuppressionAttributes: { SuppressedReasons: [...ctx.state.suppressedReasons] },
        PauseOnReputation: ctx.state.pauseOnReputation,
      };
    },
    setProductionAccess(enabled, quotas) {
      ctx.settle();
      ctx.state.account = setProductionAccess(ctx.state.account, enabled, quotas);
    },
    setSendQuota(quotas) {
      ctx.settle();
      ctx.state.account = setQuotas(ctx.state.account, quotas);
    },
    setSendingEnabled(enabled) {
      ctx.settle();
      ctx.state.account = { ...ctx.state.account, sendingEnabled: enabled };
    },
    setPauseOnReputation(enabled) {
      ctx.settle();
      ctx.state.pauseOnReputation = enabled;
    },
    reputation() {
      ctx.settle();
      const reputation = computeReputation(ctx.state.reputation);
      return {
        ...reputation,
        enforcementStatus: enforcementStatus(reputation, ctx.state.account.sendingEnabled),
      };
    },
    reputationHistory: () => (ctx.settle(), reputationHistory(ctx.state.reputation)),
    outcomeRules: () => (ctx.settle(), structuredClone(ctx.state.outcomeRules)),
    setOutcomeRules(rules) {
      ctx.settle();
      for (const rule of rules) checkOutcomeRule(rule);
      ctx.state.outcomeRules = structuredClone([...rules]);
    },
    configurationSets: () => (ctx.settle(), structuredClone(ctx.state.configurationSets)),
    putConfigurationSet(set) {
      ctx.settle();
      checkConfigurationSet(set);
      const copy = structuredClone(set);
      const at = ctx.state.configurationSets.findIndex((s) => s.name === set.name);
      if (at >= 0) ctx.state.configurationSets[at] = copy;
      else ctx.state.configurationSets.push(copy);
    },
    deleteConfigurationSet(name) {
      ctx.settle();
      ctx.state.configurationSets = ctx.state.configurationSets.filter((s) => s.name !== name);
    },
    emailTemplates: () => (ctx.settle(), structuredClone(ctx.state.templates)),
    putEmailTemplate(template) {
      ctx.settle();
      checkTemplate(template);
      const copy = structuredClone(template);
      const at = ctx.state.templates.findIndex((t) => t.TemplateName === template.TemplateName);
      if (at >= 0) ctx.state.templates[at] = copy;
      else if (ctx.state.templates.length >= MAX_TEMPLATES) {
        throw new RangeError('An account has at most 10,000 templates per region.');
      } else ctx.state.templates.push(copy);
    },
    deleteEmailTemplate(name) {
      ctx.settle();
      ctx.state.templates = ctx.state.templates.filter((t) => t.TemplateName !== name);
    },
  };
}
