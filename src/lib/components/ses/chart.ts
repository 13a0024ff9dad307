/**
 * The geometry of a rate chart: a step line of a rate over simulated time, scaled so that the
 * pause threshold is always in view.
 */

/** One point of a rate series. */
export interface RatePoint {
  at: number;
  rate: number;
}

/** The chart's drawing, in SVG user units. */
export interface RateChartGeometry {
  /** The step line's `points` attribute; empty when there is nothing to plot. */
  line: string;
  /** y of a rate. */
  y: (rate: number) => number;
  /** The highest rate the chart shows. */
  top: number;
  /** The simulated times at the left and right edges (epoch ms); undefined with no points. */
  start?: number;
  end?: number;
}

/** The labels of a time axis from `start` to `end`: UTC clock times, with the date when it changes. */
export function timeAxisLabels(start: number, end: number): [string, string] {
  const at = (ms: number) => new Date(ms).toISOString();
  const sameDay = at(start).slice(0, 10) === at(end).slice(0, 10);
  const label = (ms: number) =>
    sameDay ? at(ms).slice(11, 16) : `${at(ms).slice(5, 10)} ${at(ms).slice(11, 16)}`;
  return [label(start), label(end)];
}

/** Plot `points` from the first one to `nowMs` in a `width` × `height` box. */
export function rateChart(
  points: readonly RatePoint[],
  nowMs: number,
  pause: number,
  width: number,
  height: number,
): RateChartGeometry {
  const top = Math.max(pause * 1.2, ...points.map((p) => p.rate * 1.05));
  const y = (rate: number) => height - (Math.min(rate, top) / top) * height;
  const first = points[0];
  if (!first) return { line: '', y, top };
  const start = first.at;
  const end = Math.max(nowMs, (points.at(-1) as RatePoint).at, start + 1);
  const x = (at: number) => ((at - start) / (end - start)) * width;
  const coordinates: string[] = [];
  let previous: RatePoint | undefined;
  for (const point of points) {
    if (previous) coordinates.push(`${x(point.at).toFixed(1)},${y(previous.rate).toFixed(1)}`);
    coordinates.push(`${x(point.at).toFixed(1)},${y(point.rate).toFixed(1)}`);
    previous = point;
  }
  if (previous) coordinates.push(`${width},${y(previous.rate).toFixed(1)}`);
  return { line: coordinates.join(' '), y, top, start, end };
}
