/**
 * The notification Amazon SES would publish for an inspected bounce (DSN) or complaint (ARF
 * report), made by the SES engine from the report and the original message's header fields.
 */
import { inspectMessage } from '../mime/index.ts';
import { parseMailDate } from '../mime/mail-date.ts';
import type { HeaderField, Inspection, MimeNode } from '../mime/types.ts';
import { reportToNotification } from '../ses/index.ts';
import { decodePartBytes } from './part-content.ts';

/** The original message's header fields in a report: its attached message or headers part. */
export async function originalHeaders(tree: MimeNode, raw: Uint8Array): Promise<HeaderField[]> {
  const walk = (node: MimeNode): MimeNode | undefined =>
    node.contentType === 'message/rfc822' ||
    node.contentType === 'message/rfc822-headers' ||
    node.contentType === 'text/rfc822-headers'
      ? node
      : node.children.map(walk).find(Boolean);
  const part = walk(tree);
  if (!part) return [];
  const inner = part.children[0];
  if (inner) return inner.headers;
  // A headers-only part: its body is a header section, which the engine reads like a message.
  const found = await inspectMessage(decodePartBytes(raw, part));
  return found.headers.map(({ name, value }) => ({ name, value }));
}

/**
 * The SNS notification SES would publish for an inspected bounce or complaint, or undefined when
 * the message is neither. Its time is the report's own Date (when the receiving side wrote it),
 * else `fallbackNow` (milliseconds since the epoch).
 */
export async function notificationFor(
  inspection: Inspection,
  raw: Uint8Array,
  fallbackNow: number,
): Promise<object | undefined> {
  if (!inspection.report) return undefined;
  const written = inspection.date ? parseMailDate(inspection.date) : undefined;
  return reportToNotification(inspection.report, {
    originalHeaders: await originalHeaders(inspection.tree, raw),
    now: new Date(written ? written.time : fallbackNow),
  });
}
