/**
 * What SES reads inside a message's parts rather than its bytes as sent: the anti-virus scan and
 * the text a receipt rule's keyword condition searches. Each part's transfer encoding (RFC 2045
 * §6) is undone first, so an attachment sent base64-encoded is scanned as the file it carries.
 */
import {
  DiagnosticLog,
  bytesToBinaryString,
  decodeText,
  decodeTransfer,
  scanStructure,
  type ScannedPart,
} from '../../mime/index.ts';

/** The EICAR anti-virus test string: SES accepts such a message, then rejects it (`Bad content`). */
export const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

/** The message's leaf parts, in the order they appear. */
export function leaves(part: ScannedPart, out: ScannedPart[] = []): ScannedPart[] {
  if (part.children.length === 0) out.push(part);
  for (const child of part.children) leaves(child, out);
  return out;
}

/**
 * Whether any part of the message, once its transfer encoding is undone, holds the EICAR test
 * string (ses-facts §2.5): what SES's scan flags as a virus.
 */
export function containsTestVirus(raw: Uint8Array): boolean {
  return leaves(scanStructure(raw, new DiagnosticLog())).some((part) =>
    bytesToBinaryString(decodeTransfer(raw, part)).includes(EICAR),
  );
}

/** Whether a part is a text or HTML body a reader sees (not an attachment). */
export function isBodyText(part: ScannedPart): boolean {
  const type = part.fields.contentType;
  return (
    (type === 'text/plain' || type === 'text/html') &&
    part.fields.disposition !== 'attachment' &&
    part.fields.filename === undefined
  );
}

/**
 * The message's text and HTML bodies (parts that are not attachments), each decoded from its
 * transfer encoding and charset, joined by line breaks: what a reader sees as the body.
 */
export function decodedTextBody(raw: Uint8Array): string {
  const log = new DiagnosticLog();
  return leaves(scanStructure(raw, log))
    .filter(isBodyText)
    .map((part) => decodeText(raw, part, log))
    .join('\n');
}
