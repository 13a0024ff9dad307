/**
 * How the SES workspace writes times, rates and sizes. Times are UTC, as in SES's own JSON.
 */

/** `2026-01-01 00:00:03 UTC` from epoch ms or an ISO 8601 string. */
export function formatTime(time: number | string): string {
  const date = new Date(time);
  if (Number.isNaN(date.getTime())) return String(time);
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** A rate as a percentage with enough digits to tell 0.1% from 0.05%. */
export function formatRate(rate: number): string {
  return `${(rate * 100).toFixed(rate < 0.01 ? 2 : 1)}%`;
}

/** A duration in words: `3 h 20 min`, `2 d 1 h`, `45 s`. */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}
