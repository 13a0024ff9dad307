/**
 * How the messages of an mbox are named in its picker: by subject, sender and day, as a mail
 * client lists them, rather than by the `From ` separator line, which names only the envelope
 * sender and the time the message was stored.
 */
import { summariseHeaders } from '../mime/index.ts';
import type { MboxMessage } from '../mime/mbox.ts';
import type { DateDisplayOptions } from './date-display.ts';

/** Subjects longer than this are cut with an ellipsis so that the picker stays readable. */
const SUBJECT_MAX = 80;

/** The picker label of the mbox message at `index` (zero-based), e.g. `3. Hello — Ann <a@x>, 8 Jul 2011`. */
export function mailboxLabel(
  message: MboxMessage,
  index: number,
  options: DateDisplayOptions = {},
): string {
  const summary = summariseHeaders(message.raw);
  const details: string[] = [];
  if (summary.from) details.push(summary.from);
  if (summary.date !== undefined) details.push(formatDay(summary.date, options));
  if (summary.subject === undefined && !details.length) {
    // No header to go by: the separator line is all there is.
    return `${index + 1}. ${message.postmark || '(no From line)'}`;
  }
  const subject = summary.subject
    ? summary.subject.length > SUBJECT_MAX
      ? `${summary.subject.slice(0, SUBJECT_MAX - 1)}…`
      : summary.subject
    : '(no subject)';
  return `${index + 1}. ${subject}${details.length ? ` — ${details.join(', ')}` : ''}`;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

function formatDay(time: number, options: DateDisplayOptions): string {
  const key = `${options.locale ?? ''} ${options.timeZone ?? ''}`;
  let format = dayFormats.get(key);
  if (!format) {
    // Building a format is far slower than using one; a mailbox has thousands of dates.
    format = new Intl.DateTimeFormat(options.locale, {
      timeZone: options.timeZone,
      year: 'numeric',
      month: 'short',
      day: 'numeric',
    });
    dayFormats.set(key, format);
  }
  return format.format(new Date(time));
}
