/**
 * An inspected message as a new Compose draft: its addresses, subject, bodies (as found, never
 * synthesised), attachments and inline parts, and the header fields a sender writes, so that
 * building the draft gives an equivalent message. Fields that servers and the builder write
 * themselves (trace fields, signatures, MIME structure, Date and Message-ID) are left out.
 */
import { BUILDER_HEADERS } from '../mime/index.ts';
import type { Inspection, MimeNode } from '../mime/types.ts';
import { normalizeContentId } from '../html/url.ts';
import { attachmentFileName, isInlineAttachment } from './attachments.ts';
import { emptyFields, type AttachmentInfo, type DraftFields } from '../state/draft-fields.ts';

/** A draft's fields and its attachments' bytes by attachment id. */
export interface DraftFromInspection {
  fields: DraftFields;
  contents: Map<string, Uint8Array>;
  /** The header fields not carried over, by name, for telling the person. */
  leftOut: string[];
}

/** Header fields the draft has its own fields for. */
const ADDRESS_AND_SUBJECT = new Set(['from', 'to', 'cc', 'bcc', 'reply-to', 'subject']);

/**
 * Header fields the servers on the way write (RFC 5321 §4.4 trace fields, RFC 6376 and RFC 8617
 * signatures, RFC 8601 results): a new draft must not copy them, nor those the builder writes.
 */
const WRITTEN_BY_SERVERS = new Set([
  'content-length',
  'received',
  'return-path',
  'delivered-to',
  'x-original-to',
  'dkim-signature',
  'domainkey-signature',
  'authentication-results',
  'arc-seal',
  'arc-message-signature',
  'arc-authentication-results',
  'received-spf',
  'feedback-id',
  'x-ses-outgoing',
]);

/**
 * Leaves of a multipart/alternative other than its text and HTML bodies: further renderings of
 * the message, such as a text/calendar invitation (RFC 2046 §5.1.4). An embedded message's
 * parts are its own, not renderings of this one.
 */
function alternativeLeaves(node: MimeNode, parent?: MimeNode): MimeNode[] {
  if (node.children.length === 0) {
    const rendering =
      parent?.contentType === 'multipart/alternative' &&
      node.contentType !== 'text/plain' &&
      node.contentType !== 'text/html' &&
      node.disposition?.toLowerCase() !== 'attachment';
    return rendering ? [node] : [];
  }
  if (node.contentType === 'message/rfc822') return [];
  return node.children.flatMap((child) => alternativeLeaves(child, node));
}

/** A part's Content-Type as written, unfolded: an invitation's `method=` must survive. */
function writtenContentType(node: MimeNode): string {
  const field = node.headers.find((header) => header.name.toLowerCase() === 'content-type');
  return field ? field.value.replace(/\r?\n[ \t]+/g, ' ').trim() : node.contentType;
}

/** Turn an inspection into draft fields. `newId` makes attachment and header row ids. */
export function draftFromInspection(
  inspection: Inspection,
  newId: () => string,
): DraftFromInspection {
  const fields = emptyFields();
  const contents = new Map<string, Uint8Array>();
  const leftOut: string[] = [];
  const joined = (name: string) =>
    inspection.headers
      .filter((header) => header.name.toLowerCase() === name)
      .map((header) => header.decoded.trim())
      .filter(Boolean)
      .join(', ');
  fields.from = joined('from');
  fields.to = joined('to');
  fields.cc = joined('cc');
  fields.bcc = joined('bcc');
  fields.replyTo = joined('reply-to');
  fields.subject = inspection.subject ?? '';
  fields.text = inspection.text ?? '';
  fields.html = inspection.html ?? '';
  const returnPath = inspection.headers.find(
    (header) => header.name.toLowerCase() === 'return-path',
  );
  const mailFrom = returnPath?.value.trim().replace(/^<(.*)>$/, '$1') ?? '';
  // Only when it differs from From: an empty envelope sender means "the From address".
  if (mailFrom && !fields.from.includes(mailFrom)) fields.envelopeMailFrom = mailFrom;
  for (const header of inspection.headers) {
    const name = header.name.toLowerCase();
    if (ADDRESS_AND_SUBJECT.has(name)) continue;
    if (BUILDER_HEADERS.has(name) || WRITTEN_BY_SERVERS.has(name) || name.startsWith('content-')) {
      if (!leftOut.includes(header.name)) leftOut.push(header.name);
      continue;
    }
    fields.headers.push({ id: newId(), name: header.name, value: header.decoded });
  }
  // The inspection lists every non-body leaf in order, the renderings among them: match them up.
  const renderings = alternativeLeaves(inspection.tree);
  let next = 0;
  fields.attachments = inspection.attachments.map((attachment, index): AttachmentInfo => {
    const rendering = renderings[next];
    const isRendering =
      rendering !== undefined &&
      rendering.contentType === attachment.contentType &&
      rendering.filename === attachment.filename &&
      rendering.contentId === attachment.contentId;
    if (isRendering) next++;
    const id = newId();
    contents.set(id, attachment.content);
    // RFC 2392 writes a Content-ID without its angle brackets in `cid:`, as the draft keeps it.
    const contentId = attachment.contentId ? normalizeContentId(attachment.contentId) : undefined;
    const info: AttachmentInfo = {
      id,
      filename: attachmentFileName(attachment, index),
      contentType: attachment.contentType,
      size: attachment.content.length,
      inline: isInlineAttachment(attachment),
    };
    if (contentId) info.contentId = contentId;
    if (isRendering) {
      info.alternative = true;
      info.inline = false;
      info.contentType = writtenContentType(rendering);
    }
    return info;
  });
  return { fields, contents, leftOut };
}
