/**
 * `ListManagementOptions` on SendEmail (SES subscription management): the named contact list must
 * exist (else `NotFoundException`) and so must the topic; recipients who unsubscribed from the
 * topic, or from everything, are not sent to and bounce instead ("SES will issue a bounce event
 * for a message that is sent to an unsubscribed contact", SES list management guide); and the
 * message gets SES's `List-Unsubscribe` and `List-Unsubscribe-Post` headers (RFC 2369, RFC 8058)
 * and its `{{amazonSESUnsubscribeUrl}}` placeholders replaced by the recipient's unsubscribe link.
 */
import { nextUint32, type Random } from '../api/ids.ts';
import type { SesListManagementOptions } from '../api/request-types.ts';
import type { PlannedRecipient } from './delivery-plan.ts';
import { findContactList, type ContactListRecord } from '../account/contact-lists.ts';
import { findContact, receivesTopic } from '../account/contacts.ts';
import { listBadRequestError } from '../account/contact-list-errors.ts';
import { rewriteHeaderSection } from './header-section.ts';
import { rewriteBodyText } from './body-text-rewrite.ts';
import { SUPPRESSION_REPORTING_MTA } from './mailbox-simulator.ts';

/** The placeholder SES replaces with the recipient's unsubscribe link. */
export const UNSUBSCRIBE_PLACEHOLDER = '{{amazonSESUnsubscribeUrl}}';

/**
 * Host of the simulator's unsubscribe links. SES documents no form for its links, so the
 * simulator's are its own, on the reserved `.invalid` top-level domain (RFC 2606) so that no one
 * takes them for SES's or can reach them.
 */
export const UNSUBSCRIBE_HOST = 'unsubscribe.ses-simulator.invalid';

/** What a sent message keeps of its list management. */
export interface ListManagementRecord {
  contactListName: string;
  topicName?: string;
  /** The recipient's unsubscribe link, when SES added one. */
  unsubscribeUrl?: string;
  /** The `mailto:` address of the `List-Unsubscribe` header, when SES added one. */
  unsubscribeMailto?: string;
}

/**
 * Check a send's `ListManagementOptions` against the account's lists; throws SesError
 * (`NotFoundException` for the list; `BadRequestException` for an unknown topic, as emulators of
 * SES answer: SES documents no text for it).
 */
export function checkListManagement(
  lists: readonly ContactListRecord[],
  options: SesListManagementOptions,
): ContactListRecord {
  if (typeof options.ContactListName !== 'string') {
    throw listBadRequestError('ListManagementOptions needs a ContactListName.');
  }
  const list = findContactList(lists, options.ContactListName);
  const topic = options.TopicName;
  if (topic !== undefined && !list.Topics.some((t) => t.TopicName === topic)) {
    throw listBadRequestError(`Contact list <${list.ContactListName}> has no topic ${topic}.`);
  }
  return list;
}

/** Whether a recipient is a contact who unsubscribed from the message's topic (or from all). */
export function isUnsubscribed(
  list: ContactListRecord,
  topicName: string | undefined,
  address: string,
): boolean {
  const contact = findContact(list, address);
  // An address that is not a contact has stated nothing: SES sends to it.
  return contact !== undefined && !receivesTopic(list, contact, topicName);
}

/**
 * The plan for an unsubscribed recipient: not sent, reported as a `Permanent` bounce SES makes
 * itself, counted toward no rate and put on no suppression list. The subtype
 * `UnsubscribedRecipient` is named by third-party lists of SES's subtypes, not by SES's own
 * documentation; the bounce carries no status or diagnostic, which SES documents none of.
 */
export function unsubscribedPlan(): PlannedRecipient {
  return {
    route: 'unsubscribed',
    plan: {
      kind: 'bounce',
      bounceType: 'Permanent',
      bounceSubType: 'UnsubscribedRecipient',
      reportingMTA: SUPPRESSION_REPORTING_MTA,
      withRemoteMtaIp: false,
    },
    countsForReputation: false,
  };
}

/** A new unsubscribe token: 32 hexadecimal digits from the simulator's generator. */
function newToken(random: Random): string {
  let token = '';
  for (let i = 0; i < 4; i++) token += nextUint32(random).toString(16).padStart(8, '0');
  return token;
}

/**
 * Add SES's unsubscribe headers and link to the submitted message. SES does this only for a
 * message with one recipient (the link is that recipient's; emulators of SES observe the same),
 * so a message to several gets the record without a link and is left unchanged. A
 * `List-Unsubscribe` the sender wrote is replaced by SES's.
 */
export function applyListManagement(
  raw: Uint8Array,
  options: SesListManagementOptions,
  recipients: readonly string[],
  random: Random,
): { raw: Uint8Array; record: ListManagementRecord } {
  const record: ListManagementRecord = {
    contactListName: options.ContactListName,
    ...(options.TopicName !== undefined ? { topicName: options.TopicName } : {}),
  };
  if (recipients.length !== 1) return { raw, record };
  const token = newToken(random);
  const url = `https://${UNSUBSCRIBE_HOST}/v1/unsubscribe/${token}`;
  const mailto = `unsubscribe-${token}@${UNSUBSCRIBE_HOST}`;
  record.unsubscribeUrl = url;
  record.unsubscribeMailto = mailto;
  // List-Unsubscribe first, then List-Unsubscribe-Post (RFC 8058 §3.1 examples' order).
  const headed = rewriteHeaderSection(raw, {
    remove: ['List-Unsubscribe', 'List-Unsubscribe-Post'],
    prepend: [
      { name: 'List-Unsubscribe', value: `<${url}>, <mailto:${mailto}>` },
      { name: 'List-Unsubscribe-Post', value: 'List-Unsubscribe=One-Click' },
    ],
  });
  const linked = rewriteBodyText(headed, (text) =>
    text.includes(UNSUBSCRIBE_PLACEHOLDER) ? text.split(UNSUBSCRIBE_PLACEHOLDER).join(url) : text,
  );
  return { raw: linked, record };
}
