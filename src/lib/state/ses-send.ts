/**
 * Sending a Compose draft through the SES simulator: the message is built as Compose builds it,
 * turned into the v2 `SendEmail` request Compose exports (Simple content when it fits, Raw
 * otherwise, or Template content when the person sends a template), and sent. Loaded when the
 * person first sends, so Compose's first visit stays small.
 */
import { sesV2SendEmail, sesV2TemplatedSendEmail } from '../export/index.ts';
import { buildMessage } from '../mime/index.ts';
import type { Draft } from '../mime/types.ts';
import type { SendEmailRequest, SesTemplate } from '../ses/index.ts';
import { describeError, simulatedNote } from './ses-error-notes.ts';
import { sesStore, type SesStore } from './ses.svelte.ts';

/** What a send came to: SES's answer, or its error in its own words. */
export type SendOutcome =
  | { ok: true; messageId: string; content: 'Simple' | 'Raw' | 'Template' }
  | { ok: false; error: string; note?: string };

interface SendOptions {
  store?: SesStore;
  now?: Date;
}

/** Build the draft, make the request from it, send it, and say how it went. */
async function sendBuilt(
  draft: Draft,
  options: SendOptions,
  requestFor: (built: ReturnType<typeof buildMessage>) => {
    request: SendEmailRequest;
    content: 'Simple' | 'Raw' | 'Template';
  },
): Promise<SendOutcome> {
  const store = options.store ?? sesStore();
  try {
    // Built afresh, not taken from the live view, so the send never lags the last keystroke.
    const built = buildMessage(draft, { now: options.now ?? new Date() });
    const { request, content } = requestFor(built);
    const { MessageId } = await store.send(request);
    return { ok: true, messageId: MessageId, content };
  } catch (error) {
    const note = simulatedNote(error);
    return { ok: false, error: describeError(error), ...(note ? { note } : {}) };
  }
}

/** Send a draft through the page's SES simulator. */
export function sendDraft(draft: Draft, options: SendOptions = {}): Promise<SendOutcome> {
  return sendBuilt(draft, options, (built) => sesV2SendEmail({ draft, built }));
}

/**
 * Send a template to the draft's recipients, from its sender, with its configuration set and tags
 * (SendEmail with Template content): `template` names a stored template or carries its content.
 */
export function sendTemplate(
  draft: Draft,
  template: SesTemplate,
  options: SendOptions = {},
): Promise<SendOutcome> {
  return sendBuilt(draft, options, (built) => ({
    request: sesV2TemplatedSendEmail({ draft, built }, template),
    content: 'Template',
  }));
}
