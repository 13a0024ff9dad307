/**
 * Where the time went on a message's route: the delay at each Received hop and its share of the
 * whole, as mail header analysers show it. Received fields are prepended by each server (RFC 5321
 * §4.4), so the caller passes hops oldest first (the reverse of header order).
 */

/** Why a hop's delay cannot be trusted. */
export type HopTimeProblem =
  /** The hop has no date, or one that cannot be read. */
  | 'missing-time'
  /** The previous hop has no date, so this hop's delay is unknown. */
  | 'unknown-previous'
  /** The hop claims to be earlier than the one before it: a clock is wrong. */
  | 'negative-delay';

/** One hop with its timing. */
export interface TimedHop {
  /** Milliseconds since the previous hop; undefined for the first hop or when unknown. */
  delay?: number;
  /** This hop's part of the route's total positive delay, 0–1. */
  share: number;
  problem?: HopTimeProblem;
}

/** The timing of a whole route. */
export interface RouteTiming {
  hops: TimedHop[];
  /** From the first dated hop to the last dated hop, in milliseconds, when there are two. */
  total?: number;
}

/** Compute per-hop delays and shares. `times` are epoch milliseconds, oldest hop first. */
export function timeRoute(times: ReadonlyArray<number | undefined>): RouteTiming {
  const hops: TimedHop[] = times.map((time, index) => {
    if (time === undefined || Number.isNaN(time)) return { share: 0, problem: 'missing-time' };
    if (index === 0) return { share: 0 };
    const previous = times[index - 1];
    if (previous === undefined || Number.isNaN(previous)) {
      return { share: 0, problem: 'unknown-previous' };
    }
    const delay = time - previous;
    return delay < 0 ? { delay, share: 0, problem: 'negative-delay' } : { delay, share: 0 };
  });
  let positive = 0;
  for (const hop of hops) if (hop.delay !== undefined && hop.delay > 0) positive += hop.delay;
  if (positive > 0) {
    for (const hop of hops) {
      if (hop.delay !== undefined && hop.delay > 0) hop.share = hop.delay / positive;
    }
  }
  const dated = times.filter((time): time is number => time !== undefined && !Number.isNaN(time));
  const first = dated[0];
  const last = dated[dated.length - 1];
  return dated.length >= 2 && first !== undefined && last !== undefined
    ? { hops, total: last - first }
    : { hops };
}
