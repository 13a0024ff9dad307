/**
 * Configuration sets: event destinations that publish chosen event types, default delivery and
 * suppression options, and resource tags. A message uses one when the request names it or its
 * `X-SES-CONFIGURATION-SET` header does (ses-facts §9).
 */
import type { SuppressionReason } from './suppression.ts';
import {
  MAX_EVENT_DESTINATIONS,
  MIN_MAX_DELIVERY_SECONDS,
  MAX_MAX_DELIVERY_SECONDS,
} from '../limits.ts';

/** The event types an event destination can publish (v2 `EventType`). */
export type EventType =
  | 'SEND'
  | 'REJECT'
  | 'BOUNCE'
  | 'COMPLAINT'
  | 'DELIVERY'
  | 'OPEN'
  | 'CLICK'
  | 'RENDERING_FAILURE'
  | 'DELIVERY_DELAY'
  | 'SUBSCRIPTION';

/** Every event type, in SES's order. */
export const EVENT_TYPES: readonly EventType[] = [
  'SEND',
  'REJECT',
  'BOUNCE',
  'COMPLAINT',
  'DELIVERY',
  'OPEN',
  'CLICK',
  'RENDERING_FAILURE',
  'DELIVERY_DELAY',
  'SUBSCRIPTION',
];

/** The `eventType` a published record carries for each event type. */
export const EVENT_TYPE_NAMES: Readonly<Record<EventType, string>> = {
  SEND: 'Send',
  REJECT: 'Reject',
  BOUNCE: 'Bounce',
  COMPLAINT: 'Complaint',
  DELIVERY: 'Delivery',
  OPEN: 'Open',
  CLICK: 'Click',
  RENDERING_FAILURE: 'Rendering Failure',
  DELIVERY_DELAY: 'DeliveryDelay',
  SUBSCRIPTION: 'Subscription',
};

/** Where an event destination publishes. */
export type EventDestinationKind =
  'SNS' | 'CLOUDWATCH' | 'KINESIS_FIREHOSE' | 'EVENT_BRIDGE' | 'PINPOINT';

/** An event destination of a configuration set. */
export interface EventDestination {
  /** Name, unique in its set. */
  name: string;
  enabled: boolean;
  matchingEventTypes: EventType[];
  kind: EventDestinationKind;
  /** The SNS topic, stream or bus the events go to (shown, never contacted). */
  target?: string;
}

/** A configuration set. */
export interface ConfigurationSet {
  /** At most 64 of ASCII letters, digits, `_` and `-`. */
  name: string;
  eventDestinations: EventDestination[];
  /** Resource tags of the set. */
  tags: Array<{ Key: string; Value: string }>;
  /** Whether messages using this set may be sent (`SendingOptions.SendingEnabled`). */
  sendingEnabled: boolean;
  /** `DeliveryOptions.MaxDeliverySeconds`: how long soft bounces are retried (300–50,400). */
  maxDeliverySeconds?: number;
  /** `SuppressionOptions.SuppressedReasons`: overrides the account's reasons when given. */
  suppressedReasons?: SuppressionReason[];
  /**
   * `TrackingOptions.CustomRedirectDomain`: the domain open and click tracking links use instead
   * of SES's `awstrack.me` host.
   */
  customRedirectDomain?: string;
}

/** A configuration set with no destinations, sending enabled. */
export function createConfigurationSet(name: string): ConfigurationSet {
  checkConfigurationSet({ name, eventDestinations: [], tags: [], sendingEnabled: true });
  return { name, eventDestinations: [], tags: [], sendingEnabled: true };
}

/** Check a configuration set; throws RangeError with a plain sentence when SES would refuse it. */
export function checkConfigurationSet(set: ConfigurationSet): void {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(set.name)) {
    throw new RangeError(
      'A configuration set name is 1 to 64 ASCII letters, digits, underscores or hyphens.',
    );
  }
  if (set.eventDestinations.length > MAX_EVENT_DESTINATIONS) {
    throw new RangeError('A configuration set has at most 10 event destinations.');
  }
  const names = new Set<string>();
  for (const destination of set.eventDestinations) {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(destination.name)) {
      throw new RangeError(
        'An event destination name is 1 to 64 ASCII letters, digits, underscores or hyphens.',
      );
    }
    if (names.has(destination.name)) {
      throw new RangeError(`Two event destinations are named ${destination.name}.`);
    }
    names.add(destination.name);
    if (destination.matchingEventTypes.length === 0) {
      throw new RangeError('An event destination publishes at least one event type.');
    }
    for (const type of destination.matchingEventTypes) {
      if (!EVENT_TYPES.includes(type)) throw new RangeError(`${type} is not an SES event type.`);
    }
  }
  const seconds = set.maxDeliverySeconds;
  if (
    seconds !== undefined &&
    (!Number.isInteger(seconds) ||
      seconds < MIN_MAX_DELIVERY_SECONDS ||
      seconds > MAX_MAX_DELIVERY_SECONDS)
  ) {
    throw new RangeError('MaxDeliverySeconds is a whole number from 300 to 50400.');
  }
  const domain = set.customRedirectDomain;
  if (domain !== undefined && !isDomainName(domain)) {
    throw new RangeError(`${domain} is not a domain name a custom redirect domain can be.`);
  }
}

/** Dot-separated labels of ASCII letters, digits and inner hyphens, at least two, 253 at most. */
function isDomainName(text: string): boolean {
  const labels = text.split('.');
  return (
    text.length <= 253 &&
    labels.length >= 2 &&
    labels.every(
      (label) =>
        /^[A-Za-z0-9-]{1,63}$/.test(label) && !label.startsWith('-') && !label.endsWith('-'),
    )
  );
}

/** The enabled destinations of a set that publish an event type. */
export function destinationsFor(set: ConfigurationSet, type: EventType): EventDestination[] {
  return set.eventDestinations.filter(
    (destination) => destination.enabled && destination.matchingEventTypes.includes(type),
  );
}
