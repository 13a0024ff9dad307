import { describe, expect, test } from 'vitest';
import {
  emptyTopicRow,
  preferencesFrom,
  topicStanding,
  topicsFrom,
} from '../../../../src/lib/components/ses/contact-list-form.ts';
import type { ContactListRecord, ContactRecord } from '../../../../src/lib/ses/index.ts';

const LIST: ContactListRecord = {
  ContactListName: 'L',
  Topics: [
    { TopicName: 'a', DisplayName: 'A', DefaultSubscriptionStatus: 'OPT_IN' },
    { TopicName: 'b', DisplayName: 'B', DefaultSubscriptionStatus: 'OPT_OUT' },
  ],
  CreatedTimestamp: '2026-01-01T00:00:00.000Z',
  LastUpdatedTimestamp: '2026-01-01T00:00:00.000Z',
  contacts: [],
};

function contact(extra: Partial<ContactRecord>): ContactRecord {
  return {
    EmailAddress: 'x@example.net',
    TopicPreferences: [],
    UnsubscribeAll: false,
    CreatedTimestamp: LIST.CreatedTimestamp,
    LastUpdatedTimestamp: LIST.CreatedTimestamp,
    ...extra,
  };
}

describe('contact list forms', () => {
  test('topic rows without a name are skipped; a display name defaults to the name', () => {
    const rows = [
      { ...emptyTopicRow(), name: ' news ', description: ' Weekly ' },
      emptyTopicRow(),
      { ...emptyTopicRow(), name: 'deals', displayName: 'Deals', status: 'OPT_OUT' as const },
    ];
    expect(topicsFrom(rows)).toEqual([
      {
        TopicName: 'news',
        DisplayName: 'news',
        Description: 'Weekly',
        DefaultSubscriptionStatus: 'OPT_IN',
      },
      { TopicName: 'deals', DisplayName: 'Deals', DefaultSubscriptionStatus: 'OPT_OUT' },
    ]);
  });

  test('only stated choices become preferences', () => {
    expect(preferencesFrom(LIST.Topics, { a: 'default', b: 'OPT_IN' })).toEqual([
      { TopicName: 'b', SubscriptionStatus: 'OPT_IN' },
    ]);
  });

  test('standing says whether a status is stated, defaulted or overridden by UnsubscribeAll', () => {
    const [a, b] = LIST.Topics as [ContactListRecord['Topics'][0], ContactListRecord['Topics'][0]];
    expect(topicStanding(LIST, contact({}), a)).toEqual({
      label: 'Opted in (default)',
      subscribed: true,
    });
    expect(topicStanding(LIST, contact({}), b)).toEqual({
      label: 'Opted out (default)',
      subscribed: false,
    });
    const stated = contact({
      TopicPreferences: [{ TopicName: 'b', SubscriptionStatus: 'OPT_IN' }],
    });
    expect(topicStanding(LIST, stated, b)).toEqual({ label: 'Opted in', subscribed: true });
    expect(topicStanding(LIST, contact({ UnsubscribeAll: true }), a)).toEqual({
      label: 'Opted out (unsubscribed from all)',
      subscribed: false,
    });
  });
});
