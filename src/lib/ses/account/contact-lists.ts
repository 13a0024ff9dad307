/**
 * SES list management: contact lists with topics (SES v2 `CreateContactList`, `GetContactList`,
 * `UpdateContactList`, `DeleteContactList`, `ListContactLists`). SES allows one list per account
 * and 20 topics per list; a topic's `DefaultSubscriptionStatus` applies to every contact that has
 * stated no preference for it. The contacts themselves are in contacts.ts.
 */
import { MAX_CONTACT_LISTS, MAX_TOPICS } from '../limits.ts';
import {
  alreadyExistsError,
  contactListNotFoundError,
  listBadRequestError,
  listLimitError,
} from './contact-list-errors.ts';

/** A topic's subscription status (v2 `SubscriptionStatus`). */
export type SubscriptionStatus = 'OPT_IN' | 'OPT_OUT';

/** A topic of a contact list (v2 `Topic`). */
export interface Topic {
  TopicName: string;
  DisplayName: string;
  Description?: string;
  DefaultSubscriptionStatus: SubscriptionStatus;
}

/** A contact's stated preference for one topic (v2 `TopicPreference`). */
export interface TopicPreference {
  TopicName: string;
  SubscriptionStatus: SubscriptionStatus;
}

/** A contact on a list, as the simulator keeps it. */
export interface ContactRecord {
  EmailAddress: string;
  TopicPreferences: TopicPreference[];
  UnsubscribeAll: boolean;
  AttributesData?: string;
  /** ISO 8601. */
  CreatedTimestamp: string;
  /** ISO 8601. */
  LastUpdatedTimestamp: string;
}

/** A contact list with its contacts, as the simulator keeps it. */
export interface ContactListRecord {
  ContactListName: string;
  Description?: string;
  Topics: Topic[];
  /** ISO 8601. */
  CreatedTimestamp: string;
  /** ISO 8601. */
  LastUpdatedTimestamp: string;
  contacts: ContactRecord[];
}

/** v2 `CreateContactList` input (tags are not modelled). */
export interface CreateContactListRequest {
  ContactListName: string;
  Topics?: Topic[];
  Description?: string;
}

/** v2 `UpdateContactList` input: the topics given replace the list's. */
export interface UpdateContactListRequest {
  ContactListName: string;
  Topics?: Topic[];
  Description?: string;
}

/** v2 `GetContactList` output. */
export interface GetContactListResponse {
  ContactListName: string;
  Topics: Topic[];
  Description?: string;
  CreatedTimestamp: string;
  LastUpdatedTimestamp: string;
}

/** v2 `ListContactLists` output. */
export interface ListContactListsResponse {
  ContactLists: Array<{ ContactListName: string; LastUpdatedTimestamp: string }>;
}

/** A name SES accepts for a list or topic: 1 to 64 letters, digits, `_` or `-`. */
const NAME = /^[A-Za-z0-9_-]{1,64}$/;

function checkName(kind: string, name: unknown): asserts name is string {
  if (typeof name !== 'string' || !NAME.test(name)) {
    throw listBadRequestError(`A ${kind} name is 1 to 64 letters, digits, underscores or hyphens.`);
  }
}

/** Check a list's topics: names unique, a display name each, a valid default status. */
function checkTopics(topics: readonly Topic[]): Topic[] {
  if (topics.length > MAX_TOPICS) {
    throw listLimitError(`A contact list can have at most ${MAX_TOPICS} topics.`);
  }
  const seen = new Set<string>();
  return topics.map((topic) => {
    checkName('topic', topic.TopicName);
    if (seen.has(topic.TopicName)) {
      throw listBadRequestError(`Topic ${topic.TopicName} is given twice.`);
    }
    seen.add(topic.TopicName);
    if (typeof topic.DisplayName !== 'string' || topic.DisplayName.length > 128) {
      throw listBadRequestError(
        `Topic ${topic.TopicName} needs a display name of 0 to 128 characters.`,
      );
    }
    if (topic.Description !== undefined && topic.Description.length > 500) {
      throw listBadRequestError(`Topic ${topic.TopicName}'s description is over 500 characters.`);
    }
    if (
      topic.DefaultSubscriptionStatus !== 'OPT_IN' &&
      topic.DefaultSubscriptionStatus !== 'OPT_OUT'
    ) {
      throw listBadRequestError(
        `Topic ${topic.TopicName}'s DefaultSubscriptionStatus is OPT_IN or OPT_OUT.`,
      );
    }
    return {
      TopicName: topic.TopicName,
      DisplayName: topic.DisplayName,
      ...(topic.Description !== undefined ? { Description: topic.Description } : {}),
      DefaultSubscriptionStatus: topic.DefaultSubscriptionStatus,
    };
  });
}

/** The list of that name; NotFoundException when there is none. */
export function findContactList(
  lists: readonly ContactListRecord[],
  name: string,
): ContactListRecord {
  const list = lists.find((l) => l.ContactListName === name);
  if (!list) throw contactListNotFoundError(name);
  return list;
}

/** `CreateContactList`: the lists with the new one added. */
export function createContactList(
  lists: readonly ContactListRecord[],
  request: CreateContactListRequest,
  nowIso: string,
): ContactListRecord[] {
  checkName('contact list', request.ContactListName);
  if (lists.some((l) => l.ContactListName === request.ContactListName)) {
    throw alreadyExistsError(`Contact list <${request.ContactListName}>`);
  }
  if (lists.length >= MAX_CONTACT_LISTS) {
    throw listLimitError(`An account can have only ${MAX_CONTACT_LISTS} contact list.`);
  }
  const topics = checkTopics(request.Topics ?? []);
  return [
    ...lists,
    {
      ContactListName: request.ContactListName,
      ...(request.Description !== undefined ? { Description: request.Description } : {}),
      Topics: topics,
      CreatedTimestamp: nowIso,
      LastUpdatedTimestamp: nowIso,
      contacts: [],
    },
  ];
}

/**
 * `UpdateContactList`: new topics and description. Preferences contacts stated for a topic that
 * is gone are dropped with it.
 */
export function updateContactList(
  lists: readonly ContactListRecord[],
  request: UpdateContactListRequest,
  nowIso: string,
): void {
  const list = findContactList(lists, request.ContactListName);
  const topics = checkTopics(request.Topics ?? []);
  const names = new Set(topics.map((t) => t.TopicName));
  list.Topics = topics;
  if (request.Description !== undefined) list.Description = request.Description;
  else delete list.Description;
  list.LastUpdatedTimestamp = nowIso;
  for (const contact of list.contacts) {
    contact.TopicPreferences = contact.TopicPreferences.filter((p) => names.has(p.TopicName));
  }
}

/** `DeleteContactList`: the lists without it (its contacts go with it). */
export function deleteContactList(
  lists: readonly ContactListRecord[],
  name: string,
): ContactListRecord[] {
  findContactList(lists, name);
  return lists.filter((l) => l.ContactListName !== name);
}

/** `GetContactList`. */
export function getContactList(
  lists: readonly ContactListRecord[],
  name: string,
): GetContactListResponse {
  const list = findContactList(lists, name);
  return {
    ContactListName: list.ContactListName,
    Topics: structuredClone(list.Topics),
    ...(list.Description !== undefined ? { Description: list.Description } : {}),
    CreatedTimestamp: list.CreatedTimestamp,
    LastUpdatedTimestamp: list.LastUpdatedTimestamp,
  };
}

/** `ListContactLists` (one list at most, so one page). */
export function listContactLists(lists: readonly ContactListRecord[]): ListContactListsResponse {
  return {
    ContactLists: lists.map((l) => ({
      ContactListName: l.ContactListName,
      LastUpdatedTimestamp: l.LastUpdatedTimestamp,
    })),
  };
}
