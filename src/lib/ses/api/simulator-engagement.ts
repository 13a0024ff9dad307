/**
 * The simulator's engagement side: the message each recipient receives (tracked per recipient
 * when its configuration set tracks opens or clicks), its tracked links, and acting as the
 * recipient who opens the message or clicks a link, which publishes SES's Open and Click events.
 */
import { findLink } from '../outbound/engagement.ts';
import { publishClick, publishOpen, recipientCopy } from '../outbound/engagement-events.ts';
import type { SesSimulator } from './simulator-api.ts';
import type { SimulatorContext } from './simulator-context.ts';
import type { SentMessage, SesSimulatorState } from './state.ts';

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
      publishOpen(ctx.state, message, now, options);
    },
    clickLink(messageId, recipient, which, options = {}) {
      const now = ctx.settle();
      const message = deliveredTo(ctx.state, messageId, recipient);
      trackedFor(message, 'click');
      const link = findLink(recipientCopy(ctx.state, message, recipient).links, which);
      publishClick(ctx.state, message, now, link, options);
    },
  };
} // prettier-ignore
