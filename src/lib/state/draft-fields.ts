/**
 * What Compose keeps of a draft: the fields as the person typed them (address lists as one line
 * of text each), attachments by reference to their stored bytes, and how they turn into the
 * engine's `Draft`.
 */
import type { Draft, DraftAttachment } from '../mime/types.ts';

/** An extra header row; `id` keeps its identity while rows are reordered. */
export interface HeaderRow {
  id: string;
  name: string;
  value: string;
}

/** An attachment's description; its bytes are stored separately under `id`. */
export interface AttachmentInfo {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  inline: boolean;
  /** Without angle brackets, e.g. `logo@mailwright`. */
  contentId?: string;
  /** Another rendering beside the bodies (a calendar invitation), not a file: see `DraftAttachment`. */
  alternative?: boolean;
}

/** The editable fields of a draft. */
export interface DraftFields {
  from: string;
  to: string;
  cc: string;
  bcc: string;
  replyTo: string;
  subject: string;
  html: string;
  text: string;
  headers: HeaderRow[];
  attachments: AttachmentInfo[];
  /** Envelope sender (SMTP MAIL FROM); empty means the From address. */
  envelopeMailFrom: string;
}

/** A saved draft. */
export interface DraftRecord {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  fields: DraftFields;
}

/** An empty set of fields. */
export function emptyFields(): DraftFields {
  return {
    from: '',
    to: '',
    cc: '',
    bcc: '',
    replyTo: '',
    subject: '',
    html: '',
    text: '',
    headers: [],
    attachments: [],
    envelopeMailFrom: '',
  };
}

/**
 * Split an address list at the commas between addresses, not those inside a quoted display name,
 * a comment or angle brackets (RFC 5322 §3.4).
 */
export function splitAddressList(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  let comment = 0;
  let angle = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (quoted && char === '\\') {
      current += char + text.charAt(++i);
      continue;
    }
    if (char === '"' && comment === 0) quoted = !quoted;
    else if (!quoted && char === '(') comment++;
    else if (!quoted && char === ')' && comment > 0) comment--;
    else if (!quoted && comment === 0 && char === '<') angle = true;
    else if (!quoted && comment === 0 && char === '>') angle = false;
    if ((char === ',' || char === ';') && !quoted && comment === 0 && !angle) {
      if (current.trim()) out.push(current.trim());
      current = '';
      continue;
    }
    current += char;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

/** The engine's draft for these fields, with the attachments' bytes looked up by id. */
export function toEngineDraft(
  fields: DraftFields,
  contents: (id: string) => Uint8Array | undefined,
  extra: Pick<Draft, 'date' | 'messageId'> = {},
): Draft {
  const attachments: DraftAttachment[] = [];
  for (const info of fields.attachments) {
    const content = contents(info.id);
    if (!content) continue;
    const attachment: DraftAttachment = {
      filename: info.filename,
      contentType: info.contentType,
      content,
    };
    if (info.inline) attachment.inline = true;
    if (info.contentId) attachment.contentId = info.contentId;
    if (info.alternative) attachment.alternative = true;
    attachments.push(attachment);
  }
  const draft: Draft = {
    from: fields.from.trim(),
    to: splitAddressList(fields.to),
    cc: splitAddressList(fields.cc),
    bcc: splitAddressList(fields.bcc),
    replyTo: splitAddressList(fields.replyTo),
    subject: fields.subject,
    text: fields.text,
    html: fields.html,
    attachments,
    headers: fields.headers
      .filter((row) => row.name.trim())
      .map((row) => ({ name: row.name.trim(), value: row.value })),
    ...extra,
  };
  if (fields.envelopeMailFrom.trim()) draft.envelope = { mailFrom: fields.envelopeMailFrom.trim() };
  return draft;
}
