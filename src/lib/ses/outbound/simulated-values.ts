/**
 * Values the simulator makes up where SES would use its own: the ids and tokens of tracked links
 * and of the open pixel, the reader behind an Open or Click event, and unsubscribe links. The page
 * shows a note beside each such value, so that nobody takes it for something SES sent. The notes
 * live here, beside the values they describe, rather than in `wording.ts`, which modules these
 * values come from import.
 */
import { DEFAULT_RECIPIENT_IP, DEFAULT_RECIPIENT_USER_AGENT } from './engagement-events.ts';
import type { MessageTracking } from './engagement.ts';
import { UNSUBSCRIBE_HOST, type ListManagementRecord } from './list-management.ts';

/** A kind of value the simulator invents. */
export type SimulatedValue =
  'tracked-link' | 'open-pixel' | 'engagement-reader' | 'unsubscribe-link';

/**
 * What is invented in each kind of value and what SES really does, in the order the page shows
 * them. Each reads after "Simulated:".
 */
export const SIMULATED_VALUE_NOTES: Readonly<Record<SimulatedValue, string>> = {
  'tracked-link':
    'tracked links take SES’s form (https://<id>.r.<region>.awstrack.me/L0/<link>/…, or /CL0/ on a custom redirect domain), ' +
    'but the id and the per-recipient token are the simulator’s own, and nothing answers there.',
  'open-pixel':
    'the open pixel takes SES’s form (…/I0/<message id>/<token>) with a token of the simulator’s own; ' +
    'SES counts an open when the mail client loads the image, here when you or a rule open the message.',
  'engagement-reader':
    `the ipAddress ${DEFAULT_RECIPIENT_IP} and userAgent of Open and Click events come from SES’s documented examples; ` +
    'SES reports whatever loaded the image or followed the link (a mail client, a browser, a provider’s image proxy).',
  'unsubscribe-link':
    `SES documents no form for its unsubscribe links; the simulator’s links and mailto addresses are its own, on ${UNSUBSCRIBE_HOST} ` +
    '(a reserved domain nobody can reach). The List-Unsubscribe headers follow RFC 2369 and RFC 8058 as SES writes them.',
};

/** The order notes are shown in. */
const KINDS = Object.keys(SIMULATED_VALUE_NOTES) as SimulatedValue[];

/**
 * A tracked link's or the open pixel's path, on SES's host or a custom redirect domain: `/L0/`
 * or `/CL0/` before the encoded link (`https:` stays as it is), `/I0/` or `/CI0/` before the
 * message id.
 */
const TRACKED_LINK = /https:\/\/[^\s"'<>/]+\/C?L0\/https?:/i;
const OPEN_PIXEL = /https:\/\/[^\s"'<>/]+\/C?I0\/[^\s"'<>/]+\/[^\s"'<>/]+=0/i;

/**
 * Which invented values a text the page shows holds: a message as delivered, or an event's or a
 * notification's JSON. The reader is recognised by the simulator's default address or user agent,
 * the only ones the page uses.
 */
export function simulatedValuesIn(text: string): SimulatedValue[] {
  const found: Record<SimulatedValue, boolean> = {
    'tracked-link': TRACKED_LINK.test(text),
    'open-pixel': OPEN_PIXEL.test(text),
    'engagement-reader':
      text.includes(`"ipAddress": "${DEFAULT_RECIPIENT_IP}"`) ||
      text.includes(`"ipAddress":"${DEFAULT_RECIPIENT_IP}"`) ||
      text.includes(JSON.stringify(DEFAULT_RECIPIENT_USER_AGENT)),
    'unsubscribe-link': text.toLowerCase().includes(UNSUBSCRIBE_HOST),
  };
  return KINDS.filter((kind) => found[kind]);
}

/**
 * Which invented values a sent message carries, from what its configuration set tracked and what
 * its list management added: tracked links for clicks, the pixel for opens, the simulated reader
 * for either, and an unsubscribe link when SES added one.
 */
export function simulatedValuesOfMessage(message: {
  tracking?: MessageTracking | undefined;
  listManagement?: ListManagementRecord | undefined;
}): SimulatedValue[] {
  const { tracking, listManagement } = message;
  const found: Record<SimulatedValue, boolean> = {
    'tracked-link': tracking?.click === true,
    'open-pixel': tracking?.open === true,
    'engagement-reader': tracking?.click === true || tracking?.open === true,
    'unsubscribe-link': listManagement?.unsubscribeUrl !== undefined,
  };
  return KINDS.filter((kind) => found[kind]);
}
