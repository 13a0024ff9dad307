/**
 * The Contact lists page's forms and the words for a contact's preferences, kept apart from the
 * component so that they are plain functions.
 */
import {
  receivesTopic,
  type ContactListRecord,
  type ContactRecord,
  type SubscriptionStatus,
  type Topic,
  type TopicPreference,
} from '../../ses/index.ts';

/** One topic row of the create form, as typed. */
export interface TopicRow {
  name: string;
  displayName: string;
  description: string;
  status: SubscriptionStatus;
}

/** A blank topic row (opt-in, as most lists start). */
export function emptyTopicRow(): TopicRow {
  return { name: '', displayName: '', description: '', status: 'OPT_IN' };
}

/** The topics the rows make; rows left without a name are skipped. */
export function topicsFrom(rows: readonly TopicRow[]): Topic[] {
  return rows
    .filter((row) => row.name.trim() !== '')
    .map((row) => ({
      TopicName: row.name.trim(),
      DisplayName: row.displayName.trim() || row.name.trim(),
      ...(row.description.trim() ? { Description: row.description.trim() } : {}),
      DefaultSubscriptionStatus: row.status,
    }));
}

/** A contact's choice for one topic on the add form: the topic's default, or a stated status. */
export type TopicChoice = 'default' | SubscriptionStatus;

/** The preferences the choices state (the defaults are left unstated, as SES keeps them). */
export function preferencesFrom(
  topics: readonly Topic[],
  choices: Readonly<Record<string, TopicChoice>>,
): TopicPreference[] {
  return topics.flatMap((topic) => {
    const choice = choices[topic.TopicName] ?? 'default';
    return choice === 'default' ? [] : [{ TopicName: topic.TopicName, SubscriptionStatus: choice }];
  });
}

/** How a contact stands on a topic: subscribed or not, and whether that is the topic's default. */
export function topicStanding(
  list: ContactListRecord,
  contact: ContactRecord,
  topic: Topic,
): { label: string; subscribed: boolean } {
  const subscribed = receivesTopic(list, contact, topic.TopicName);
  const stated = contact.TopicPreferences.some((p) => p.TopicName === topic.TopicName);
  const words = subscribed ? 'Opted in' : 'Opted out';
  if (contact.UnsubscribeAll) return { label: `${words} (unsubscribed from all)`, subscribed };
  return { label: stated ? words : `${words} (default)`, subscribed };
}
