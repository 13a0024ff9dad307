/**
 * What kind of file a person opened or dropped, decided from its first bytes: a single
 * message, an mbox mailbox, or an Outlook `.msg` (which is not MIME and cannot be inspected).
 */
import { isMbox } from '../mime/mbox.ts';

/** The kinds of file Inspect tells apart. */
export type FileKind = 'message' | 'mbox' | 'outlook-msg';

/** OLE2 / Compound File Binary signature, which every Outlook `.msg` starts with ([MS-CFB] 2.2). */
const COMPOUND_FILE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

/**
 * Decide what a file is from its first bytes (the first 16 are enough). The name alone decides
 * nothing: `.msg` is also a common extension for plain MIME messages (mime4j's and Email::ARF's
 * test messages use it), so only Outlook's compound-file signature marks an Outlook message.
 */
export function classifyFile(bytes: Uint8Array): FileKind {
  const compound = COMPOUND_FILE_SIGNATURE.every((byte, index) => bytes[index] === byte);
  if (compound) return 'outlook-msg';
  if (isMbox(bytes)) return 'mbox';
  return 'message';
}

/** Why an Outlook `.msg` cannot be inspected, and what to do instead. */
export function outlookMessageRefusal(name: string): string {
  return (
    `“${name}” is an Outlook .msg file: Outlook's own binary format, not a MIME message, so it ` +
    'cannot be inspected. Save or export the message as .eml (or forward it as an attachment ' +
    'and save that), then open the .eml file.'
  );
}

/** The file types the open-file control offers. */
export const ACCEPTED_FILE_TYPES =
  '.eml,.txt,.mbox,.mbx,.msg,message/rfc822,text/plain,application/mbox';
