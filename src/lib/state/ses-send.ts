/**
 * Sending a Compose draft through the SES simulator: the message is built as Compose builds it,
 * turned into the v2 `SendEmail` request Compose exports (Simple content when it fits, Raw
 * otherwise), and sent. Loaded when the person first sends, so Compose's first visit stays small.
 */
import { sesV2SendEmail } from '../export/index.ts';
import { buildMessage } from '../mime/index.ts';
import type { Draft } from '../mime/types.ts';
import { describeError, simulatedNote } from './ses-error-notes.ts';
import { sesStore, type SesStore } from './ses.svelte.ts';

/** What a send came to: SES's answer, or its error in its own words. */
export type SendOutcome =
  | { ok: true; messageId: string; content: 'Simple' | 'Raw' }
  | { ok: false; error: string; note?: string };

/** Send a draft through the page's SES simulator. */
export async function sendDraft(
  draft: Draft,
  options: { store?: SesStore; now?: Date } = {},
): Promise<SendOutcome> {
  const store = options.store ?? sesStore();
  try {
    // Built afresh, not taken from the live view, so the send never lags the last keystroke.
    const built = buildMessage(draft, { now: options.now ?? new Date() });
    const { request, content } = sesV2SendEmail({ draft, built });
    const { MessageId } = await store.send(request);
    return { ok: true, messageId: MessageId, content };
  } catch (error) {
    const note = simulatedNote(error);
    return { ok: false, error: describeError(error), ...(note ? { note } : {}) };
  }
}
