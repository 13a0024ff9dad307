/**
 * The Date header (RFC 5322 §3.3): written from the caller's clock, or taken from the draft as an
 * RFC 3339 or RFC 5322 date.
 */

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
    const instant = new Date(value.replace(' ', 'T'));
    if (Number.isNaN(instant.getTime())) return undefined;
    const offset =
      iso[8]!.toUpperCase() === 'Z'
        ? 0
        : (iso[9] === '-' ? -1 : 1) * (Number(iso[10]) * 60 + Number(iso[11]));
    return formatDate(instant, offset);
  }
  const mail = RFC5322.exec(value);
  if (mail) {
    const [, day, date, month, year, hours, minutes, seconds = '00', zone] = mail;
    const offset =
      (zone!.startsWith('-') ? -1 : 1) * (Number(zone!.slice(1, 3)) * 60 + Number(zone!.slice(3)));
    const utc =
      Date.UTC(
        Number(year),
        MONTHS.indexOf(month!),
        Number(date),
        Number(hours),
        Number(minutes),
        Number(seconds),
      ) -
      offset * 60_000;
    const instant = new Date(utc);
    const written = formatDate(instant, offset);
    // Reject 31 Feb and friends, and a weekday that does not match the date.
    if (Number(date) !== new Date(utc + offset * 60_000).getUTCDate()) return undefined;
    if (day && !written.startsWith(day)) return undefined;
    return written;
  }
  return undefined;
}
