/**
 * Pre-flight: what the SES simulator would refuse about a send, found before the person presses
 * Send, each with the change that would let it through. The checks are the simulator's own, in
 * its order (configuration set, verified identities, sending paused, the 24-hour quota), and each
 * finding is worded as SES words the error. Unlike SES, which answers with the first refusal
 * only, every problem is listed at once, so that one pass fixes them all.
 *
 * The rate limit is left out: it clears by itself within a second.
 */
import { asciiAddress, firstHeader, flattenAddresses, parseAddressList } from '../mime/index.ts';
import { splitAddressList } from './draft-fields.ts';
import type { HeaderField } from '../mime/types.ts';
import {
  accountSendingPausedError,
  configurationSetDoesNotExistError,
  configurationSetSendingPausedError,
  dailyQuotaError,
  domainOf,
  findCoveringIdentity,
  isSimulatorAddress,
  notVerifiedError,
  QUOTA_WINDOW_MS,
  type AccountDetails,
  type ConfigurationSet,
  type IdentityRecord,
  type SendEmailRequest,
  type SesErrorCode,
} from '../ses/index.ts';

/** What of the simulated account the checks read (a subset of the SES workspace's view). */
export interface PreflightAccount {
  region: string;
  identities: readonly IdentityRecord[];
  configurationSets: readonly Pick<ConfigurationSet, 'name' | 'sendingEnabled'>[];
  account: Pick<AccountDetails, 'ProductionAccessEnabled' | 'SendingEnabled' | 'SendQuota'>;
}

/** The send to check: the SendEmail request Compose would make, and the draft's extra headers. */
export interface PreflightSend {
  request: SendEmailRequest;
  /** Extra headers of the draft; SES checks their Sender and Return-Path in Raw content. */
  headers?: readonly HeaderField[];
}

/** The Compose field an address was typed in. */
export type AddressField = 'to' | 'cc' | 'bcc';

/** A one-click change that removes a finding. */
export type PreflightFix =
  | { kind: 'verify-identity'; identity: string }
  | { kind: 'create-configuration-set'; name: string }
  | { kind: 'resume-configuration-set'; name: string }
  | { kind: 'enable-sending' }
  | { kind: 'let-time-pass'; ms: number }
  /** Put a mailbox simulator address in place of `address` in the draft's `field`. */
  | { kind: 'use-simulator-address'; field: AddressField; address: string };

/** One thing SES would refuse. */
export interface PreflightFinding {
  /** Stable: `configuration-set-missing`, `sender-not-verified`, … */
  code:
    | 'configuration-set-missing'
    | 'sender-not-verified'
    | 'recipient-not-verified'
    | 'sending-paused'
    | 'configuration-set-paused'
    | 'daily-quota-exceeded';
  /** The SES v2 error code the send would get. */
  errorCode: SesErrorCode;
  /** SES's own message for this one problem. */
  message: string;
  /** The address, identity or set it is about, when it is about one. */
  subject?: string;
  fixes: PreflightFix[];
}

/** What the checks found, and the one answer SES would give (its first refusal), if any. */
export interface PreflightReport {
  findings: PreflightFinding[];
  /** The error SES would answer this send with, in its words; undefined when it would accept. */
  answer?: { code: SesErrorCode; message: string };
}

/** The bare address of one mailbox as a request carries it, IDN domains in Punycode. */
function addressOf(text: string): string | undefined {
  const [mailbox] = flattenAddresses(parseAddressList(text));
  return mailbox?.address ? asciiAddress(mailbox.address) : undefined;
}

/** Check a send against the simulated account (pure: the same inputs give the same report). */
export function preflightSend(account: PreflightAccount, send: PreflightSend): PreflightReport {
  const { request } = send;
  const findings: PreflightFinding[] = [];
  const answers: Array<{ code: SesErrorCode; message: string }> = [];
  const covered = (address: string) =>
    findCoveringIdentity(account.identities, address) !== undefined;

  const setName = request.ConfigurationSetName;
  const set = account.configurationSets.find((s) => s.name === setName);
  if (setName !== undefined && !set) {
    const error = configurationSetDoesNotExistError(setName);
    answers.push(error);
    findings.push({
      code: 'configuration-set-missing',
      errorCode: error.code,
      message: error.message,
      subject: setName,
      fixes: [{ kind: 'create-configuration-set', name: setName }],
    });
  }

  // Every identity that fails, in the order SES lists them; SES names each once.
  const failed: string[] = [];
  const senders: string[] = [];
  if (request.FromEmailAddress !== undefined) senders.push(request.FromEmailAddress);
  if (request.Content.Raw !== undefined) {
    for (const name of ['Sender', 'Return-Path']) {
      const value = firstHeader(send.headers ?? [], name)?.trim() || undefined;
      if (value !== undefined) senders.push(value);
    }
  }
  if (request.FeedbackForwardingEmailAddress !== undefined) {
    senders.push(request.FeedbackForwardingEmailAddress);
  }
  for (const text of senders) {
    const address = addressOf(text);
    if (address === undefined || covered(address) || failed.includes(text)) continue;
    failed.push(text);
    findings.push({
      code: 'sender-not-verified',
      errorCode: 'MessageRejected',
      message: notVerifiedError(account.region, [text]).message,
      subject: address,
      fixes: [
        { kind: 'verify-identity', identity: domainOf(address) },
        { kind: 'verify-identity', identity: address },
      ],
    });
  }
  if (!account.account.ProductionAccessEnabled) {
    const fields: Array<[AddressField, string[] | undefined]> = [
      ['to', request.Destination?.ToAddresses],
      ['cc', request.Destination?.CcAddresses],
      ['bcc', request.Destination?.BccAddresses],
    ];
    for (const [field, list] of fields) {
      for (const text of list ?? []) {
        const address = addressOf(text);
        if (address === undefined || isSimulatorAddress(address) || covered(address)) continue;
        if (failed.includes(text)) continue;
        failed.push(text);
        findings.push({
          code: 'recipient-not-verified',
          errorCode: 'MessageRejected',
          message: notVerifiedError(account.region, [text]).message,
          subject: address,
          fixes: [
            { kind: 'use-simulator-address', field, address },
            { kind: 'verify-identity', identity: address },
          ],
        });
      }
    }
  }
  if (failed.length > 0) answers.push(notVerifiedError(account.region, failed));

  if (!account.account.SendingEnabled) {
    const error = accountSendingPausedError();
    answers.push(error);
    findings.push({
      code: 'sending-paused',
      errorCode: error.code,
      message: error.message,
      fixes: [{ kind: 'enable-sending' }],
    });
  }
  if (set && !set.sendingEnabled) {
    const error = configurationSetSendingPausedError(set.name);
    answers.push(error);
    findings.push({
      code: 'configuration-set-paused',
      errorCode: error.code,
      message: error.message,
      subject: set.name,
      fixes: [{ kind: 'resume-configuration-set', name: set.name }],
    });
  }

  const quota = account.account.SendQuota;
  // Recipients count once each, however often they are named; the simulator's do not count.
  const countable = new Set(
    [
      ...(request.Destination?.ToAddresses ?? []),
      ...(request.Destination?.CcAddresses ?? []),
      ...(request.Destination?.BccAddresses ?? []),
    ]
      .map(addressOf)
      .filter((address) => address !== undefined && !isSimulatorAddress(address)),
  ).size;
  if (
    countable > 0 &&
    quota.Max24HourSend >= 0 &&
    quota.SentLast24Hours + countable > quota.Max24HourSend
  ) {
    const error = dailyQuotaError();
    answers.push(error);
    findings.push({
      code: 'daily-quota-exceeded',
      errorCode: error.code,
      message: error.message,
      fixes: [{ kind: 'let-time-pass', ms: QUOTA_WINDOW_MS }],
    });
  }

  const [first] = answers;
  return first ? { findings, answer: { code: first.code, message: first.message } } : { findings };
}

/**
 * An address field's text with every mailbox whose address is `address` (compared as a request
 * carries it) replaced by `replacement`; the other entries stay as typed.
 */
export function replaceRecipient(text: string, address: string, replacement: string): string {
  return splitAddressList(text)
    .map((entry) => (addressOf(entry) === address ? replacement : entry))
    .join(', ');
}
