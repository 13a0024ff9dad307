/**
 * The SES simulator's public face: pure TypeScript, deterministic given a clock and a seed.
 */
export type * from './request-types.ts';
export * from './errors.ts';
export { createSesSimulator, DEFAULT_EPOCH } from './simulator.ts';
export type {
  AccountDetails,
  ReceiveRequest,
  SendPreview,
  SendQuota,
  SentMessageView,
  SesSimulator,
  SesSimulatorOptions,
  TimelineEntry,
} from './simulator-api.ts';
export type * from './state.ts';
export { STATE_FORMAT, STATE_VERSION } from './state-io.ts';
export { findCoveringIdentity, type IdentityRecord, type IdentityType } from './identities.ts';
export type { SuppressedDestination, SuppressionReason } from './suppression.ts';
export {
  EXAMPLE_OUTCOME_RULES,
  patternMatches,
  outcomeFor,
  type Outcome,
  type OutcomeRule,
} from './outcome-rules.ts';
export {
  EVENT_TYPES,
  EVENT_TYPE_NAMES,
  MAX_MAX_DELIVERY_SECONDS,
  MIN_MAX_DELIVERY_SECONDS,
  createConfigurationSet,
  type ConfigurationSet,
  type EventDestination,
  type EventDestinationKind,
  type EventType,
} from './configuration-sets.ts';
export {
  BOUNCE_PAUSE_RATE,
  BOUNCE_REVIEW_RATE,
  COMPLAINT_PAUSE_RATE,
  COMPLAINT_REVIEW_RATE,
  type EnforcementStatus,
  type RateStatus,
  type Reputation,
  type ReputationPoint,
} from './reputation.ts';
export {
  SANDBOX_MAX_24_HOUR_SEND,
  SANDBOX_MAX_SEND_RATE,
  DEFAULT_PRODUCTION_MAX_24_HOUR_SEND,
  DEFAULT_PRODUCTION_MAX_SEND_RATE,
  QUOTA_WINDOW_MS,
} from './sandbox-and-quota.ts';
export {
  SIMULATOR_ADDRESSES,
  SIMULATOR_DOMAIN,
  isSimulatorAddress,
  simulatorScenario,
  type SimulatorScenario,
} from './mailbox-simulator.ts';
export { BLOCKED_ATTACHMENT_EXTENSIONS, isBlockedAttachment } from './blocked-attachments.ts';
export {
  MAX_FILE_NAME,
  MAX_MESSAGE_BYTES,
  MAX_RECIPIENTS,
  MAX_SIMPLE_HEADER_LENGTH,
  MAX_SIMPLE_HEADERS,
  SIMPLE_HEADER_NAME,
  SIMPLE_HEADER_VALUE,
  V1_MAX_MESSAGE_BYTES,
} from './validation.ts';
export { v1SendEmailToV2, v1SendRawEmailToV2 } from './v1-requests.ts';
export {
  CONFIGURATION_SET_HEADER,
  MESSAGE_TAGS_HEADER,
  SES_CONTROL_HEADERS,
  isSesControlHeader,
  readSesControlHeaders,
  type SesControlSettings,
} from './control-headers.ts';
export { checkMessageTags, parseMessageTagsHeader } from './message-tags.ts';
export { DEFAULT_MAX_DELIVERY_MS, FIRST_RETRY_MS } from './delivery-engine.ts';
export type {
  ReceiptAction,
  ReceiptRule,
  ReceiptRuleSet,
  KeywordScope,
  ReceivingState,
} from './receiving.ts';
export type { InboundRecord, InboundActionResult, VerdictStatus } from './inbound.ts';
export { renderTemplate, type EmailTemplate, type Rendering } from './templates.ts';
export { reportToNotification, type ReportNotificationOptions } from './report-notification.ts';
