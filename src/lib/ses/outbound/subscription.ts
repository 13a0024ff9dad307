/**
 * A recipient unsubscribing from a message sent with `ListManagementOptions`: SES updates the
 * contact's preferences (the message's topic, or every topic when the message named none) and
 * publishes a `Subscription` event to the configuration set's destinations that take
 * SUBSCRIPTION (SES event publishing, "Contents of event data": the `subscription` object with
 * `contactList`, `timestamp`, `source`, `newTopicPreferences`, `oldTopicPreferences`).
 */
import { findContactList, type ContactListRecord } from '../account/contact-lists.ts';
import { findContact } from '../account/contacts.ts';
import type { SentMessage, SesSimulatorState } from '../api/state.ts';
import { eventMail } from './mail-object.ts';
import { publishEvent } from './publishing.ts';

/** A contact's preferences as a Subscription event writes them. */
export interface EventTopicPreferences {
  unsubscribeAll: boolean;
  topicSubscriptionStatus: Array<{ topicName: string; subscriptionStatus: 'OptIn' | 'OptOut' }>;
}

/** The `subscription` object of a Subscription event. */
export interface SubscriptionObject {
  contactList: string;
  timestamp: string;
  source: string;
  newTopicPreferences: EventTopicPreferences;
  oldTopicPreferences: EventTopicPreferences;
}

/** How the recipient unsubscribed. */
export interface UnsubscribeOptions {
  /**
   * The mail client's one-click POST to the `List-Unsubscribe` URL (RFC 8058), reported with
   * SES's documented source `UnsubscribeHeader`; otherwise the person opened the link in the
   * message's body.
   */
  oneClick?: boolean;
}

/** The source SES's example names for the List-Unsubscribe header. */
export const HEADER_SOURCE = 'UnsubscribeHeader';
/**
 * The source the simulator gives the body's unsubscribe link: SES documents only
 * `UnsubscribeHeader`, so this value is the simulator's own.
 */
export const LINK_SOURCE = 'UnsubscribeLink';

function preferencesOf(list: ContactListRecord, address: string): EventTopicPreferences {
  const contact = findContact(list, address);
  return {
    unsubscribeAll: contact?.UnsubscribeAll ?? false,
    // Every topic with the status in effect for the contact (stated, else the topic's default).
    topicSubscriptionStatus: list.Topics.map((t) => {
      const stated = contact?.TopicPreferences.find((p) => p.TopicName === t.TopicName);
      const status = stated?.SubscriptionStatus ?? t.DefaultSubscriptionStatus;
      return {
        topicName: t.TopicName,
        subscriptionStatus: status === 'OPT_IN' ? 'OptIn' : 'OptOut',
      };
    }),
  };
}

function unsubscribableMessage(state: SesSimulatorState, messageId: string, recipient: string) {
  const message = state.messages.find((m) => m.mail.messageId === messageId);
  if (!message) throw new RangeError(`No message ${messageId} was sent.`);
  const record = message.recipients.find(
    (r) => r.emailAddress.toLowerCase() === recipient.toLowerCase(),
  );
  if (!record) throw new RangeError(`${recipient} is not a recipient of ${messageId}.`);
  if (record.status !== 'delivered') {
    throw new RangeError(
      `${recipient} has not received ${messageId}, so cannot unsubscribe from it.`,
    );
  }
  const listManagement = message.listManagement;
  if (!listManagement?.unsubscribeUrl) {
    throw new RangeError(
      listManagement
        ? `${messageId} went to several recipients, so SES gave it no unsubscribe link.`
        : `${messageId} was sent without ListManagementOptions, so it has no unsubscribe link.`,
    );
  }
  return { message, listManagement, address: record.emailAddress };
}

/**
 * The recipient of a message unsubscribes: from the message's topic, or from the whole list when
 * the message named no topic. An address that is not yet a contact becomes one. Returns the
 * `subscription` object; throws RangeError when the recipient has no link to use, SesError
 * `NotFoundException` when the list has since been deleted.
 */
export function unsubscribe(
  state: SesSimulatorState,
  messageId: string,
  recipient: string,
  options: UnsubscribeOptions,
  nowMs: number,
): SubscriptionObject {
  const { message, listManagement, address } = unsubscribableMessage(state, messageId, recipient);
  const list = findContactList(state.contactLists, listManagement.contactListName);
  const topic = listManagement.topicName;
  if (topic !== undefined && !list.Topics.some((t) => t.TopicName === topic)) {
    throw new RangeError(`Contact list ${list.ContactListName} no longer has topic ${topic}.`);
  }
  const nowIso = new Date(nowMs).toISOString();
  const oldTopicPreferences = preferencesOf(list, address);
  let contact = findContact(list, address);
  if (!contact) {
    contact = {
      EmailAddress: address,
      TopicPreferences: [],
      UnsubscribeAll: false,
      CreatedTimestamp: nowIso,
      LastUpdatedTimestamp: nowIso,
    };
    list.contacts.push(contact);
  }
  if (topic === undefined) contact.UnsubscribeAll = true;
  else {
    contact.TopicPreferences = [
      ...contact.TopicPreferences.filter((p) => p.TopicName !== topic),
      { TopicName: topic, SubscriptionStatus: 'OPT_OUT' },
    ];
  }
  contact.LastUpdatedTimestamp = nowIso;
  const subscription: SubscriptionObject = {
    contactList: list.ContactListName,
    timestamp: nowIso,
    source: options.oneClick ? HEADER_SOURCE : LINK_SOURCE,
    newTopicPreferences: preferencesOf(list, address),
    oldTopicPreferences,
  };
  publishEvent(state, message, nowMs, 'SUBSCRIPTION', () =>
    subscriptionEvent(message, subscription),
  );
  return subscription;
}

/** A `Subscription` event, its fields in the order of SES's example. */
export function subscriptionEvent(message: SentMessage, subscription: SubscriptionObject): object {
  return {
    eventType: 'Subscription',
    mail: eventMail(message.mail, 'after-delivery'),
    subscription: structuredClone(subscription),
  };
}
