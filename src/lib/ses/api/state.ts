/**
 * The whole simulator as one plain, JSON-serialisable value: what `exportState` hands out for
 * IndexedDB or a file, and `importState` takes back. Nothing in it is a class, a Date or bytes.
 */
import type { ConfigurationSet } from '../account/configuration-sets.ts';
import type { IdentityRecord } from '../identities/identities.ts';
import type { AuthenticationState } from '../identities/authentication-state.ts';
import type { Random } from './ids.ts';
import type { MailRecord } from '../outbound/mail-object.ts';
import type { ListManagementRecord } from '../outbound/list-management.ts';
import type { ContactListRecord } from '../account/contact-lists.ts';
import type { OutcomeRule } from '../account/outcome-rules.ts';
import type { ReceivingState } from '../inbound/receiving.ts';
import type { ReputationEntry } from '../account/reputation.ts';
import type { EmailTemplate } from '../account/templates.ts';
import type { SendingAccount } from '../account/sandbox-and-quota.ts';
import type {
  GlobalSuppressionEntry,
  SuppressionListEntry,
  SuppressionReason,
} from '../account/suppression.ts';

/** What happens to one recipient, decided when the message is accepted. */
export type RecipientPlan =
  /** Not sent: on the account list for complaints, reported as a complaint (`OnAccountSuppressionList`). */
  | { kind: 'suppressed-complaint' }
  | {
      kind: 'deliver';
      smtpResponse: string;
      /** A complaint this long after delivery. */
      complaint?: { delayMs: number; feedbackType: string; userAgent?: string };
      /** An out-of-office auto-reply this long after delivery (reported as a soft bounce). */
      autoReplyDelayMs?: number;
      /**
       * An asynchronous bounce: the receiving server accepted the message, then sent a DSN this
       * long after delivery.
       */
      asyncBounce?: {
        delayMs: number;
        bounceType: 'Permanent' | 'Transient';
        bounceSubType: string;
        status: string;
        diagnosticCode: string;
      };
    }
  | {
      kind: 'bounce';
      bounceType: 'Permanent' | 'Transient';
      bounceSubType: string;
      status?: string;
      diagnosticCode?: string;
      reportingMTA?: string;
      withRemoteMtaIp: boolean;
    }
  | {
      kind: 'soft-bounce';
      status: string;
      bounceSubType: string;
      diagnosticCode: string;
      delayType: string;
      /** Delivered at the first retry at least this long after acceptance. */
      recoverAfterMs?: number;
      /**
       * A DNS lookup failure: the one hard bounce SES retries like a soft one, and reports as
       * `Permanent` when it gives up.
       */
      dnsFailure?: boolean;
    };

/** Where a recipient's outcome came from. */
export type RecipientRoute =
  | 'simulator'
  | 'account-suppressed'
  | 'global-suppressed'
  | 'outcome-rule'
  /** A contact who unsubscribed from the message's list or topic (ListManagementOptions). */
  | 'unsubscribed';

/** How far a recipient's delivery has got (moves only through `moveRecipient`). */
export type RecipientStatus =
  'pending' | 'delayed' | 'delivered' | 'bounced' | 'suppressed' | 'rejected';

/** A recipient of a sent message and how far its delivery has got. */
export interface RecipientRecord {
  emailAddress: string;
  route: RecipientRoute;
  plan: RecipientPlan;
  status: RecipientStatus;
  complained: boolean;
  /** Whether this recipient counts toward the bounce and complaint rates. */
  countsForReputation: boolean;
}

/** A message SES accepted. */
export interface SentMessage {
  mail: MailRecord;
  /** Acceptance time, epoch ms. */
  acceptedAt: number;
  /** When the first delivery attempt is made, epoch ms. */
  firstAttemptAt: number;
  content: 'Simple' | 'Raw' | 'Template';
  /** The verified identity the sender was checked against (its notification settings apply). */
  identity: string;
  /** The message as delivered (SES's headers applied), base64. */
  deliveredRaw: string;
  /** When SES stops retrying soft bounces (epoch ms). */
  expiresAt: number;
  /** Whether SES found a virus and rejected it after accepting it. */
  rejected: boolean;
  /**
   * Where SES forwards bounce and complaint emails for it: the request's feedback address, else
   * the Return-Path header, else the sender.
   */
  feedbackAddress?: string;
  /** Why its template could not be rendered, when it could not (then nothing is sent). */
  renderingFailure?: { templateName: string; errorMessage: string };
  /** The contact list and topic it was sent for (`ListManagementOptions`), and its link. */
  listManagement?: ListManagementRecord;
  recipients: RecipientRecord[];
}

/** Something due to happen to some recipients of a message at a simulated time. */
export interface DeliveryTask {
  at: number;
  /** Tie-breaker: tasks due at the same time run in the order they were made. */
  sequence: number;
  messageId: string;
  kind: 'attempt' | 'complaint' | 'auto-reply' | 'expire' | 'reject' | 'async-bounce';
  recipients: string[];
}

/** A bounce or complaint email SES forwarded to a message's feedback address. */
export interface FeedbackEmailRecord {
  /** Simulated time it was sent, epoch ms. */
  at: number;
  to: string;
  kind: 'bounce' | 'complaint';
  /** The message it reports on. */
  messageId: string;
  /** The whole email, base64. */
  raw: string;
}

/** A feedback notification the simulator produced. */
export interface NotificationRecord {
  /** Simulated time it was published, epoch ms. */
  at: number;
  messageId: string;
  /** The identity whose notification topic it went to. */
  identity: string;
  notificationType: 'Bounce' | 'Complaint' | 'Delivery';
  /** The SNS topic it was published to. */
  topicArn?: string;
  payload: object;
}

/** An event a configuration set published. */
export interface EventRecord {
  at: number;
  messageId: string;
  configurationSetName: string;
  /** The event destinations it went to. */
  destinations: string[];
  eventType: string;
  payload: object;
}

/** The simulator's whole state. */
export interface SesSimulatorState {
  format: 'mailwright-ses-simulator';
  version: 1;
  region: string;
  accountId: string;
  callerIdentity: string;
  sourceIp: string;
  /** The seeded generator (its state is one number). */
  random: Random;
  /** Simulated time that has passed beyond the clock (`advance`), ms. */
  clockOffsetMs: number;
  nextSequence: number;
  identities: IdentityRecord[];
  account: SendingAccount;
  /** Pause sending when a rate reaches its pause threshold. */
  pauseOnReputation: boolean;
  /** Account-level suppression reasons in use (`PutAccountSuppressionAttributes`). */
  suppressedReasons: SuppressionReason[];
  suppressionList: SuppressionListEntry[];
  globalSuppressionList: GlobalSuppressionEntry[];
  outcomeRules: OutcomeRule[];
  configurationSets: ConfigurationSet[];
  templates: EmailTemplate[];
  messages: SentMessage[];
  tasks: DeliveryTask[];
  notifications: NotificationRecord[];
  /** Bounce and complaint emails forwarded (email feedback forwarding), oldest first. */
  feedbackEmails: FeedbackEmailRecord[];
  events: EventRecord[];
  reputation: ReputationEntry[];
  receiving: ReceivingState;
  /** Identities made with `CreateEmailIdentity`, the DNS zone and DKIM keys. */
  authentication: AuthenticationState;
  /** Contact lists with their topics and contacts (SES allows one). */
  contactLists: ContactListRecord[];
}
