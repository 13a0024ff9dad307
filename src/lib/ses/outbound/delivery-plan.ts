/**
 * Deciding, when a message is accepted, what will happen to each recipient: the mailbox
 * simulator's scenario, a suppression bounce, or the outcome rule that matches.
 */
import { isVerifiedAddress, type IdentityRecord } from '../identities/identities.ts';
import {
  ACCOUNT_SUPPRESSION_DIAGNOSTIC,
  GLOBAL_SUPPRESSION_DIAGNOSTIC,
  SIMULATOR_BOUNCE_REPORTING_MTA,
  SIMULATOR_COMPLAINT_USER_AGENT,
  SIMULATOR_SMTP_RESPONSE,
  SUPPRESSION_REPORTING_MTA,
  simulatorBounceDiagnostic,
  simulatorScenario,
} from './mailbox-simulator.ts';
import {
  DEFAULT_ASYNC_BOUNCE_DELAY_MS,
  DEFAULT_COMPLAINT_DELAY_MS,
  DEFAULT_FEEDBACK_USER_AGENT,
  DEFAULT_SMTP_RESPONSE,
  defaultDiagnosticCode,
  hardBounceSubType,
  outcomeFor,
  softBounceSubType,
  type HardBounceOutcome,
  type OutcomeRule,
  type SoftBounceOutcome,
} from '../account/outcome-rules.ts';
import type { RecipientPlan, RecipientRoute } from '../api/state.ts';
import {
  findSuppressedDestination,
  isGloballySuppressed,
  type GlobalSuppressionEntry,
  type SuppressionListEntry,
  type SuppressionReason,
} from '../account/suppression.ts';

/** A recipient's route, plan and whether it counts for reputation. */
export interface PlannedRecipient {
  route: RecipientRoute;
  plan: RecipientPlan;
  countsForReputation: boolean;
}

/** What planning a recipient needs to know about the account. */
export interface PlanningContext {
  identities: readonly IdentityRecord[];
  suppressionList: readonly SuppressionListEntry[];
  globalSuppressionList: readonly GlobalSuppressionEntry[];
  /** The suppression reasons in effect for this message (configuration set, else account). */
  suppressedReasons: readonly SuppressionReason[];
  outcomeRules: readonly OutcomeRule[];
  nowMs: number;
  /** Random whole numbers in [min, max), for delays. */
  randomInt: (min: number, max: number) => number;
}

/** `delayType` of a DeliveryDelay event for a soft-bounce status. */
export function delayTypeFor(status: string): string {
  if (status === '4.2.2') return 'MailboxFull';
  if (status.startsWith('4.4.')) return 'TransientCommunicationFailure';
  if (status === '4.7.1') return 'SpamDetected';
  return 'General';
}

function simulatorPlan(address: string, context: PlanningContext): PlannedRecipient | undefined {
  const scenario = simulatorScenario(address);
  if (scenario === undefined) return undefined;
  const deliver = { kind: 'deliver', smtpResponse: SIMULATOR_SMTP_RESPONSE } as const;
  switch (scenario) {
    case 'success':
      return { route: 'simulator', plan: { ...deliver }, countsForReputation: false };
    case 'ooto':
      return {
        route: 'simulator',
        plan: { ...deliver, autoReplyDelayMs: context.randomInt(1_000, 10_000) },
        countsForReputation: false,
      };
    case 'complaint':
      return {
        route: 'simulator',
        plan: {
          ...deliver,
          complaint: {
            delayMs: context.randomInt(1_000, 10_000),
            feedbackType: 'abuse',
            userAgent: SIMULATOR_COMPLAINT_USER_AGENT,
          },
        },
        countsForReputation: false,
      };
    case 'bounce':
      return {
        route: 'simulator',
        plan: {
          kind: 'bounce',
          bounceType: 'Permanent',
          bounceSubType: 'General',
          status: '5.1.1',
          diagnosticCode: simulatorBounceDiagnostic(address),
          reportingMTA: SIMULATOR_BOUNCE_REPORTING_MTA,
          withRemoteMtaIp: true,
        },
        countsForReputation: false,
      };
    case 'suppressionlist':
      return {
        route: 'simulator',
        plan: globalSuppressionPlan(),
        countsForReputation: false,
      };
  }
}

function globalSuppressionPlan(): RecipientPlan {
  return {
    kind: 'bounce',
    bounceType: 'Permanent',
    bounceSubType: 'Suppressed',
    status: '5.1.1',
    diagnosticCode: GLOBAL_SUPPRESSION_DIAGNOSTIC,
    reportingMTA: SUPPRESSION_REPORTING_MTA,
    withRemoteMtaIp: false,
  };
}

/** Delivered, then bounced by a DSN from the receiving server (an asynchronous bounce). */
function asyncBouncePlan(
  outcome: HardBounceOutcome | SoftBounceOutcome,
  bounceType: 'Permanent' | 'Transient',
  derivedSubType: string,
): RecipientPlan {
  return {
    kind: 'deliver',
    smtpResponse: DEFAULT_SMTP_RESPONSE,
    asyncBounce: {
      delayMs: outcome.asyncDelayMs ?? DEFAULT_ASYNC_BOUNCE_DELAY_MS,
      bounceType,
      bounceSubType: outcome.bounceSubType ?? derivedSubType,
      status: outcome.status,
      diagnosticCode: outcome.diagnosticCode ?? defaultDiagnosticCode(outcome.status),
    },
  };
}

/**
 * What will happen to one recipient. Order: the mailbox simulator; the account-level list (when
 * its reasons are in use: an address suppressed for bounces bounces `OnAccountSuppressionList`,
 * one suppressed for complaints is reported as a complaint with that subtype); the global list (only without an account-level list, which overrides
 * it); then the outcome rules.
 */
export function planRecipient(address: string, context: PlanningContext): PlannedRecipient {
  const simulated = simulatorPlan(address, context);
  if (simulated) return simulated;
  const entry = findSuppressedDestination(context.suppressionList, address);
  if (entry && context.suppressedReasons.includes(entry.reason)) {
    if (entry.reason === 'COMPLAINT') {
      return {
        route: 'account-suppressed',
        plan: { kind: 'suppressed-complaint' },
        countsForReputation: false,
      };
    }
    return {
      route: 'account-suppressed',
      plan: {
        kind: 'bounce',
        bounceType: 'Permanent',
        bounceSubType: 'OnAccountSuppressionList',
        status: '5.1.1',
        diagnosticCode: ACCOUNT_SUPPRESSION_DIAGNOSTIC,
        reportingMTA: SUPPRESSION_REPORTING_MTA,
        withRemoteMtaIp: false,
      },
      countsForReputation: false,
    };
  }
  const toVerified = isVerifiedAddress(context.identities, address);
  if (
    context.suppressedReasons.length === 0 &&
    isGloballySuppressed(context.globalSuppressionList, address, context.nowMs)
  ) {
    return {
      route: 'global-suppressed',
      plan: globalSuppressionPlan(),
      countsForReputation: !toVerified,
    };
  }
  const outcome = outcomeFor(context.outcomeRules, address);
  let plan: RecipientPlan;
  switch (outcome.kind) {
    case 'delivery':
      plan = { kind: 'deliver', smtpResponse: outcome.smtpResponse ?? DEFAULT_SMTP_RESPONSE };
      break;
    case 'complaint':
      plan = {
        kind: 'deliver',
        smtpResponse: DEFAULT_SMTP_RESPONSE,
        complaint: {
          delayMs: outcome.delayMs ?? DEFAULT_COMPLAINT_DELAY_MS,
          feedbackType: outcome.feedbackType ?? 'abuse',
          userAgent: outcome.userAgent ?? DEFAULT_FEEDBACK_USER_AGENT,
        },
      };
      break;
    case 'hard-bounce':
      if (outcome.timing === 'asynchronous') {
        plan = asyncBouncePlan(outcome, 'Permanent', hardBounceSubType(outcome.status));
      } else if (outcome.dnsFailure) {
        plan = {
          kind: 'soft-bounce',
          status: outcome.status,
          bounceSubType: outcome.bounceSubType ?? hardBounceSubType(outcome.status),
          diagnosticCode: outcome.diagnosticCode ?? defaultDiagnosticCode(outcome.status),
          delayType: 'RecipientServerError',
          dnsFailure: true,
        };
      } else {
        plan = {
          kind: 'bounce',
          bounceType: 'Permanent',
          bounceSubType: outcome.bounceSubType ?? hardBounceSubType(outcome.status),
          status: outcome.status,
          diagnosticCode: outcome.diagnosticCode ?? defaultDiagnosticCode(outcome.status),
          withRemoteMtaIp: true,
        };
      }
      break;
    case 'soft-bounce':
      if (outcome.timing === 'asynchronous') {
        plan = asyncBouncePlan(outcome, 'Transient', softBounceSubType(outcome.status));
        break;
      }
      plan = {
        kind: 'soft-bounce',
        status: outcome.status,
        bounceSubType: outcome.bounceSubType ?? softBounceSubType(outcome.status),
        diagnosticCode: outcome.diagnosticCode ?? defaultDiagnosticCode(outcome.status),
        delayType: delayTypeFor(outcome.status),
        ...(outcome.recoverAfterMs !== undefined ? { recoverAfterMs: outcome.recoverAfterMs } : {}),
      };
      break;
  }
  return { route: 'outcome-rule', plan, countsForReputation: !toVerified };
}
