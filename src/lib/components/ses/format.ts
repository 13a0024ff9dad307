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

// Durations read the same here as in Inspect's route table.
export { formatDuration } from '../../inspect-view/date-display.ts';
