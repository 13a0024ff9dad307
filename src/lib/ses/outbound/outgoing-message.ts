/**
 * The message SES sends: Simple content assembled into MIME by `buildMessage`, Raw content as
 * given; then SES's own header handling applied (ses-facts §9): `Message-ID` and `Date` replaced,
 * the `X-SES-*` control headers removed, `Feedback-ID` and `X-SES-Outgoing` added, and the
 * `Return-Path` the recipient sees.
 */
import { formatDate } from '../../mime/date.ts';
import { buildMessage } from '../../mime/index.ts';
import type { Draft, HeaderField } from '../../mime/types.ts';
import { rewriteHeaderSection } from './header-section.ts';
import { nextUint32, type Random } from '../api/ids.ts';
import type { SesSimpleMessage } from '../api/request-types.ts';
import { isSesControlHeader, SES_CONTROL_HEADERS } from './control-headers.ts';
import { blobBytes, type PreparedSend } from './validation.ts';

/** Headers SES adds itself when it sends, which are therefore not "as submitted". */
const SES_ADDED_HEADERS = new Set(['message-id', 'date']);

/** A Simple request as a draft for `buildMessage`. */
export function simpleDraft(prepared: PreparedSend, simple: SesSimpleMessage): Draft {
  const headers = (simple.Headers ?? [])
    .filter((h) => !isSesControlHeader(h.Name))
    .map((h) => ({ name: h.Name, value: h.Value }));
  const draft: Draft = {
    from: prepared.from.text,
    to: prepared.to.map((m) => m.text),
    cc: prepared.cc.map((m) => m.text),
    bcc: prepared.bcc.map((m) => m.text),
    replyTo: prepared.replyTo.map((m) => m.text),
    subject: simple.Subject.Data,
    headers,
    attachments: (simple.Attachments ?? []).map((a) => ({
      filename: a.FileName,
      content: blobBytes(a.RawContent),
      ...(a.ContentType !== undefined ? { contentType: a.ContentType } : {}),
      ...(a.ContentId !== undefined ? { contentId: a.ContentId } : {}),
      ...(a.ContentDisposition === 'INLINE' ? { inline: true } : {}),
    })),
    envelope: { mailFrom: prepared.from.address, rcptTo: [...prepared.recipients] },
  };
  if (simple.Body.Text !== undefined) draft.text = simple.Body.Text.Data;
  if (simple.Body.Html !== undefined) draft.html = simple.Body.Html.Data;
  return draft;
}

/** The submitted message: built from Simple content, or the Raw bytes. */
export function submittedMessage(
  prepared: PreparedSend,
  acceptedAt: Date,
  random: Random,
): { raw: Uint8Array; headers: HeaderField[] } {
  if (prepared.simple) {
    const seed = nextUint32(random).toString(16).padStart(8, '0');
    const built = buildMessage(simpleDraft(prepared, prepared.simple), {
      now: acceptedAt,
      boundary: (depth) => `----=_Part_${depth}_${seed}`,
    });
    const headers = built.tree.headers.filter((h) => !SES_ADDED_HEADERS.has(h.name.toLowerCase()));
    return { raw: built.raw, headers: headers.map((h) => ({ name: h.name, value: h.value })) };
  }
  const headers = (prepared.rawHeaders ?? []).filter((h) => !isSesControlHeader(h.name));
  return { raw: prepared.raw ?? new Uint8Array(), headers };
}

/** What SES stamps on a message it sends. */
export interface SesStamp {
  messageIdHeader: string;
  acceptedAt: Date;
  feedbackId: string;
  outgoingIp: string;
  returnPath: string;
}

/** The message as the recipient receives it, with SES's headers applied. */
export function stampMessage(raw: Uint8Array, stamp: SesStamp): Uint8Array {
  const d = stamp.acceptedAt;
  const day = `${d.getUTCFullYear()}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${String(d.getUTCDate()).padStart(2, '0')}`;
  return rewriteHeaderSection(raw, {
    remove: [...SES_CONTROL_HEADERS, 'Return-Path'],
    replace: [
      { name: 'Message-ID', value: stamp.messageIdHeader },
      // The acceptance time in UTC, day unpadded, as the dates in SES's examples are written
      // (`Mon, 5 Aug 2019 21:29:57 +0000`, ses-facts §8.4): formatDate's form at offset 0.
      { name: 'Date', value: formatDate(stamp.acceptedAt) },
    ],
    prepend: [
      { name: 'Return-Path', value: `<${stamp.returnPath}>` },
      { name: 'Feedback-ID', value: stamp.feedbackId },
      { name: 'X-SES-Outgoing', value: `${day}-${stamp.outgoingIp}` },
    ],
  });
}
