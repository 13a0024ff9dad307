/**
 * The SES simulator's public face: pure TypeScript, deterministic given a clock and a seed.
 */
export {
  MAX_MAX_DELIVERY_SECONDS,
  MIN_MAX_DELIVERY_SECONDS,
  SANDBOX_MAX_24_HOUR_SEND,
  SANDBOX_MAX_SEND_RATE,
  DEFAULT_PRODUCTION_MAX_24_HOUR_SEND,
  DEFAULT_PRODUCTION_MAX_SEND_RATE,
  MAX_FILE_NAME,
  MAX_MESSAGE_BYTES,
  MAX_RECIPIENTS,
  MAX_SIMPLE_HEADER_LENGTH,
  MAX_SIMPLE_HEADERS,
  MAX_TEMPLATE_DATA,
  V1_MAX_MESSAGE_BYTES,
} from './limits.ts';
export type * from './api/request-types.ts';
export * from './api/errors.ts';
export { SIMULATED_RULE, SIMULATOR_WORDING } from './wording.ts';
export { createSesSimulator, DEFAULT_EPOCH } from './api/simulator.ts';
export type {
  AccountDetails,
  PutSuppressedDestinationRequest,
  ReceiveRequest,
  SendPreview,
  SendQuota,
  SentMessageView,
  SesSimulator,
  SesSimulatorOptions,
  TimelineEntry,
} from './api/simulator-api.ts';
export type * from './api/state.ts';
export { STATE_FORMAT, STATE_VERSION } from './api/state-io.ts';
export { parseStateJson } from './api/state-json.ts';
export { stateShapeProblem } from './api/state-schema.ts';
export {
  findCoveringIdentity,
  type IdentityRecord,
  type IdentityType,
  type NotificationType,
} from './identities/identities.ts';
export type {
  SuppressedDestination,
  SuppressedDestinationSummary,
  SuppressionListEntry,
  SuppressionReason,
} from './account/suppression.ts';
export type {
  ListSuppressedDestinationsRequest,
  ListSuppressedDestinationsResponse,
} from './account/suppression-listing.ts';
export {
  DEFAULT_ASYNC_BOUNCE_DELAY_MS,
  DEFAULT_COMPLAINT_DELAY_MS,
  DEFAULT_FEEDBACK_USER_AGENT,
  EXAMPLE_OUTCOME_RULES,
  patternMatches,
  outcomeFor,
  type BounceTiming,
  type Outcome,
  type OutcomeRule,
} from './account/outcome-rules.ts';
export {
  EVENT_TYPES,
  EVENT_TYPE_NAMES,
  createConfigurationSet,
  type ConfigurationSet,
  type EventDestination,
  type EventDestinationKind,
  type EventType,
} from './account/configuration-sets.ts';
export {
  BOUNCE_PAUSE_RATE,
  BOUNCE_REVIEW_RATE,
  COMPLAINT_PAUSE_RATE,
  COMPLAINT_REVIEW_RATE,
  MIN_RATED_VOLUME,
  MIN_RATED_VOLUME_NOTE,
  type EnforcementStatus,
  type RateStatus,
  type Reputation,
  type ReputationPoint,
} from './account/reputation.ts';
export { QUOTA_WINDOW_MS } from './account/sandbox-and-quota.ts';
export {
  SIMULATOR_ADDRESSES,
  SIMULATOR_DOMAIN,
  isSimulatorAddress,
  simulatorScenario,
  type SimulatorScenario,
} from './outbound/mailbox-simulator.ts';
export {
  BLOCKED_ATTACHMENT_EXTENSIONS,
  isBlockedAttachment,
} from './outbound/blocked-attachments.ts';
export { SIMPLE_HEADER_NAME, SIMPLE_HEADER_VALUE } from './outbound/validation.ts';
export { v1SendEmailToV2, v1SendRawEmailToV2 } from './api/v1-requests.ts';
export {
  CONFIGURATION_SET_HEADER,
  MESSAGE_TAGS_HEADER,
  SES_CONTROL_HEADERS,
  isSesControlHeader,
  readSesControlHeaders,
  type SesControlSettings,
} from './outbound/control-headers.ts';
export { checkMessageTags, parseMessageTagsHeader } from './outbound/message-tags.ts';
export { DEFAULT_MAX_DELIVERY_MS, FIRST_RETRY_MS } from './outbound/delivery-engine.ts';
export type {
  ReceiptAction,
  ReceiptRule,
  ReceiptRuleSet,
  KeywordScope,
  ReceivingState,
} from './inbound/receiving.ts';
export type { InboundRecord, InboundActionResult, VerdictStatus } from './inbound/receiving.ts';
export { renderTemplate, type EmailTemplate, type Rendering } from './account/templates.ts';
export { parseTemplate, renderTemplateText, TemplateError } from './account/handlebars.ts';
export { bulkStatusOf, v1BulkStatus } from './api/templated-sending.ts';
export {
  reportToNotification,
  type ReportNotificationOptions,
} from './outbound/report-notification.ts';
export type { DnsRecord } from './identities/dns-zone.ts';
export { domainOf } from './identities/address.ts';
export type {
  CreateEmailIdentityResponse,
  DkimAttributes,
  GetEmailIdentityResponse,
  IdentityInfo,
  MailFromAttributes,
} from './identities/identity-views.ts';
export type { VerificationStatus } from './identities/authentication-state.ts';
export type { MessageTracking, TrackedLink } from './outbound/engagement.ts';
export {
  DEFAULT_RECIPIENT_IP,
  DEFAULT_RECIPIENT_USER_AGENT,
  type EngagementOptions,
} from './outbound/engagement-events.ts';
export type {
  ContactListRecord,
  ContactRecord,
  CreateContactListRequest,
  GetContactListResponse,
  ListContactListsResponse,
  SubscriptionStatus,
  Topic,
  TopicPreference,
  UpdateContactListRequest,
} from './account/contact-lists.ts';
export {
  receivesTopic,
  type ContactRequest,
  type ContactSummary,
  type GetContactResponse,
  type ListContactsRequest,
  type ListContactsResponse,
} from './account/contacts.ts';
export type { ContactListMethods } from './api/simulator-contact-lists.ts';
export { UNSUBSCRIBE_HOST, UNSUBSCRIBE_PLACEHOLDER } from './outbound/list-management.ts';
export {
  SIMULATED_VALUE_NOTES,
  simulatedValuesIn,
  simulatedValuesOfMessage,
  type SimulatedValue,
} from './outbound/simulated-values.ts';
export { LIST_MANAGEMENT_HEADER } from './outbound/control-headers.ts';
export type { SubscriptionObject, UnsubscribeOptions } from './outbound/subscription.ts';
