/**
 * Dates and durations as the person reading a message sees them: in their own time zone. (The
 * engine reads the dates; see src/lib/mime/mail-date.ts. Durations: src/lib/format/time.ts.)
 */

/** Options for showing a date to the person reading it. */
export interface DateDisplayOptions {
  /** IANA zone; default: the viewer's own. */
  timeZone?: string;
  /** BCP 47 locale; default: the viewer's own. */
  locale?: string;
}

/** An instant in the viewer's time zone, with the zone's name, e.g. `Fri, 7 Feb 2003, 17:35:25 CET`. */
export function formatInViewerZone(time: number, options: DateDisplayOptions = {}): string {
  const format = new Intl.DateTimeFormat(options.locale, {
    timeZone: options.timeZone,
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  });
  return format.format(new Date(time));
}

/** The IANA name of the viewer's time zone, e.g. `Europe/Paris`. */
export function viewerTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}
