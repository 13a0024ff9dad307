/**
 * The simulator's list management: SES v2's contact list and contact calls, and the recipient's
 * side of subscription management (unsubscribing from a message).
 */
import {
  createContactList,
  deleteContactList,
  getContactList,
  listContactLists,
  updateContactList,
  type CreateContactListRequest,
  type GetContactListResponse,
  type ListContactListsResponse,
  type UpdateContactListRequest,
} from '../account/contact-lists.ts';
import {
  createContact,
  deleteContact,
  getContact,
  listContacts,
  updateContact,
  type ContactRequest,
  type GetContactResponse,
  type ListContactsRequest,
  type ListContactsResponse,
} from '../account/contacts.ts';
import {
  unsubscribe,
  type SubscriptionObject,
  type UnsubscribeOptions,
} from '../outbound/subscription.ts';
import type { SimulatorContext } from './simulator-context.ts';

/** List management. Methods throw SesError where SES answers with an error. */
export interface ContactListMethods {
  /** SES v2 `CreateContactList` (one list per account, 20 topics per list). */
  createContactList(request: CreateContactListRequest): void;
  /** SES v2 `GetContactList`; NotFoundException when there is no such list. */
  getContactList(name: string): GetContactListResponse;
  /** SES v2 `UpdateContactList`: the topics given replace the list's. */
  updateContactList(request: UpdateContactListRequest): void;
  /** SES v2 `DeleteContactList`, with its contacts. */
  deleteContactList(name: string): void;
  /** SES v2 `ListContactLists`. */
  listContactLists(): ListContactListsResponse;
  /** SES v2 `CreateContact`. */
  createContact(request: ContactRequest): void;
  /** SES v2 `GetContact`. */
  getContact(contactListName: string, emailAddress: string): GetContactResponse;
  /** SES v2 `UpdateContact`. */
  updateContact(request: ContactRequest): void;
  /** SES v2 `DeleteContact`. */
  deleteContact(contactListName: string, emailAddress: string): void;
  /** SES v2 `ListContacts`, filtered by status (and topic) and paged. */
  listContacts(request: ListContactsRequest): ListContactsResponse;
  /**
   * The recipient of a message sent with `ListManagementOptions` unsubscribes, by the link in the
   * body or (`oneClick`) the mail client's RFC 8058 POST: the contact's preferences change and a
   * Subscription event is published. RangeError when the message gave the recipient no link.
   */
  unsubscribe(
    messageId: string,
    recipient: string,
    options?: UnsubscribeOptions,
  ): SubscriptionObject;
}

/** The list management methods, working on a simulator's context. */
export function contactListMethods(ctx: SimulatorContext): ContactListMethods {
  const state = () => ctx.state;
  const nowIso = () => new Date(ctx.settle()).toISOString();
  return {
    createContactList(request) {
      const now = nowIso();
      state().contactLists = createContactList(state().contactLists, request, now);
    },
    getContactList: (name) => (ctx.settle(), getContactList(state().contactLists, name)),
    updateContactList(request) {
      updateContactList(state().contactLists, request, nowIso());
    },
    deleteContactList(name) {
      ctx.settle();
      state().contactLists = deleteContactList(state().contactLists, name);
    },
    listContactLists: () => (ctx.settle(), listContactLists(state().contactLists)),
    createContact(request) {
      createContact(state().contactLists, request, nowIso());
    },
    getContact: (list, address) => (ctx.settle(), getContact(state().contactLists, list, address)),
    updateContact(request) {
      updateContact(state().contactLists, request, nowIso());
    },
    deleteContact(list, address) {
      ctx.settle();
      deleteContact(state().contactLists, list, address);
    },
    listContacts: (request) => (ctx.settle(), listContacts(state().contactLists, request)),
    unsubscribe(messageId, recipient, options = {}) {
      const now = ctx.settle();
      return unsubscribe(state(), messageId, recipient, options, now);
    },
  };
}
