/**
 * The simulator's engagement side: the message each recipient receives (tracked per recipient
 * when its configuration set tracks opens or clicks), its tracked links, and acting as the
 * recipient who opens the message or clicks a link, which publishes SES's Open and Click events.
 */
import { decodeBase64 } from '../../mime/index.ts';
import { readSesMailbox } from '../identities/address.ts';
import { signOutgoing, unsignOutgoing } from '../outbound/dkim-signing.ts';
import { findLink, trackMessage, type TrackedLink } from '../outbound/engagement.ts';
import { clickEvent, openEvent } from '../outbound/notifications.ts';
import { publishEvent } from '../outbound/publishing.ts';
import type { SesSimulator } from './simulator-api.ts';
import type { SimulatorContext } from './simulator-context.ts';
import type { SentMessage, SesSimulatorState } from './state.ts';

/**
 * Who the simulated recipient is when the caller does not say: SES's documentation address and
 * the user agent of its Click example (both invented, as the simulator has no real reader).
 */
export const DEFAULT_RECIPIENT_IP = '192.0.2.1';
export const DEFAULT_RECIPIENT_USER_AGENT =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/60.0.3112.90 Safari/537.36';

/** How the simulated recipient opens or clicks. */
export interface EngagementOptions {
  ipAddress?: string;
  userAgent?: string;
}

/** The methods a simulator has for engagement. */
export type EngagementMethods = Pick<
  SesSimulator,
  'deliveredMessage' | 'trackedLinks' | 'openMessage' | 'clickLink'
>;

/** A message and recipient it was delivered to; RangeError otherwise. */
function deliveredTo(state: SesSimulatorState, messageId: string, recipient: string): SentMessage {
  const message = state.messages.find((m) => m.mail.messageId === messageId);
  if (!message) throw new RangeError(`No message ${messageId} was sent.`);
  const record = message.recipients.find((r) => r.emailAddress === recipient);
  if (!record) throw new RangeError(`${recipient} is not a recipient of ${messageId}.`);
  if (record.status !== 'delivered') {
    throw new RangeError(
      `${recipient} has not received ${messageId}; its status is ${record.status}.`,
    );
  }
  return message;
}

/** The message as one recipient received it, with the links it holds. */
function recipientCopy(
  state: SesSimulatorState,
  message: SentMessage,
  recipient: string,
): { raw: Uint8Array; links: TrackedLink[] } {
  const delivered = decodeBase64(message.deliveredRaw);
  if (!message.tracking) return { raw: delivered, links: [] };
  const tracked = trackMessage(unsignOutgoing(delivered), {
    tracking: message.tracking,
    messageId: message.mail.messageId,
    recipient,
    region: state.region,
    accountId: state.accountId,
  });
  // SES tracks before it signs, so the copy is signed again over its own body.
  const from = readSesMailbox(message.mail.source)?.address ?? message.mail.source;
  const raw = signOutgoing(state.authentication, tracked.raw, from, message.acceptedAt);
  return { raw, links: tracked.links };
}

function trackedFor(message: SentMessage, what: 'open' | 'click'): void {
  if (!message.tracking?.[what]) {
    const name = message.mail.configurationSetName;
    throw new RangeError(
      name === undefined
        ? `Message ${message.mail.messageId} was sent without a configuration set, so it is not tracked.`
        : `Configuration set ${name} had no event destination for ${what === 'open' ? 'OPEN' : 'CLICK'} events when message ${message.mail.messageId} was sent, so its ${what === 'open' ? 'opens' : 'clicks'} are not tracked.`,
    );
  }
}

function who(options: EngagementOptions, nowMs: number) {
  return {
    ipAddress: options.ipAddress ?? DEFAULT_RECIPIENT_IP,
    timestamp: new Date(nowMs).toISOString(),
    userAgent: options.userAgent ?? DEFAULT_RECIPIENT_USER_AGENT,
  };
}

/** The engagement methods of a simulator, working on its context. */
export function engagementMethods(ctx: SimulatorContext): EngagementMethods {
  return {
    deliveredMessage(messageId, recipient) {
      ctx.settle();
      const message = deliveredTo(ctx.state, messageId, recipient);
      return recipientCopy(ctx.state, message, recipient).raw;
    },
    trackedLinks(messageId, recipient) {
      ctx.settle();
      const message = deliveredTo(ctx.state, messageId, recipient);
      return recipientCopy(ctx.state, message, recipient).links;
    },
    openMessage(messageId, recipient, options = {}) {
      const now = ctx.settle();
      const message = deliveredTo(ctx.state, messageId, recipient);
      trackedFor(message, 'open');
      publishEvent(ctx.state, message, now, 'OPEN', () =>
        openEvent(message.mail, who(options, now)),
      );
    },
    clickLink(messageId, recipient, which, options = {}) {
      const now = ctx.settle();
      const message = deliveredTo(ctx.state, messageId, recipient);
      trackedFor(message, 'click');
      const link = findLink(recipientCopy(ctx.state, message, recipient).links, which);
      publishEvent(ctx.state, message, now, 'CLICK', () =>
        clickEvent(message.mail, { ...who(options, now), link: link.originalUrl, linkTags: link.tags }),
      );
    },
  };
} // prettier-ignore
