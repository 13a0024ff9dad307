import { MAX_DATE_CHARS } from './limits.ts';

/**
 * Reads RFC 5322 §3.3 date-times as they appear in Date and Received headers, obsolete forms
 * (§4.3: two-digit years, named zones) included, without the platform's lenient `Date.parse`.
 */

/** A date-time as written: its instant and the zone offset it was written in. */
export interface MailDate {
  /** Milliseconds since the epoch (UTC). */
  time: number;
  /** The writer's offset from UTC in minutes, e.g. 120 for `+0200`. */
  offsetMinutes: number;
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** RFC 5322 §4.3 obsolete zone names, in minutes east of UTC. */
const NAMED_ZONES: Record<string, number> = {
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

/**
 * The text with its comments (RFC 5322 §3.2.2: parenthesised, nesting, `\\` quoting) replaced by
 * spaces, in one pass; an unclosed `(` is left as text, as it is no comment. A `/\([^)]*\)/g` replacement rescans
 * to the end from every unclosed `(`, so 100 KB of `(` took seconds.
 */
export function withoutComments(text: string): string {
  if (!text.includes('(')) return text;
  let out = '';
  let depth = 0;
  let kept = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (depth > 0 && ch === '\\') i++;
    else if (ch === '(') {
      if (depth++ === 0) {
        out += text.slice(kept, i);
        kept = i;
      }
    } else if (ch === ')' && depth > 0) {
      if (--depth === 0) {
        out += ' ';
        kept = i + 1;
      }
    }
  }
  return out + text.slice(kept);
}

const DATE_PATTERN =
  /(\d{1,2})[\s-]+([a-z]{3})[a-z]*\.?[\s-]+(\d{2,4})\s+(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?(?:\.\d+)?\s*([+-]\d{4}|[+-]\d{2}:?\d{2}|[a-z]{1,5})?/i;

/**
 * The instant of a date-time written at an offset (minutes east of UTC), or `undefined` when any
 * date or time field is out of range: 31 Feb, 10:75 or 24:00 name no instant, and
 * `Date.UTC` would otherwise carry them silently into the next day, hour or minute. Months count
 * from 1. Years are taken as written (no 1900 added to years under 100).
 */
export function fieldsToTime(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  offsetMinutes: number,
): number | undefined {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  const time = date.getTime();
  if (Number.isNaN(time)) return undefined;
  const fits =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second;
  return fits ? time - offsetMinutes * 60_000 : undefined;
}

/** Read a date-time, or `undefined` when the text holds none that is valid. */
export function parseMailDate(text: string): MailDate | undefined {
  const bare = withoutComments(text).trim();
  // The pattern is searched, not anchored; kept to a date's length, its cost stays small.
  if (bare.length > MAX_DATE_CHARS) return undefined;
  const match = DATE_PATTERN.exec(bare);
  if (!match) return undefined;
  const day = Number(match[1]);
  const month = MONTHS.indexOf(match[2]!.toLowerCase()) + 1;
  let year = Number(match[3]);
  // RFC 5322 §4.3: two-digit years under 50 are 20xx, others 19xx; three digits add 1900.
  if (match[3]!.length === 2) year += year < 50 ? 2000 : 1900;
  else if (match[3]!.length === 3) year += 1900;
  const hour = Number(match[4]);
  const minute = Number(match[5]);
  const second = match[6] === undefined ? 0 : Number(match[6]);
  if (second > 60) return undefined;
  const offsetMinutes = readZone(match[7]);
  // RFC 5322 §3.3 allows a leap second, 60; it is read as the second before it.
  const time = fieldsToTime(year, month, day, hour, minute, Math.min(second, 59), offsetMinutes);
  if (time === undefined) return undefined;
  return { time, offsetMinutes, year, month, day, hour, minute, second };
}

function readZone(zone: string | undefined): number {
  if (!zone) return 0;
  const numeric = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3]);
    return numeric[1] === '-' ? -minutes : minutes;
  }
  // Military zones and unknown names mean "unknown offset" (RFC 5322 §4.3): read as UTC.
  return NAMED_ZONES[zone.toLowerCase()] ?? 0;
}
