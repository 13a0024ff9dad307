/**
 * Dates as mail carries them (RFC 5322 §3.3, with the obsolete forms of §4.3 that real mail still
 * uses), and how a viewer sees them: in their own time zone.
 */

/** A date read from a header: the instant, and the offset from UTC the writer gave. */
export interface MailDate {
  /** Milliseconds since the epoch. */
  time: number;
  /** Minutes east of UTC as written (`+0200` → 120), or undefined for `-0000` (unknown zone). */
  offsetMinutes?: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** RFC 5322 §4.3 obs-zone: the US zones have fixed offsets; military letters mean "unknown". */
const NAMED_ZONES: Readonly<Record<string, number>> = {
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
};

/** Drop RFC 5322 comments (which may nest) such as `(PST)` or `(envelope-from …)`. */
function stripComments(value: string): string {
  let out = '';
  let depth = 0;
  for (let i = 0; i < value.length; i++) {
    const char = value[i];
    if (char === '\\' && depth > 0) i++;
    else if (char === '(') depth++;
    else if (char === ')' && depth > 0) depth--;
    else if (depth === 0) out += char;
  }
  return out;
}

const DATE_TIME =
  /^(?:[a-z]{3,9},?\s*)?(\d{1,2})\s*[-\s]\s*([a-z]{3,9})\.?\s*[-\s]\s*(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*([+-]\d{4}|[a-z]{1,5})?\s*$/i;

/**
 * Read an RFC 5322 date-time, leniently: comments, a missing or misplaced day name, obsolete
 * zone names, two-digit years and a missing zone (taken as UTC, with an unknown offset).
 * Returns undefined when the text is not a date or names an impossible one (`27:39:33`).
 */
export function parseMailDate(value: string): MailDate | undefined {
  const text = stripComments(value).replace(/\s+/g, ' ').trim();
  const match = DATE_TIME.exec(text);
  if (!match) return undefined;
  const [, dayText, monthText, yearText, hourText, minuteText, secondText, zoneText] = match;
  const month = MONTHS.indexOf((monthText ?? '').slice(0, 3).toLowerCase());
  if (month < 0) return undefined;
  let year = Number(yearText);
  // RFC 5322 §4.3: two-digit years below 50 are 20xx, others and three-digit years add 1900.
  if ((yearText ?? '').length === 2) year += year < 50 ? 2000 : 1900;
  else if ((yearText ?? '').length === 3) year += 1900;
  const day = Number(dayText);
  const hour = Number(hourText);
  const minute = Number(minuteText);
  const second = secondText === undefined ? 0 : Number(secondText);
  if (day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return undefined;
  let offsetMinutes: number | undefined;
  if (zoneText === undefined) offsetMinutes = undefined;
  else if (/^[+-]\d{4}$/.test(zoneText)) {
    const sign = zoneText[0] === '-' ? -1 : 1;
    const hours = Number(zoneText.slice(1, 3));
    const minutes = Number(zoneText.slice(3, 5));
    if (minutes > 59) return undefined;
    // "-0000" says the local zone is unknown (RFC 5322 §3.3); the time itself is UTC.
    offsetMinutes = zoneText === '-0000' ? undefined : sign * (hours * 60 + minutes);
  } else {
    offsetMinutes = NAMED_ZONES[zoneText.toLowerCase()];
  }
  const utc = Date.UTC(year, month, day, hour, minute, Math.min(second, 59));
  const check = new Date(utc);
  if (check.getUTCDate() !== day) return undefined; // 31 Feb and friends
  return { time: utc - (offsetMinutes ?? 0) * 60_000, offsetMinutes };
}

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

/** A duration for a route table: `0 s`, `4 s`, `2 min 5 s`, `3 h 1 min`, `2 d 4 h`, signed. */
export function formatDuration(milliseconds: number): string {
  const sign = milliseconds < 0 ? '−' : '';
  let seconds = Math.round(Math.abs(milliseconds) / 1000);
  const days = Math.floor(seconds / 86_400);
  seconds -= days * 86_400;
  const hours = Math.floor(seconds / 3600);
  seconds -= hours * 3600;
  const minutes = Math.floor(seconds / 60);
  seconds -= minutes * 60;
  if (days > 0) return `${sign}${days} d ${hours} h`;
  if (hours > 0) return `${sign}${hours} h ${minutes} min`;
  if (minutes > 0) return `${sign}${minutes} min ${seconds} s`;
  return `${sign}${seconds} s`;
}
