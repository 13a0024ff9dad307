/** What the SES simulator tests share: a clock, a simulator with a verified domain, requests. */
import {
  createSesSimulator,
  type SesSimulator,
  type SesSimulatorOptions,
} from '../../../src/lib/ses/index.ts';
import {
  EVENT_TYPES,
  type SendEmailRequest,
  type SuppressedDestinationSummary,
} from '../../../src/lib/ses/index.ts';
import { inspectMessage } from '../../../src/lib/mime/inspect.ts';
import { readHeaderSection } from '../../../src/lib/ses/outbound/header-section.ts';

/** 2026-01-01T00:00:00Z */
export const T0 = Date.UTC(2026, 0, 1);

/** The SNS topic the tests' identities send their notifications to. */
export const TOPIC_ARN = 'arn:aws:sns:us-east-1:123456789012:ses-feedback';

/** Send all three kinds of an identity's notifications to {@link TOPIC_ARN}. */
export function withNotificationTopics(ses: SesSimulator, identity: string): void {
  for (const type of ['Bounce', 'Complaint', 'Delivery'] as const) {
    ses.setIdentityNotificationTopic(identity, type, TOPIC_ARN);
  }
}

/**
 * A simulator on a fixed clock at T0, with a verified sender domain `example.com` whose
 * notifications go to an SNS topic.
 */
export function simulator(options: SesSimulatorOptions = {}): SesSimulator {
  const ses = createSesSimulator({ now: () => new Date(T0), seed: 7, ...options });
  ses.verifyIdentity('example.com');
  withNotificationTopics(ses, 'example.com');
  return ses;
}

/** A raw message, CRLF line ends. */
export function rawMessage(
  headers: Record<string, string> | Array<[string, string]>,
  body = 'Hello.',
): string {
  const list = Array.isArray(headers) ? headers : Object.entries(headers);
  return list.map(([name, value]) => `${name}: ${value}\r\n`).join('') + '\r\n' + body + '\r\n';
}

/** A v2 SendEmail request with Raw content. */
export function rawRequest(
  to: string[],
  options: { from?: string; subject?: string; extra?: Array<[string, string]>; body?: string } = {},
): SendEmailRequest {
  const from = options.from ?? 'sender@example.com';
  return {
    Content: {
      Raw: {
        Data: rawMessage(
          [
            ['From', from],
            ['To', to.join(', ')],
            ['Subject', options.subject ?? 'Hello'],
            ['MIME-Version', '1.0'],
            ['Content-Type', 'text/plain; charset=UTF-8'],
            ...(options.extra ?? []),
          ],
          options.body,
        ),
      },
    },
  };
}

/** A v2 SendEmail request with Simple content. */
export function simpleRequest(
  to: string[],
  overrides: Partial<SendEmailRequest> = {},
): SendEmailRequest {
  return {
    FromEmailAddress: 'sender@example.com',
    Destination: { ToAddresses: to },
    Content: {
      Simple: { Subject: { Data: 'Hello' }, Body: { Text: { Data: 'Plain body' } } },
    },
    ...overrides,
  };
}

/** Run a function and return the error it throws. */
export function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('Expected an error.');
}

/** Add a configuration set `ConfigSet` whose one destination publishes every event type. */
export function withEventDestination(ses: SesSimulator, name = 'ConfigSet'): void {
  ses.putConfigurationSet({
    name,
    eventDestinations: [
      { name: 'everything', enabled: true, kind: 'SNS', matchingEventTypes: [...EVENT_TYPES] },
    ],
    tags: [],
    sendingEnabled: true,
  });
}

/**
 * A header value without the spaces and tabs around it: the simulator keeps values that way,
 * the inspector keeps them as written.
 */
export function wspTrimmed(value: string): string {
  return value.replace(/^[ \t]+|[ \t]+$/g, '');
}

/**
 * The simulator's reading of a message's top-level header section and the inspector's: the
 * fields of each as [name, value] pairs (the inspector's values trimmed as the simulator's
 * are), which must be equal, and both readings whole.
 */
export async function bothReadings(raw: Uint8Array) {
  const section = readHeaderSection(raw);
  const inspection = await inspectMessage(raw);
  return {
    ses: section.headers.map((h) => [h.name, h.value]),
    inspector: inspection.headers.map((h) => [h.name, wspTrimmed(h.value)]),
    section,
    inspection,
  };
}

/** The whole account-level suppression list, in SES v2's summary shape. */
export function summaries(ses: SesSimulator): SuppressedDestinationSummary[] {
  return ses.listSuppressedDestinations().SuppressedDestinationSummaries;
}
