/**
 * What a recipient of a tracked message does: the copy it received (tracked for it, signed again
 * since SES tracks before it signs), and the Open and Click events its opening and clicking
 * publish. Used by the simulator's recipient actions and by outcome rules that open or click.
 */
import { decodeBase64 } from '../../mime/index.ts';
import { readSesMailbox } from '../identities/address.ts';
import type { RecipientRecord, SentMessage, SesSimulatorState } from '../api/state.ts';
import { signOutgoing, unsignOutgoing } from './dkim-signing.ts';
import { trackMessage, type TrackedLink } from './engagement.ts';
import { clickEvent, openEvent } from './notifications.ts';
import { publishEvent } from './publishing.ts';

/**
 * Who the simulated recipient is when nobody says: SES's documentation address and the user
 * agent of its Click example (both invented, as the simulator has no real reader).
 */
export const DEFAULT_RECIPIENT_IP = '192.0.2.1';
export const DEFAULT_RECIPIENT_USER_AGENT =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/60.0.3112.90 Safari/537.36';

/** How the simulated recipient opens or clicks. */
export interface EngagementOptions {
  ipAddress?: string;
  userAgent?: string;
}

/** The message as one recipient received it, with the tracked links it holds. */
export function recipientCopy(
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
  const from = readSesMailbox(message.mail.source)?.address ?? message.mail.source;
  const raw = signOutgoing(state.authentication, tracked.raw, from, message.acceptedAt);
  return { raw, links: tracked.links };
}

function who(options: EngagementOptions, at: number) {
  return {
    ipAddress: options.ipAddress ?? DEFAULT_RECIPIENT_IP,
    timestamp: new Date(at).toISOString(),
    userAgent: options.userAgent ?? DEFAULT_RECIPIENT_USER_AGENT,
  };
}

/** Publish the Open event of a recipient opening the message at `at`. */
export function publishOpen(
  state: SesSimulatorState,
  message: SentMessage,
  at: number,
  options: EngagementOptions = {},
): void {
  publishEvent(state, message, at, 'OPEN', () => openEvent(message.mail, who(options, at)));
}

/** Publish the Click event of a recipient following `link` at `at`. */
export function publishClick(
  state: SesSimulatorState,
  message: SentMessage,
  at: number,
  link: TrackedLink,
  options: EngagementOptions = {},
): void {
  publishEvent(state, message, at, 'CLICK', () =>
    clickEvent(message.mail, { ...who(options, at), link: link.originalUrl, linkTags: link.tags }),
  );
}

/** An outcome rule's open or click: the recipient opens the message or follows its first link. */
export function engage(
  state: SesSimulatorState,
  message: SentMessage,
  at: number,
  kind: 'open' | 'click',
  recipients: RecipientRecord[],
): void {
  for (const r of recipients) {
    if (r.status !== 'delivered') continue;
    if (kind === 'open') publishOpen(state, message, at);
    const link =
      kind === 'click' ? recipientCopy(state, message, r.emailAddress).links[0] : undefined;
    if (link) publishClick(state, message, at, link);
  }
}
