/**
 * Accepting a send: every check SES makes, in order, then the message recorded, its Send event
 * published and its delivery scheduled. Throws SesError exactly where SES answers with an error;
 * a message SES accepts but does not deliver (suppressed, virus) gets its MessageId.
 */
import { firstHeader, decodeEncodedWords, encodeBase64 } from '../../mime/index.ts';
import { domainOf, readSesMailbox } from '../identities/address.ts';
import {
  accountSendingPausedError,
  configurationSetDoesNotExistError,
  configurationSetSendingPausedError,
  notVerifiedError,
} from '../api/errors.ts';
import { DEFAULT_MAX_DELIVERY_MS, schedule } from './delivery-engine.ts';
import { planRecipient } from './delivery-plan.ts';
import { findCoveringIdentity } from '../identities/identities.ts';
import { feedbackIdHeader, outgoingIp, sesMessageId, sesMessageIdHeader } from '../api/ids.ts';
import { isSimulatorAddress } from './mailbox-simulator.ts';
import { containsTestVirus } from './message-content.ts';
import { commonHeadersOf, truncateHeaders, type MailRecord } from './mail-object.ts';
import { renderingFailureEvent, sendEvent } from './notifications.ts';
import { renderRequest } from '../account/templates.ts';
import { stampMessage, submittedMessage } from './outgoing-message.ts';
import { signOutgoing } from './dkim-signing.ts';
import { mailFromDomainFor } from '../identities/mail-from.ts';
import { countReputation, publishEvent, randomInt, suppressedReasonsFor } from './publishing.ts';
import type { SendEmailRequest } from '../api/request-types.ts';
import type { TemplatedOperation } from '../api/templated-sending.ts';
import { quotaError, recordSend } from '../account/sandbox-and-quota.ts';
import type { RecipientRecord, SentMessage, SesSimulatorState } from '../api/state.ts';
import { checkMessageSize, prepareSend } from './validation.ts';
import { moveRecipient } from './recipient-status.ts';
import {
  applyListManagement,
  checkListManagement,
  isUnsubscribed,
  unsubscribedPlan,
} from './list-management.ts';

export { EICAR } from './message-content.ts';

/** What the caller learned by inspecting Raw content before sending, if it did. */
export interface RawInsight {
  /** File names of the message's attachments. */
  attachmentNames?: readonly string[];
  /** The API operation, published as the `ses:operation` tag (default `SendEmail`). */
  operation?: TemplatedOperation | 'SendRawEmail';
  /** The message size limit of the API used (default v2's). */
  sizeLimit?: number;
}

/** Accept a v2 SendEmail request at `nowMs`; returns the MessageId. Throws SesError. */
export function acceptSend(
  state: SesSimulatorState,
  request: SendEmailRequest,
  nowMs: number,
  insight: RawInsight = {},
): string {
  const templated = request.Content?.Template !== undefined;
  const rendered = renderRequest(request, state.templates);
  const failure = rendered.failure;
  request = rendered.request;
  const prepared = prepareSend(request, insight.attachmentNames ?? [], insight.sizeLimit);
  const setName = prepared.configurationSetName;
  const set = state.configurationSets.find((s) => s.name === setName);
  if (setName !== undefined && !set) throw configurationSetDoesNotExistError(setName);
  const listOptions = prepared.listManagement;
  const contactList =
    listOptions !== undefined ? checkListManagement(state.contactLists, listOptions) : undefined;

  const failed: string[] = [];
  const senderIdentity = findCoveringIdentity(state.identities, prepared.from.address);
  if (!senderIdentity) failed.push(prepared.from.text);
  // Sender and Return-Path must be verified as well as From (ses-facts §3.2).
  const returnPathHeader = firstHeader(prepared.rawHeaders ?? [], 'Return-Path');
  const returnPath =
    returnPathHeader === undefined ? undefined : readSesMailbox(returnPathHeader)?.address;
  for (const name of ['Sender', 'Return-Path']) {
    const value = firstHeader(prepared.rawHeaders ?? [], name);
    const mailbox = value === undefined ? undefined : readSesMailbox(value);
    if (mailbox && !findCoveringIdentity(state.identities, mailbox.address))
      failed.push(value as string);
  }
  const feedback = request.FeedbackForwardingEmailAddress;
  if (feedback !== undefined && !findCoveringIdentity(state.identities, feedback))
    failed.push(feedback);
  if (!state.account.productionAccessEnabled) {
    for (const mailbox of [...prepared.to, ...prepared.cc, ...prepared.bcc]) {
      if (isSimulatorAddress(mailbox.address)) continue;
      if (!findCoveringIdentity(state.identities, mailbox.address)) failed.push(mailbox.text);
    }
  }
  if (failed.length > 0 || !senderIdentity)
    throw notVerifiedError(state.region, [...new Set(failed)]);
  if (!state.account.sendingEnabled) throw accountSendingPausedError();
  if (set && !set.sendingEnabled) throw configurationSetSendingPausedError(set.name);
  const mailFromDomain = mailFromDomainFor(state.authentication, prepared.from.address);

  const countable = prepared.recipients.filter((r) => !isSimulatorAddress(r)).length;
  const throttled = quotaError(state.account, nowMs, prepared.recipients.length, countable);
  if (throttled) throw throttled;

  const acceptedAt = new Date(nowMs);
  const submitted = submittedMessage(prepared, acceptedAt, state.random);
  checkMessageSize(submitted.raw.length, insight.sizeLimit);

  const listed =
    listOptions !== undefined
      ? applyListManagement(submitted.raw, listOptions, prepared.recipients, state.random)
      : undefined;
  const messageId = sesMessageId(state.random, state.region, nowMs);
  const ip = outgoingIp(state.random);
  const stamped = stampMessage(listed?.raw ?? submitted.raw, {
    messageIdHeader: sesMessageIdHeader(messageId, state.region),
    acceptedAt,
    feedbackId: feedbackIdHeader(state.random, state.region),
    outgoingIp: ip,
    returnPath: `${messageId}@${mailFromDomain ?? 'amazonses.com'}`,
  });
  const delivered = signOutgoing(state.authentication, stamped, prepared.from.address, nowMs);
  const truncated = truncateHeaders(submitted.headers);
  const simpleSubject = prepared.simple?.Subject.Data;
  const decode =
    simpleSubject !== undefined ? () => simpleSubject : (v: string) => decodeEncodedWords(v);
  const tags: Record<string, string[]> = { 'ses:operation': [insight.operation ?? 'SendEmail'] };
  if (setName !== undefined) tags['ses:configuration-set'] = [setName];
  tags['ses:source-ip'] = [state.sourceIp];
  tags['ses:from-domain'] = [domainOf(prepared.from.address)];
  tags['ses:caller-identity'] = [state.callerIdentity];
  for (const tag of prepared.tags) tags[tag.Name] = [...(tags[tag.Name] ?? []), tag.Value];

  const mail: MailRecord = {
    timestamp: acceptedAt.toISOString(),
    messageId,
    source: prepared.from.text,
    sourceArn: `arn:aws:ses:${state.region}:${state.accountId}:identity/${senderIdentity.identity}`,
    sourceIp: state.sourceIp,
    sendingAccountId: state.accountId,
    callerIdentity: state.callerIdentity,
    destination: [...prepared.recipients],
    headersTruncated: truncated.truncated,
    headers: truncated.headers,
    commonHeaders: commonHeadersOf(submitted.headers, messageId, decode),
    tags,
    outgoingIp: ip,
    ...(setName !== undefined ? { configurationSetName: setName } : {}),
  };
  const planning = {
    identities: state.identities,
    suppressionList: state.suppressionList,
    globalSuppressionList: state.globalSuppressionList,
    suppressedReasons: suppressedReasonsFor(state, setName),
    outcomeRules: state.outcomeRules,
    nowMs,
    randomInt: (min: number, max: number) => randomInt(state, min, max),
  };
  const recipients: RecipientRecord[] = prepared.recipients.map((address) => ({
    emailAddress: address,
    ...(contactList && isUnsubscribed(contactList, listOptions?.TopicName, address)
      ? unsubscribedPlan()
      : planRecipient(address, planning)),
    status: 'pending',
    complained: false,
  }));
  const firstAttemptAt = nowMs + randomInt(state, 500, 3_000);
  const rejected = containsTestVirus(submitted.raw);
  const message: SentMessage = {
    mail,
    acceptedAt: nowMs,
    firstAttemptAt,
    content: templated ? 'Template' : prepared.content,
    identity: senderIdentity.identity,
    // Feedback goes to the request's address, else the Return-Path, else the sender (ses-facts §1).
    feedbackAddress: feedback ?? returnPath ?? prepared.from.address,
    deliveredRaw: encodeBase64(delivered),
    expiresAt:
      nowMs +
      (set?.maxDeliverySeconds !== undefined
        ? set.maxDeliverySeconds * 1000
        : DEFAULT_MAX_DELIVERY_MS),
    rejected,
    recipients,
    ...(failure ? { renderingFailure: failure } : {}),
    ...(listed ? { listManagement: listed.record } : {}),
  };
  state.messages.push(message);
  state.account = recordSend(state.account, nowMs, prepared.recipients.length, countable);
  const addresses = recipients.map((r) => r.emailAddress);
  if (failure) {
    for (const r of recipients) moveRecipient(r, 'rejected');
    publishEvent(state, message, nowMs, 'RENDERING_FAILURE', () =>
      renderingFailureEvent(mail, failure),
    );
    return messageId;
  }
  publishEvent(state, message, nowMs, 'SEND', () => sendEvent(mail));
  if (rejected) {
    schedule(state, firstAttemptAt, messageId, 'reject', addresses);
  } else {
    countReputation(state, nowMs, 'send', recipients.filter((r) => r.countsForReputation).length);
    schedule(state, firstAttemptAt, messageId, 'attempt', addresses);
  }
  return messageId;
}
