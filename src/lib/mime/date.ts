/**
 * The Date header (RFC 5322 §3.3): written from the caller's clock, or taken from the draft as an
 * RFC 3339 or RFC 5322 date.
 */
import { fieldsToTime } from './mail-date.ts';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (value: number) => String(value).padStart(2, '0');

/**
 * Format an instant as an RFC 5322 date-time at the given offset from UTC in minutes (default
 * 0), e.g. `Fri, 27 Nov 2026 21:16:10 +0000`.
 */
export function formatDate(date: Date, offsetMinutes = 0): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('The date to format is not a valid Date.');
  const local = new Date(date.getTime() + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return (
    `${DAYS[local.getUTCDay()]}, ${local.getUTCDate()} ${MONTHS[local.getUTCMonth()]} ` +
    `${local.getUTCFullYear()} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:` +
    `${pad(local.getUTCSeconds())} ${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`
  );
}

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|([+-])(\d{2}):(\d{2}))$/;
const RFC5322 =
  /^(?:(Mon|Tue|Wed|Thu|Fri|Sat|Sun),\s*)?(\d{1,2})\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s+([+-]\d{4})$/;

/**
 * Turn a draft's date (RFC 3339 or RFC 5322) into the Date header value, keeping its offset.
 * Returns undefined when the text is neither or names an impossible time.
 */
export function normaliseDate(text: string): string | undefined {
  const value = text.trim().replace(/\s+/g, ' ');
  const iso = RFC3339.exec(value);
  if (iso) {
    const [, year, month, date, hours, minutes, seconds, , zone, sign, zoneHours, zoneMinutes] =
      iso;
    const offset = zone!.toUpperCase() === 'Z' ? 0 : readOffset(sign!, zoneHours!, zoneMinutes!);
    if (offset === undefined) return undefined;
    const time = fieldsToTime(
      Number(year),
      Number(month),
      Number(date),
      Number(hours),
      Number(minutes),
      Number(seconds),
      offset,
    );
    return time === undefined ? undefined : formatDate(new Date(time), offset);
  }
  const mail = RFC5322.exec(value);
  if (mail) {
    const [, day, date, month, year, hours, minutes, seconds = '00', zone] = mail;
    const offset = readOffset(zone![0]!, zone!.slice(1, 3), zone!.slice(3));
    if (offset === undefined) return undefined;
    const time = fieldsToTime(
      Number(year),
      MONTHS.indexOf(month!) + 1,
      Number(date),
      Number(hours),
      Number(minutes),
      Number(seconds),
      offset,
    );
    if (time === undefined) return undefined;
    const written = formatDate(new Date(time), offset);
    // A weekday that does not match the date is as wrong as the 31st of February.
    if (day && !written.startsWith(day)) return undefined;
    return written;
  }
  return undefined;
}

/** A zone offset in minutes east of UTC, or undefined when its minutes are 60 or more. */
function readOffset(sign: string, hours: string, minutes: string): number | undefined {
  if (Number(minutes) > 59) return undefined;
  return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
}
