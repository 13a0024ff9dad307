/**
 * The contacts of a contact list (SES v2 `CreateContact`, `GetContact`, `UpdateContact`,
 * `DeleteContact`, `ListContacts`) and what a contact's preferences mean for one topic. Addresses
 * are matched without regard to case, as mailbox providers treat them.
 */
import { addressError } from '../identities/address.ts';
import { MAX_CONTACTS_PAGE } from '../limits.ts';
import {
  alreadyExistsError,
  contactNotFoundError,
  listBadRequestError,
} from './contact-list-errors.ts';
import {
  findContactList,
  type ContactListRecord,
  type ContactRecord,
  type SubscriptionStatus,
  type Topic,
  type TopicPreference,
} from './contact-lists.ts';

/** v2 `CreateContact` / `UpdateContact` input. */
export interface ContactRequest {
  ContactListName: string;
  EmailAddress: string;
  TopicPreferences?: TopicPreference[];
  UnsubscribeAll?: boolean;
  AttributesData?: string;
}

/** v2 `GetContact` output. */
export interface GetContactResponse {
  ContactListName: string;
  EmailAddress: string;
  TopicPreferences: TopicPreference[];
  TopicDefaultPreferences: TopicPreference[];
  UnsubscribeAll: boolean;
  AttributesData?: string;
  CreatedTimestamp: string;
  LastUpdatedTimestamp: string;
}

/** v2 `ListContacts` input. */
export interface ListContactsRequest {
  ContactListName: string;
  Filter?: {
    FilteredStatus?: SubscriptionStatus;
    TopicFilter?: { TopicName?: string; UseDefaultIfPreferenceUnavailable?: boolean };
  };
  PageSize?: number;
  NextToken?: string;
}

/** One contact in a `ListContacts` page (v2 `Contact`). */
export interface ContactSummary {
  EmailAddress: string;
  TopicPreferences: TopicPreference[];
  TopicDefaultPreferences: TopicPreference[];
  UnsubscribeAll: boolean;
  LastUpdatedTimestamp: string;
}

/** v2 `ListContacts` output. */
export interface ListContactsResponse {
  Contacts: ContactSummary[];
  NextToken?: string;
}

/** The contact with that address, when the list has one. */
export function findContact(list: ContactListRecord, address: string): ContactRecord | undefined {
  const key = address.toLowerCase();
  return list.contacts.find((c) => c.EmailAddress.toLowerCase() === key);
}

function requireContact(list: ContactListRecord, address: string): ContactRecord {
  const contact = findContact(list, address);
  if (!contact) throw contactNotFoundError(list.ContactListName, address);
  return contact;
}

function topicNamed(list: ContactListRecord, name: string): Topic | undefined {
  return list.Topics.find((t) => t.TopicName === name);
}

function checkPreferences(list: ContactListRecord, preferences: readonly TopicPreference[]) {
  const seen = new Set<string>();
  return preferences.map((p) => {
    if (!topicNamed(list, p.TopicName)) {
      throw listBadRequestError(
        `Contact list <${list.ContactListName}> has no topic ${p.TopicName}.`,
      );
    }
    if (seen.has(p.TopicName)) throw listBadRequestError(`Topic ${p.TopicName} is given twice.`);
    seen.add(p.TopicName);
    if (p.SubscriptionStatus !== 'OPT_IN' && p.SubscriptionStatus !== 'OPT_OUT') {
      throw listBadRequestError(`A topic's SubscriptionStatus is OPT_IN or OPT_OUT.`);
    }
    return { TopicName: p.TopicName, SubscriptionStatus: p.SubscriptionStatus };
  });
}

/** The list's defaults, one per topic (`TopicDefaultPreferences`). */
export function defaultPreferences(list: ContactListRecord): TopicPreference[] {
  return list.Topics.map((t) => ({
    TopicName: t.TopicName,
    SubscriptionStatus: t.DefaultSubscriptionStatus,
  }));
}

/**
 * Whether the contact receives mail on a topic: never after UnsubscribeAll; else its stated
 * preference, else the topic's default. Without a topic, only UnsubscribeAll keeps mail away.
 */
export function receivesTopic(
  list: ContactListRecord,
  contact: ContactRecord,
  topicName: string | undefined,
): boolean {
  if (contact.UnsubscribeAll) return false;
  if (topicName === undefined) return true;
  const stated = contact.TopicPreferences.find((p) => p.TopicName === topicName);
  const status =
    stated?.SubscriptionStatus ?? topicNamed(list, topicName)?.DefaultSubscriptionStatus;
  return status !== 'OPT_OUT';
}

/** `CreateContact`. */
export function createContact(
  lists: readonly ContactListRecord[],
  request: ContactRequest,
  nowIso: string,
): void {
  const list = findContactList(lists, request.ContactListName);
  const problem = addressError(request.EmailAddress ?? '');
  if (problem)
    throw listBadRequestError(`${request.EmailAddress} is not an email address: ${problem}.`);
  if (findContact(list, request.EmailAddress)) {
    throw alreadyExistsError(`Contact <${request.EmailAddress}> on <${list.ContactListName}>`);
  }
  list.contacts.push({
    EmailAddress: request.EmailAddress,
    TopicPreferences: checkPreferences(list, request.TopicPreferences ?? []),
    UnsubscribeAll: request.UnsubscribeAll ?? false,
    ...(request.AttributesData !== undefined ? { AttributesData: request.AttributesData } : {}),
    CreatedTimestamp: nowIso,
    LastUpdatedTimestamp: nowIso,
  });
}

/** `UpdateContact`: what is given replaces the contact's preferences and attributes. */
export function updateContact(
  lists: readonly ContactListRecord[],
  request: ContactRequest,
  nowIso: string,
): void {
  const list = findContactList(lists, request.ContactListName);
  const contact = requireContact(list, request.EmailAddress);
  contact.TopicPreferences = checkPreferences(list, request.TopicPreferences ?? []);
  contact.UnsubscribeAll = request.UnsubscribeAll ?? false;
  if (request.AttributesData !== undefined) contact.AttributesData = request.AttributesData;
  contact.LastUpdatedTimestamp = nowIso;
}

/** `DeleteContact`. */
export function deleteContact(
  lists: readonly ContactListRecord[],
  listName: string,
  address: string,
): void {
  const list = findContactList(lists, listName);
  const contact = requireContact(list, address);
  list.contacts = list.contacts.filter((c) => c !== contact);
}

/** `GetContact`. */
export function getContact(
  lists: readonly ContactListRecord[],
  listName: string,
  address: string,
): GetContactResponse {
  const list = findContactList(lists, listName);
  const contact = requireContact(list, address);
  return {
    ContactListName: list.ContactListName,
    EmailAddress: contact.EmailAddress,
    TopicPreferences: structuredClone(contact.TopicPreferences),
    TopicDefaultPreferences: defaultPreferences(list),
    UnsubscribeAll: contact.UnsubscribeAll,
    ...(contact.AttributesData !== undefined ? { AttributesData: contact.AttributesData } : {}),
    CreatedTimestamp: contact.CreatedTimestamp,
    LastUpdatedTimestamp: contact.LastUpdatedTimestamp,
  };
}

/**
 * Whether a contact passes a `ListContacts` filter. With a topic, its status on that topic
 * (UnsubscribeAll counts as OPT_OUT; the default counts only with
 * `UseDefaultIfPreferenceUnavailable`); without one, OPT_OUT means UnsubscribeAll. SES documents
 * the filter's fields but not these rules: they are the simulator's reading.
 */
function passes(list: ContactListRecord, contact: ContactRecord, request: ListContactsRequest) {
  const status = request.Filter?.FilteredStatus;
  if (status === undefined) return true;
  const topic = request.Filter?.TopicFilter?.TopicName;
  if (topic === undefined) return (status === 'OPT_OUT') === contact.UnsubscribeAll;
  if (contact.UnsubscribeAll) return status === 'OPT_OUT';
  const stated = contact.TopicPreferences.find((p) => p.TopicName === topic)?.SubscriptionStatus;
  const useDefault = request.Filter?.TopicFilter?.UseDefaultIfPreferenceUnavailable === true;
  const effective =
    stated ?? (useDefault ? topicNamed(list, topic)?.DefaultSubscriptionStatus : undefined);
  return effective === status;
}

/** `ListContacts`, a page at a time; `NextToken` is the position of the next contact. */
export function listContacts(
  lists: readonly ContactListRecord[],
  request: ListContactsRequest,
): ListContactsResponse {
  const list = findContactList(lists, request.ContactListName);
  const topic = request.Filter?.TopicFilter?.TopicName;
  if (topic !== undefined && !topicNamed(list, topic)) {
    throw listBadRequestError(`Contact list <${list.ContactListName}> has no topic ${topic}.`);
  }
  const size = request.PageSize ?? MAX_CONTACTS_PAGE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_CONTACTS_PAGE) {
    throw listBadRequestError(`PageSize is a whole number from 1 to ${MAX_CONTACTS_PAGE}.`);
  }
  const start = request.NextToken === undefined ? 0 : Number(request.NextToken);
  if (!Number.isInteger(start) || start < 0)
    throw listBadRequestError('The NextToken is not valid.');
  const matching = list.contacts.filter((c) => passes(list, c, request));
  const page = matching.slice(start, start + size);
  return {
    Contacts: page.map((c) => ({
      EmailAddress: c.EmailAddress,
      TopicPreferences: structuredClone(c.TopicPreferences),
      TopicDefaultPreferences: defaultPreferences(list),
      UnsubscribeAll: c.UnsubscribeAll,
      LastUpdatedTimestamp: c.LastUpdatedTimestamp,
    })),
    ...(start + size < matching.length ? { NextToken: String(start + size) } : {}),
  };
}
