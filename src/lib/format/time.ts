/**
 * Times and durations written the same way wherever they appear: SES's instants in UTC, as in its
 * own JSON, and durations in words. (Dates of a message, shown in the viewer's own zone, are in
 * src/lib/inspect-view/date-display.ts.)
 */

/** `2026-01-01 00:00:03 UTC` from epoch ms or an ISO 8601 string. */
export function formatTime(time: number | string): string {
  const date = new Date(time);
  if (Number.isNaN(date.getTime())) return String(time);
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
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
