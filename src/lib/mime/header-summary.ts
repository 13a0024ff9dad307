/**
 * What a list of messages shows for each one (an mbox's picker, for instance): its subject,
 * sender and date, read from the header block alone so that a mailbox of thousands of messages is
 * summarised without parsing any body.
 */
import { firstHeader } from './header-lookup.ts';
import { decodeEncodedWords } from './encoded-word.ts';
import { readHeaderBlock } from './header-block.ts';
import { DiagnosticLog } from './inspect-diagnostics.ts';
import { readMailboxes } from './inspect-headers.ts';
import { parseMailDate } from './mail-date.ts';

/** A message's subject, sender and date, decoded; each absent when the message has none. */
export interface HeaderSummary {
  /** The Subject with RFC 2047 words decoded and white space runs made single spaces. */
  subject?: string;
  /** The first mailbox of From (its display name decoded), or the raw value if none parses. */
  from?: string;
  /** The instant of the Date header, in milliseconds since the epoch, when it is a valid date. */
  date?: number;
}

/** Summarise a message from its header block. Never throws. */
export function summariseHeaders(raw: Uint8Array): HeaderSummary {
  const { fields } = readHeaderBlock(raw, 0, raw.length, new DiagnosticLog());
  const first = (name: string) => firstHeader(fields, name);
  const summary: HeaderSummary = {};
  const subject = first('subject');
  if (subject !== undefined) summary.subject = squash(decodeEncodedWords(subject));
  const from = first('from');
  if (from !== undefined && from.trim()) summary.from = readMailboxes(from)[0] ?? squash(from);
  const date = first('date');
  const parsed = date === undefined ? undefined : parseMailDate(date);
  if (parsed) summary.date = parsed.time;
  return summary;
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
