/**
 * Receipt rule sets (ses-facts §8): rules with recipient conditions and ordered actions. One rule
 * set is active; its enabled rules run in order, each for the recipients it matches. The keyword
 * condition (a word or phrase in the subject or body) is Mailwright's addition for rehearsing
 * routing; SES itself matches on recipients only.
 */
import { domainOf, withoutLabel } from '../identities/address.ts';
import { MAX_RULES_PER_SET, MAX_ACTIONS_PER_RULE, MAX_RECIPIENTS_PER_RULE } from '../limits.ts';

/** Store the message (S3 action): kept in the simulator's inbound store. */
export interface S3Action {
  type: 'S3';
  bucketName: string;
  objectKeyPrefix?: string;
  topicArn?: string;
}
/** Publish the message in a "Received" notification (SNS action). */
export interface SnsAction {
  type: 'SNS';
  topicArn: string;
  /** Default `UTF-8`. */
  encoding?: 'UTF-8' | 'Base64';
}
/** Invoke a function with the Lambda event. */
export interface LambdaAction {
  type: 'Lambda';
  functionArn: string;
  /** Default `Event`. */
  invocationType?: 'Event' | 'RequestResponse';
  topicArn?: string;
}
/** Reject with a bounce to the sender. */
export interface BounceAction {
  type: 'Bounce';
  /** e.g. `550`. */
  smtpReplyCode: string;
  /** e.g. `5.1.1`. */
  statusCode?: string;
  message: string;
  sender: string;
  topicArn?: string;
}
/** Add a header to the message for the actions after it. */
export interface AddHeaderAction {
  type: 'AddHeader';
  /** 1–50 ASCII letters, digits and hyphens. */
  headerName: string;
  /** At most 2048 characters, no line breaks. */
  headerValue: string;
}
/** Stop processing the rule set. */
export interface StopAction {
  type: 'Stop';
  scope: 'RuleSet';
  topicArn?: string;
}

/** A receipt rule action. */
export type ReceiptAction =
  S3Action | SnsAction | LambdaAction | BounceAction | AddHeaderAction | StopAction;

/** Where a keyword condition looks. */
export type KeywordScope = 'subject' | 'body' | 'subject-or-body';

/** A receipt rule. */
export interface ReceiptRule {
  /** ASCII letters, digits, `_`, `-`, `.`; starts and ends alphanumeric; at most 64. */
  name: string;
  enabled: boolean;
  /**
   * Recipient conditions: `user@example.com` (and its `+label` forms), `example.com` (every
   * address there, not subdomains), `.example.com` (every subdomain, not the domain itself).
   * Empty: every recipient on every verified domain.
   */
  recipients: string[];
  /** Match only mail containing this text (case-insensitive). */
  keyword?: { text: string; scope: KeywordScope };
  /** Spam and virus scanning. */
  scanEnabled: boolean;
  actions: ReceiptAction[];
}

/** A receipt verdict status. */
export type VerdictStatus = 'PASS' | 'FAIL' | 'GRAY' | 'PROCESSING_FAILED' | 'DISABLED';

/** One action carried out, with what it produced. */
export interface InboundActionResult {
  rule: string;
  action: ReceiptAction;
  /** The "Received" notification or Lambda event, for actions that publish one. */
  payload?: object;
  /** Why the action did nothing, e.g. the message was too large for SNS. */
  note?: string;
}

/** A message SES received, as kept in the inbound store. */
export interface InboundRecord {
  messageId: string;
  receivedAt: number;
  mailFrom: string;
  recipients: string[];
  /** `accepted` when a rule matched; `rejected` during SMTP when none did. */
  disposition: 'accepted' | 'rejected';
  smtpReply: string;
  /**
   * The message as stored (SES's inbound headers and added headers applied), base64. For a
   * message refused for its size, only its header section, as received.
   */
  raw: string;
  /** Present when an S3 action stored it. */
  stored?: { bucketName: string; objectKey: string };
  /** Present when a Bounce action bounced it. */
  bounce?: { smtpReplyCode: string; statusCode?: string; message: string; sender: string };
  matchedRules: string[];
  actions: InboundActionResult[];
}

/** A receipt rule set. */
export interface ReceiptRuleSet {
  name: string;
  rules: ReceiptRule[];
}

/** The receiving side of the simulator. */
export interface ReceivingState {
  ruleSets: ReceiptRuleSet[];
  activeRuleSetName?: string;
  inbound: InboundRecord[];
}

/** Check a rule set; throws RangeError with a plain sentence when SES would refuse it. */
export function checkRuleSet(set: ReceiptRuleSet): void {
  if (!/^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,62}[A-Za-z0-9])?$/.test(set.name)) {
    throw new RangeError(
      'A rule set name is 1 to 64 letters, digits, _, - or ., starting and ending alphanumeric.',
    );
  }
  if (set.rules.length > MAX_RULES_PER_SET)
    throw new RangeError('A rule set has at most 200 rules.');
  const names = new Set<string>();
  for (const rule of set.rules) {
    if (!/^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,62}[A-Za-z0-9])?$/.test(rule.name)) {
      throw new RangeError(
        'A rule name is 1 to 64 letters, digits, _, - or ., starting and ending alphanumeric.',
      );
    }
    if (names.has(rule.name)) throw new RangeError(`Two rules are named ${rule.name}.`);
    names.add(rule.name);
    if (rule.actions.length > MAX_ACTIONS_PER_RULE)
      throw new RangeError('A rule has at most 10 actions.');
    if (rule.recipients.length > MAX_RECIPIENTS_PER_RULE) {
      throw new RangeError('A rule has at most 100 recipient conditions.');
    }
    for (const action of rule.actions) {
      if (action.type === 'AddHeader') {
        if (!/^[A-Za-z0-9-]{1,50}$/.test(action.headerName)) {
          throw new RangeError('A header name to add is 1 to 50 letters, digits or hyphens.');
        }
        if (action.headerValue.length > 2048 || /[\r\n]/.test(action.headerValue)) {
          throw new RangeError('A header value to add is at most 2048 characters on one line.');
        }
      }
      if (action.type === 'Bounce' && !/^[45]\d\d$/.test(action.smtpReplyCode)) {
        throw new RangeError('A bounce action needs a 4xx or 5xx SMTP reply code.');
      }
    }
  }
}

/** Whether a recipient condition matches an address. */
export function recipientConditionMatches(condition: string, address: string): boolean {
  const c = condition.trim().toLowerCase();
  const domain = domainOf(address);
  if (c.includes('@')) {
    const a = address.toLowerCase();
    return a === c || withoutLabel(a) === c;
  }
  if (c.startsWith('.')) return domain.endsWith(c);
  return domain === c;
}

/** Whether a rule's conditions match a recipient of a message with this subject and body. */
export function ruleMatches(
  rule: ReceiptRule,
  address: string,
  isVerifiedDomain: (address: string) => boolean,
  content: { subject: string; body: string },
): boolean {
  if (!rule.enabled) return false;
  const recipientOk =
    rule.recipients.length === 0
      ? isVerifiedDomain(address)
      : rule.recipients.some((c) => recipientConditionMatches(c, address));
  if (!recipientOk) return false;
  if (!rule.keyword || rule.keyword.text.length === 0) return true;
  const needle = rule.keyword.text.toLowerCase();
  const inSubject = content.subject.toLowerCase().includes(needle);
  const inBody = content.body.toLowerCase().includes(needle);
  if (rule.keyword.scope === 'subject') return inSubject;
  if (rule.keyword.scope === 'body') return inBody;
  return inSubject || inBody;
}
