/**
 * The notifications feed: SNS feedback notifications and published events in one list, newest
 * first, with the filter choices the workspace offers.
 */
import { EVENT_TYPES, EVENT_TYPE_NAMES } from '../../ses/index.ts';
import type { EventRecord, NotificationRecord } from '../../ses/index.ts';

/** One item of the feed. */
export interface FeedItem {
  /** Unique in the feed. */
  key: string;
  at: number;
  channel: 'notification' | 'event';
  /** `notificationType` or `eventType`. */
  type: string;
  messageId: string;
  /** Where it went: the identity's topic, or the configuration set and its destinations. */
  destination: string;
  payload: object;
}

/** A filter choice: `all`, `notification:<type>` or `event:<type>`. */
export interface FeedFilter {
  value: string;
  label: string;
}

/** The notification types SES sends to an identity's topics. */
export const NOTIFICATION_TYPES = ['Bounce', 'Complaint', 'Delivery'] as const;

/** Every filter choice, SNS notification types first, then event-publishing types. */
export const FEED_FILTERS: readonly FeedFilter[] = [
  { value: 'all', label: 'All types' },
  ...NOTIFICATION_TYPES.map((type) => ({
    value: `notification:${type}`,
    label: `SNS notification: ${type}`,
  })),
  ...EVENT_TYPES.map((type) => ({
    value: `event:${EVENT_TYPE_NAMES[type]}`,
    label: `Event: ${EVENT_TYPE_NAMES[type]}`,
  })),
];

/** Both logs as one feed, newest first (ties: the later-published first). */
export function buildFeed(
  notifications: readonly NotificationRecord[],
  events: readonly EventRecord[],
): FeedItem[] {
  const items: Array<FeedItem & { order: number }> = [
    ...notifications.map((n, index) => ({
      key: `n${index}`,
      order: index,
      at: n.at,
      channel: 'notification' as const,
      type: n.notificationType,
      messageId: n.messageId,
      destination: `topic of ${n.identity}`,
      payload: n.payload,
    })),
    ...events.map((e, index) => ({
      key: `e${index}`,
      order: index,
      at: e.at,
      channel: 'event' as const,
      type: e.eventType,
      messageId: e.messageId,
      destination: `${e.configurationSetName} → ${e.destinations.join(', ')}`,
      payload: e.payload,
    })),
  ];
  items.sort((a, b) => b.at - a.at || b.order - a.order);
  return items.map(({ order: _, ...item }) => item);
}

/** The items a filter keeps. */
export function filterFeed(items: readonly FeedItem[], filter: string): FeedItem[] {
  if (filter === 'all') return [...items];
  return items.filter((item) => `${item.channel}:${item.type}` === filter);
}

/** The recipients a payload is about, for the item's one-line summary. */
export function payloadRecipients(payload: object): string[] {
  const p = payload as Record<string, { [key: string]: unknown } | undefined>;
  const lists = [
    p.bounce?.bouncedRecipients,
    p.complaint?.complainedRecipients,
    p.deliveryDelay?.delayedRecipients,
  ];
  for (const list of lists) {
    if (Array.isArray(list)) {
      return list.map((r: { emailAddress?: unknown }) => String(r.emailAddress ?? ''));
    }
  }
  const delivered = p.delivery?.recipients;
  if (Array.isArray(delivered)) return delivered.map(String);
  const destination = (p.mail as { destination?: unknown } | undefined)?.destination;
  return Array.isArray(destination) ? destination.map(String) : [];
}

/**
 * A feedback item's kind in a word or two: a bounce's `Permanent/Suppressed`, or a complaint's
 * subtype (`OnAccountSuppressionList`) or feedback type (`abuse`).
 */
export function feedbackKind(payload: object): string | undefined {
  const p = payload as {
    bounce?: { bounceType?: string; bounceSubType?: string };
    complaint?: { complaintSubType?: string | null; complaintFeedbackType?: string };
  };
  if (p.bounce) return `${p.bounce.bounceType ?? ''}/${p.bounce.bounceSubType ?? ''}`;
  if (p.complaint) {
    return p.complaint.complaintSubType ?? p.complaint.complaintFeedbackType ?? undefined;
  }
  return undefined;
}
