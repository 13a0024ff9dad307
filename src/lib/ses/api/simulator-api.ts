/**
 * The simulator's interface: what the SES workspace calls. `createSesSimulator` (simulator.ts)
 * makes one.
 */
import type { ConfigurationSet } from '../account/configuration-sets.ts';
import type { ContactListMethods } from './simulator-contact-lists.ts';
import type { ListManagementRecord } from '../outbound/list-management.ts';
import type { SesError } from './errors.ts';
import type { IdentityRecord, NotificationType } from '../identities/identities.ts';
import type { InboundRecord } from '../inbound/receiving.ts';
import type { OutcomeRule } from '../account/outcome-rules.ts';
import type { ReceiptRuleSet } from '../inbound/receiving.ts';
import type {
  SendBulkEmailRequest,
  SendBulkEmailResponse,
  SendEmailRequest,
  SendEmailResponse,
  TestRenderEmailTemplateRequest,
  V1SendBulkTemplatedEmailRequest,
  V1SendBulkTemplatedEmailResponse,
  V1SendTemplatedEmailRequest,
  V1SendEmailRequest,
  V1SendEmailResponse,
  V1SendRawEmailRequest,
} from './request-types.ts';
import type { EnforcementStatus, Reputation, ReputationPoint } from '../account/reputation.ts';
import type {
  EventRecord,
  NotificationRecord,
  RecipientRecord,
  SesSimulatorState,
} from './state.ts';
import type { SuppressedDestination, SuppressionReason } from '../account/suppression.ts';
import type {
  ListSuppressedDestinationsRequest,
  ListSuppressedDestinationsResponse,
} from '../account/suppression-listing.ts';
import type { EmailTemplate } from '../account/templates.ts';
import type { DnsRecord } from '../identities/dns-zone.ts';
import type {
  CreateEmailIdentityResponse,
  GetEmailIdentityResponse,
  IdentityInfo,
} from '../identities/identity-views.ts';

/** How a simulator starts. */
export interface SesSimulatorOptions {
  /** The clock; simulated time is this plus whatever `advance` added. Default: a fixed epoch. */
  now?: () => Date;
  /** Seed of every id and random delay (default 1). */
  seed?: number;
  /** Default `us-east-1`. */
  region?: string;
  /** Default true: a new account is in the sandbox. */
  sandbox?: boolean;
  accountId?: string;
  callerIdentity?: string;
  sourceIp?: string;
  outcomeRules?: readonly OutcomeRule[];
  /** A saved state to continue from (then seed, region and sandbox are the state's). */
  state?: unknown;
}

/** `GetSendQuota` output. */
export interface SendQuota {
  Max24HourSend: number;
  MaxSendRate: number;
  SentLast24Hours: number;
}

/** The parts of v2 `GetAccount` the simulator models. */
export interface AccountDetails {
  ProductionAccessEnabled: boolean;
  SendingEnabled: boolean;
  EnforcementStatus: EnforcementStatus;
  SendQuota: SendQuota;
  SuppressionAttributes: { SuppressedReasons: SuppressionReason[] };
  PauseOnReputation: boolean;
}

/** A sent message as the workspace lists it. */
export interface SentMessageView {
  messageId: string;
  timestamp: string;
  source: string;
  destination: string[];
  subject?: string;
  configurationSetName?: string;
  content: 'Simple' | 'Raw' | 'Template';
  rejected: boolean;
  /** Why the message's template could not be rendered, when it could not. */
  /** The contact list and topic it was sent for, and the recipient's unsubscribe link. */
  listManagement?: ListManagementRecord;
  renderingFailure?: { templateName: string; errorMessage: string };
  recipients: Array<Pick<RecipientRecord, 'emailAddress' | 'route' | 'status' | 'complained'>>;
  /** The message as delivered, SES's headers applied. */
  raw: Uint8Array;
}

/** The answer of `previewSend`. */
export type SendPreview =
  | {
      accepted: true;
      message: SentMessageView;
      plans: Array<Pick<RecipientRecord, 'emailAddress' | 'route' | 'plan'>>;
    }
  | { accepted: false; error: SesError };

/** One entry of a message's timeline. */
export interface TimelineEntry {
  at: number;
  channel: 'notification' | 'event';
  type: string;
  payload: object;
}

/** Inbound mail to receive: raw bytes or text, with an optional envelope. */
export interface ReceiveRequest {
  raw: Uint8Array | string;
  mailFrom?: string;
  rcptTo?: string[];
}

/** SES v2 `PutSuppressedDestinationRequest`. */
export interface PutSuppressedDestinationRequest {
  EmailAddress: string;
  Reason: SuppressionReason;
}

/** The simulator. Methods throw SesError where SES answers with an error, RangeError on misuse. */
export interface SesSimulator extends ContactListMethods {
  /** Verify an email address or a domain (at once: there is no mailbox or DNS to wait for). */
  verifyIdentity(identity: string): void;
  /** Forget an identity. */
  deleteIdentity(identity: string): void;
  /** The verified identities, in the order they were verified. */
  listIdentities(): IdentityRecord[];
  /** Whether the identity's feedback notifications include the original headers (default off). */
  setIdentityHeadersInNotificationsEnabled(identity: string, enabled: boolean): void;
  /**
   * Send an identity's notifications of one type to an SNS topic (`SetIdentityNotificationTopic`),
   * or none (`undefined`). Without a topic SES publishes no notification of that type.
   */
  setIdentityNotificationTopic(
    identity: string,
    type: NotificationType,
    topicArn: string | undefined,
  ): void;
  /**
   * Turn email feedback forwarding on or off (`SetIdentityFeedbackForwardingEnabled`); off only
   * while Bounce and Complaint notifications have topics.
   */
  setIdentityFeedbackForwardingEnabled(identity: string, enabled: boolean): void;
  /** The bounce and complaint emails SES forwarded, oldest first (email feedback forwarding). */
  feedbackEmails(): Array<{
    at: number;
    to: string;
    kind: 'bounce' | 'complaint';
    messageId: string;
    raw: Uint8Array;
  }>;
  /**
   * Put an address on the account-level suppression list (`PutSuppressedDestination`), or update
   * its reason. Takes SES v2's request `{ EmailAddress, Reason }` or the two as arguments.
   */
  putSuppressedDestination(request: PutSuppressedDestinationRequest): void;
  putSuppressedDestination(emailAddress: string, reason: SuppressionReason): void;
  /** Take an address off the list; SesError `NotFoundException` when it is not on it. */
  deleteSuppressedDestination(emailAddress: string | { EmailAddress: string }): void;
  /**
   * SES v2 `GetSuppressedDestination`: the entry, with the message and feedback that put it
   * there; SesError `NotFoundException` when the address is not on the list.
   */
  getSuppressedDestination(emailAddress: string | { EmailAddress: string }): {
    SuppressedDestination: SuppressedDestination;
  };
  /**
   * SES v2 `ListSuppressedDestinations`: filtered by `Reasons` and `StartDate`/`EndDate`, up to
   * `PageSize` (1 to 1,000) summaries with a `NextToken` while more remain.
   */
  listSuppressedDestinations(
    request?: ListSuppressedDestinationsRequest,
  ): ListSuppressedDestinationsResponse;
  /** The reasons the account-level list is used for (`[]` turns it off). */
  putAccountSuppressionAttributes(reasons: SuppressionReason[]): void;
  /**
   * SES v2 `SendEmail`: returns the MessageId or throws SesError with SES's code and message.
   * Raw content is read from its header section and a structural scan of its parts.
   */
  sendEmail(request: SendEmailRequest): SendEmailResponse;
  /**
   * What SES would do with a request, without doing it: the error it would answer, or the message
   * as it would be delivered and what would happen to each recipient. Nothing changes.
   */
  previewSend(request: SendEmailRequest): SendPreview;
  /** As `sendEmail`, with Raw content first read in full by `inspectMessage` (decoded headers). */
  sendEmailAsync(request: SendEmailRequest): Promise<SendEmailResponse>;
  /**
   * SES v2 `SendBulkEmail`: the default template filled for each entry with its replacement data
   * (merged over the default data key by key) and sent; one result per entry, in order.
   */
  sendBulkEmail(request: SendBulkEmailRequest): SendBulkEmailResponse;
  /** SES v2 `TestRenderEmailTemplate`: the MIME message a stored template renders to. */
  testRenderEmailTemplate(request: TestRenderEmailTemplateRequest): { RenderedTemplate: string };
  /** SES v1 `SendTemplatedEmail` (10 MB limit). */
  sendV1TemplatedEmail(request: V1SendTemplatedEmailRequest): V1SendEmailResponse;
  /** SES v1 `SendBulkTemplatedEmail`: v1's PascalCase status per destination. */
  sendV1BulkTemplatedEmail(
    request: V1SendBulkTemplatedEmailRequest,
  ): V1SendBulkTemplatedEmailResponse;
  /** SES v1 `SendEmail` (10 MB limit; errors carry `v1Code` for the v1 wire code). */
  sendV1Email(request: V1SendEmailRequest): V1SendEmailResponse;
  /** SES v1 `SendRawEmail` (10 MB limit; `ses:operation` is `SendRawEmail`). */
  sendV1RawEmail(request: V1SendRawEmailRequest): V1SendEmailResponse;
  /** Let simulated time pass: deliveries, retries, complaints and quota windows move on. */
  advance(ms: number): void;
  /** The simulated time: the clock plus everything `advance` added. */
  now(): Date;
  /** When the next scheduled delivery step happens, if any is pending. */
  nextScheduledAt(): Date | undefined;
  /** Feedback notifications (`notificationType`), oldest first, as SES would publish them to SNS. */
  notifications(): object[];
  /** Published events (`eventType`), oldest first, as configuration-set destinations receive them. */
  events(): object[];
  /** Notifications with when they happened, their message and identity. */
  notificationLog(): NotificationRecord[];
  /** Events with when they happened, their message, configuration set and destinations. */
  eventLog(): EventRecord[];
  /** Every accepted message with its recipients' progress and delivered bytes. */
  messages(): SentMessageView[];
  /** A message's notifications and events in time order. */
  timeline(messageId: string): TimelineEntry[];
  /** `GetSendQuota`: the 24-hour maximum, the rate, and recipients sent in the last 24 hours. */
  getSendQuota(): SendQuota;
  /** `GetAccount`: sandbox or production, sending status, enforcement status, quotas. */
  getAccount(): AccountDetails;
  /** Leave (or return to) the sandbox, with that mode's quotas unless given. */
  setProductionAccess(
    enabled: boolean,
    quotas?: { max24HourSend?: number; maxSendRate?: number },
  ): void;
  /** Change the quotas (as AWS support would); -1 for no 24-hour limit. */
  setSendQuota(quotas: { max24HourSend?: number; maxSendRate?: number }): void;
  /** Pause or resume all sending by hand. */
  setSendingEnabled(enabled: boolean): void;
  /** Pause sending automatically when a rate reaches its pause threshold. */
  setPauseOnReputation(enabled: boolean): void;
  /** Bounce and complaint rates, their status against SES's thresholds, and the enforcement status. */
  reputation(): Reputation & { enforcementStatus: EnforcementStatus };
  /** The rates over simulated time, for plotting against the thresholds. */
  reputationHistory(): ReputationPoint[];
  /** The outcome table for ordinary recipients. */
  outcomeRules(): OutcomeRule[];
  /** Replace the outcome table; RangeError for a rule that cannot work. */
  setOutcomeRules(rules: readonly OutcomeRule[]): void;
  /** The configuration sets. */
  configurationSets(): ConfigurationSet[];
  /** Create or replace a configuration set; RangeError when SES would refuse it. */
  putConfigurationSet(set: ConfigurationSet): void;
  /** Delete a configuration set. */
  deleteConfigurationSet(name: string): void;
  /** The stored email templates. */
  emailTemplates(): EmailTemplate[];
  /** Store (or replace) a template; RangeError when SES would refuse it. */
  putEmailTemplate(template: EmailTemplate): void;
  /** Delete a stored template. */
  deleteEmailTemplate(name: string): void;
  /** The receipt rule sets. */
  receiptRuleSets(): ReceiptRuleSet[];
  /** Create or replace a receipt rule set; RangeError when SES would refuse it. */
  putReceiptRuleSet(set: ReceiptRuleSet): void;
  /** Delete a rule set that is not active. */
  deleteReceiptRuleSet(name: string): void;
  /** Make a rule set the active one, or none. */
  setActiveReceiptRuleSet(name: string | undefined): void;
  /** The active rule set's name. */
  activeReceiptRuleSet(): string | undefined;
  /** Receive a message through the active rule set (keywords matched on the raw text). */
  receiveEmail(request: ReceiveRequest): InboundRecord;
  /** Receive a message, its subject and bodies first decoded by `inspectMessage`. */
  receiveEmailAsync(request: ReceiveRequest): Promise<InboundRecord>;
  /** The inbound store, oldest first. */
  inbound(): InboundRecord[];
  /** Remove a message from the inbound store. */
  deleteInbound(messageId: string): void;
  /** The whole state as plain JSON-ready data, to keep in IndexedDB or a file. */
  /**
   * Make DKIM keys ahead with WebCrypto (RSA 2048): SES's own amazonses.com key and a pool for
   * new Easy DKIM identities. The one asynchronous step; everything else stays synchronous.
   */
  prepareDkimKeys(): Promise<void>;
  /** Whether enough keys are ready for `createEmailIdentity` to give a domain Easy DKIM. */
  dkimKeysReady(): boolean;
  /**
   * `CreateEmailIdentity`: a domain or address, PENDING until its DKIM records are published
   * (domains) or its verification link is clicked (addresses). A domain gets Easy DKIM (three
   * tokens) unless a key is brought (BYODKIM). SesError `AlreadyExistsException` when it exists.
   */
  createEmailIdentity(
    identity: string,
    options?: { dkimSigningKey?: { privateKey: string; selector: string } },
  ): CreateEmailIdentityResponse;
  /** `GetEmailIdentity`; SesError `NotFoundException` for an unknown identity. */
  getEmailIdentity(identity: string): GetEmailIdentityResponse;
  /** `DeleteEmailIdentity`; SesError `NotFoundException` for an unknown identity. */
  deleteEmailIdentity(identity: string): void;
  /** `ListEmailIdentities`. */
  listEmailIdentities(): { EmailIdentities: IdentityInfo[] };
  /** The person clicks the link in SES's verification mail (valid 24 hours). */
  clickVerificationLink(emailAddress: string): void;
  /** `PutEmailIdentityMailFromAttributes`: set (or, with no domain, clear) a custom MAIL FROM. */
  putEmailIdentityMailFromAttributes(
    identity: string,
    attributes: {
      MailFromDomain?: string;
      BehaviorOnMxFailure?: 'USE_DEFAULT_VALUE' | 'REJECT_MESSAGE';
    },
  ): void;
  /** The records SES asks to be published for an identity. */
  requiredDnsRecords(identity: string): Array<DnsRecord & { purpose: string }>;
  /** Publish a record in the person's simulated DNS zone. */
  putDnsRecord(record: DnsRecord): void;
  /** Remove records at a name and type (only the one with `value`, when given). */
  deleteDnsRecord(record: { name: string; type: DnsRecord['type']; value?: string }): void;
  /** The person's zone. */
  dnsRecords(): DnsRecord[];
  /** Simulated TXT lookup, CNAMEs followed, SES's DKIM keys included. */
  resolveTxt(name: string): string[] | undefined;
  /** The bytes a recipient's server received for a message; RangeError if it received none. */
  deliveredMessage(messageId: string, recipient: string): Uint8Array;
  exportState(): SesSimulatorState;
  /** Replace the whole state with a saved one; RangeError when it is not one. */
  importState(state: unknown): void;
}
