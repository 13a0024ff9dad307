import { describe, expect, test } from 'vitest';
import { createSesSimulator, SesError, type SesSimulator } from '../../../../src/lib/ses/index.ts';
import { SIMULATOR_WORDING } from '../../../../src/lib/ses/wording.ts';
import { T0, thrown } from '../support.ts';

const TOPICS = [
  {
    TopicName: 'Weekly',
    DisplayName: 'Weekly news',
    Description: 'Once a week',
    DefaultSubscriptionStatus: 'OPT_IN' as const,
  },
  { TopicName: 'Offers', DisplayName: 'Offers', DefaultSubscriptionStatus: 'OPT_OUT' as const },
];

function account(): SesSimulator {
  const ses = createSesSimulator({ now: () => new Date(T0), seed: 5 });
  ses.createContactList({ ContactListName: 'Newsletter', Description: 'News', Topics: TOPICS });
  return ses;
}

function sesError(run: () => unknown): SesError {
  const error = thrown(run);
  expect(error).toBeInstanceOf(SesError);
  return error as SesError;
}

describe('contact lists', () => {
  test('GetContactList answers in SES v2 shape, with the topics as created', () => {
    const ses = account();
    expect(ses.getContactList('Newsletter')).toEqual({
      ContactListName: 'Newsletter',
      Topics: TOPICS,
      Description: 'News',
      CreatedTimestamp: '2026-01-01T00:00:00.000Z',
      LastUpdatedTimestamp: '2026-01-01T00:00:00.000Z',
    });
    expect(ses.listContactLists()).toEqual({
      ContactLists: [
        { ContactListName: 'Newsletter', LastUpdatedTimestamp: '2026-01-01T00:00:00.000Z' },
      ],
    });
  });

  test('one list per account, 20 topics per list, names unique: SES exception types', () => {
    const ses = account();
    const again = sesError(() => ses.createContactList({ ContactListName: 'Newsletter' }));
    expect(again.code).toBe('AlreadyExistsException');
    const second = sesError(() => ses.createContactList({ ContactListName: 'Other' }));
    expect(second.code).toBe('LimitExceededException');
    expect(second.message.endsWith(SIMULATOR_WORDING)).toBe(true);
    ses.deleteContactList('Newsletter');
    const many = Array.from({ length: 21 }, (_, i) => ({
      TopicName: `t${i}`,
      DisplayName: `T${i}`,
      DefaultSubscriptionStatus: 'OPT_IN' as const,
    }));
    expect(sesError(() => ses.createContactList({ ContactListName: 'L', Topics: many })).code).toBe(
      'LimitExceededException',
    );
    ses.createContactList({ ContactListName: 'L', Topics: many.slice(0, 20) });
    expect(ses.getContactList('L').Topics).toHaveLength(20);
    expect(sesError(() => ses.getContactList('Nope')).code).toBe('NotFoundException');
    expect(sesError(() => ses.getContactList('Nope')).statusCode).toBe(404);
  });

  test('topics are checked: a default status, unique names', () => {
    const ses = createSesSimulator({ now: () => new Date(T0) });
    const bad = [{ TopicName: 'a', DisplayName: 'A', DefaultSubscriptionStatus: 'MAYBE' }];
    expect(
      sesError(() =>
        ses.createContactList({ ContactListName: 'L', Topics: bad as unknown as typeof TOPICS }),
      ).code,
    ).toBe('BadRequestException');
    expect(
      sesError(() =>
        ses.createContactList({ ContactListName: 'L', Topics: [TOPICS[0]!, TOPICS[0]!] }),
      ).code,
    ).toBe('BadRequestException');
    expect(ses.listContactLists().ContactLists).toEqual([]);
  });

  test('UpdateContactList replaces the topics and drops preferences for topics that are gone', () => {
    const ses = account();
    ses.createContact({
      ContactListName: 'Newsletter',
      EmailAddress: 'a@example.net',
      TopicPreferences: [{ TopicName: 'Offers', SubscriptionStatus: 'OPT_IN' }],
    });
    ses.updateContactList({ ContactListName: 'Newsletter', Topics: [TOPICS[0]!] });
    expect(ses.getContactList('Newsletter').Topics).toEqual([TOPICS[0]]);
    expect(ses.getContact('Newsletter', 'a@example.net').TopicPreferences).toEqual([]);
  });
});

describe('contacts', () => {
  test('GetContact has the stated and the default preferences', () => {
    const ses = account();
    ses.createContact({
      ContactListName: 'Newsletter',
      EmailAddress: 'a@example.net',
      TopicPreferences: [{ TopicName: 'Offers', SubscriptionStatus: 'OPT_IN' }],
      AttributesData: '{"name":"Ann"}',
    });
    expect(ses.getContact('Newsletter', 'A@example.net')).toEqual({
      ContactListName: 'Newsletter',
      EmailAddress: 'a@example.net',
      TopicPreferences: [{ TopicName: 'Offers', SubscriptionStatus: 'OPT_IN' }],
      TopicDefaultPreferences: [
        { TopicName: 'Weekly', SubscriptionStatus: 'OPT_IN' },
        { TopicName: 'Offers', SubscriptionStatus: 'OPT_OUT' },
      ],
      UnsubscribeAll: false,
      AttributesData: '{"name":"Ann"}',
      CreatedTimestamp: '2026-01-01T00:00:00.000Z',
      LastUpdatedTimestamp: '2026-01-01T00:00:00.000Z',
    });
  });

  test('errors: a second contact, an unknown topic, a missing contact or list', () => {
    const ses = account();
    const contact = { ContactListName: 'Newsletter', EmailAddress: 'a@example.net' };
    ses.createContact(contact);
    expect(sesError(() => ses.createContact(contact)).code).toBe('AlreadyExistsException');
    expect(
      sesError(() =>
        ses.updateContact({
          ...contact,
          TopicPreferences: [{ TopicName: 'Daily', SubscriptionStatus: 'OPT_IN' }],
        }),
      ).code,
    ).toBe('BadRequestException');
    expect(sesError(() => ses.getContact('Newsletter', 'b@example.net')).code).toBe(
      'NotFoundException',
    );
    expect(sesError(() => ses.createContact({ ...contact, ContactListName: 'X' })).code).toBe(
      'NotFoundException',
    );
    expect(sesError(() => ses.createContact({ ...contact, EmailAddress: 'nobody' })).code).toBe(
      'BadRequestException',
    );
    ses.deleteContact('Newsletter', 'a@example.net');
    expect(sesError(() => ses.deleteContact('Newsletter', 'a@example.net')).code).toBe(
      'NotFoundException',
    );
  });

  test('ListContacts filters by status and topic and pages with NextToken', () => {
    const ses = account();
    const add = (address: string, extra: object) =>
      ses.createContact({ ContactListName: 'Newsletter', EmailAddress: address, ...extra });
    add('in@example.net', {
      TopicPreferences: [{ TopicName: 'Offers', SubscriptionStatus: 'OPT_IN' }],
    });
    add('out@example.net', {
      TopicPreferences: [{ TopicName: 'Offers', SubscriptionStatus: 'OPT_OUT' }],
    });
    add('none@example.net', {});
    add('all@example.net', { UnsubscribeAll: true });
    const emails = (filter: object) =>
      ses
        .listContacts({ ContactListName: 'Newsletter', Filter: filter })
        .Contacts.map((c) => c.EmailAddress);
    const offers = (status: 'OPT_IN' | 'OPT_OUT', useDefault = false) =>
      emails({
        FilteredStatus: status,
        TopicFilter: { TopicName: 'Offers', UseDefaultIfPreferenceUnavailable: useDefault },
      });
    expect(offers('OPT_IN')).toEqual(['in@example.net']);
    expect(offers('OPT_OUT')).toEqual(['out@example.net', 'all@example.net']);
    expect(offers('OPT_OUT', true)).toEqual([
      'out@example.net',
      'none@example.net',
      'all@example.net',
    ]);
    expect(emails({ FilteredStatus: 'OPT_OUT' })).toEqual(['all@example.net']);
    const first = ses.listContacts({ ContactListName: 'Newsletter', PageSize: 3 });
    expect(first.Contacts).toHaveLength(3);
    const rest = ses.listContacts({
      ContactListName: 'Newsletter',
      PageSize: 3,
      NextToken: first.NextToken!,
    });
    expect(rest.Contacts.map((c) => c.EmailAddress)).toEqual(['all@example.net']);
    expect(rest.NextToken).toBeUndefined();
  });
});

describe('saved state', () => {
  test('contact lists round-trip through export and import, and an older state still imports', () => {
    const ses = account();
    ses.createContact({ ContactListName: 'Newsletter', EmailAddress: 'a@example.net' });
    const saved = JSON.parse(JSON.stringify(ses.exportState())) as Record<string, unknown>;
    const copy = createSesSimulator({ now: () => new Date(T0), state: saved });
    expect(copy.getContact('Newsletter', 'a@example.net').EmailAddress).toBe('a@example.net');
    const older = { ...saved };
    delete older.contactLists;
    const fromOlder = createSesSimulator({ now: () => new Date(T0), state: older });
    expect(fromOlder.listContactLists().ContactLists).toEqual([]);
    const damaged = { ...saved, contactLists: [{ ContactListName: 3 }] };
    expect(() => createSesSimulator({ state: damaged })).toThrow(/contactLists\[0\]/);
  });
});
