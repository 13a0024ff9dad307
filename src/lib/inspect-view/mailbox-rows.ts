/**
 * The messages of an mbox as rows of a list a person can sort: subject, sender, date and, once
 * known, SES's bounce type, as a mail client lists them, rather than by the `From ` separator
 * line, which names only the envelope sender and the time the message was stored.
 */
import { summariseHeaders } from '../mime/index.ts';
import type { MboxMessage } from '../mime/mbox.ts';
import type { DateDisplayOptions } from './date-display.ts';

/** One message of the mbox as the list shows it. */
export interface MailboxRow {
  /** Zero-based position in the file. */
  index: number;
  /** The decoded subject, `(no subject)`, or the separator line when there are no headers. */
  subject: string;
  from: string;
  /** Epoch milliseconds of its Date field, when readable. */
  date?: number;
}

/** What the bounce column says of a message: SES's bounce type, `Complaint`, or nothing. */
export type MailboxReportKind = 'Permanent' | 'Transient' | 'Undetermined' | 'Complaint' | '';

/** The columns a mailbox list sorts by. */
export type MailboxSortKey = 'index' | 'subject' | 'from' | 'date' | 'report';

/** The row of the mbox message at `index`. */
export function mailboxRow(message: MboxMessage, index: number): MailboxRow {
  const summary = summariseHeaders(message.raw);
  const noHeaders = summary.subject === undefined && !summary.from && summary.date === undefined;
  const row: MailboxRow = {
    index,
    subject: noHeaders
      ? message.postmark || '(no From line)'
      : summary.subject?.trim() || '(no subject)',
    from: summary.from ?? '',
  };
  if (summary.date !== undefined) row.date = summary.date;
  return row;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * The rows in the order asked for; ties (and rows without a date) keep the file's order, and
 * rows without a date or report go last whichever way the column is sorted.
 */
export function sortMailboxRows(
  rows: readonly MailboxRow[],
  key: MailboxSortKey,
  descending: boolean,
  reports: readonly (MailboxReportKind | undefined)[] = [],
): MailboxRow[] {
  const sign = descending ? -1 : 1;
  const missing = (row: MailboxRow) =>
    key === 'date' ? row.date === undefined : key === 'report' ? !reports[row.index] : false;
  return [...rows].sort((a, b) => {
    const gap = Number(missing(a)) - Number(missing(b));
    if (gap !== 0) return gap;
    let order = 0;
    if (key === 'subject') order = collator.compare(a.subject, b.subject);
    else if (key === 'from') order = collator.compare(a.from, b.from);
    else if (key === 'date') order = (a.date ?? 0) - (b.date ?? 0);
    else if (key === 'report')
      order = collator.compare(reports[a.index] ?? '', reports[b.index] ?? '');
    return key === 'index' ? sign * (a.index - b.index) : sign * order || a.index - b.index;
  });
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** A message's day and time for the list, e.g. `2 Mar 2026, 09:02`. */
export function formatListDate(time: number, options: DateDisplayOptions = {}): string {
  const key = `${options.locale ?? ''} ${options.timeZone ?? ''}`;
  let format = dayFormats.get(key);
  if (!format) {
    // Building a format is far slower than using one; a mailbox has thousands of dates.
    format = new Intl.DateTimeFormat(options.locale, {
      timeZone: options.timeZone,
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    dayFormats.set(key, format);
  }
  return format.format(new Date(time));
}
