/**
 * Dates and durations as the person reading a message sees them: in their own time zone. (The
 * engine reads the dates; see src/lib/mime/mail-date.ts.)
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

/**
 * A duration in words, to the second, for a route table or the SES workspace: its two largest
 * units, the second left out when it is zero (`0 s`, `4 s`, `1 min`, `2 min 5 s`, `3 h 1 min`,
 * `1 d`, `2 d 4 h`), and signed when negative (`−1 min 30 s`).
 */
export function formatDuration(milliseconds: number): string {
  const sign = milliseconds < 0 ? '−' : '';
  let seconds = Math.round(Math.abs(milliseconds) / 1000);
  const days = Math.floor(seconds / 86_400);
  seconds -= days * 86_400;
  const hours = Math.floor(seconds / 3600);
  seconds -= hours * 3600;
  const minutes = Math.floor(seconds / 60);
  seconds -= minutes * 60;
  const pair = (major: string, minor: number, unit: string) =>
    `${sign}${major}${minor ? ` ${minor} ${unit}` : ''}`;
  if (days > 0) return pair(`${days} d`, hours, 'h');
  if (hours > 0) return pair(`${hours} h`, minutes, 'min');
  if (minutes > 0) return pair(`${minutes} min`, seconds, 's');
  return `${sign}${seconds} s`;
}
