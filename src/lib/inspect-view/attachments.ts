/**
 * How Inspect reads an attachment of an inspected message: whether it is shown inline and the
 * name it is saved under, the same in the attachments table and in a draft made from it.
 */
import type { InspectedAttachment } from '../mime/types.ts';
import { withoutBidiControls } from '../text/bidi.ts';

/**
 * True when the part is meant to be shown in the body: `Content-Disposition: inline`, or no
 * disposition at all but a Content-ID that the HTML can refer to (RFC 2183 §2, RFC 2392).
 */
export function isInlineAttachment(
  attachment: Pick<InspectedAttachment, 'disposition' | 'contentId'>,
): boolean {
  if (attachment.disposition !== undefined) return attachment.disposition === 'inline';
  return attachment.contentId !== undefined;
}

/**
 * The attachment's own file name (without bidirectional controls), else `attachment-N.<subtype>`
 * from its 0-based position and media type, so that every part can be saved under some name.
 */
export function attachmentFileName(
  attachment: Pick<InspectedAttachment, 'filename' | 'contentType'>,
  index: number,
): string {
  return (
    shownFileName(attachment.filename) ??
    `attachment-${index + 1}.${attachment.contentType.split('/')[1] ?? 'bin'}`
  );
}

/** A file name as the message gives it, for showing: without bidirectional controls. */
export function shownFileName(filename: string | undefined): string | undefined {
  return filename === undefined ? undefined : withoutBidiControls(filename);
}
