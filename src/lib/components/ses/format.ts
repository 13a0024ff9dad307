/**
 * How the SES workspace writes times, rates and durations: the shared formatters of
 * src/lib/format, so that Inspect's report view and the SES workspace read alike.
 */
export { formatRate } from '../../format/rate.ts';
export { formatDuration, formatTime } from '../../format/time.ts';
