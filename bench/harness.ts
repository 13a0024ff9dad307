/**
 * A small benchmark harness: contenders of one comparison run interleaved in one process (so
 * machine noise hits them alike), after a warm-up, in samples long enough to time reliably; the
 * medians and the engine's ratio to each peer are printed as a table. No thresholds: the goals
 * are shown beside the figures, never asserted.
 */
import { performance } from 'node:perf_hooks';

/** One way of doing the work being compared. */
export interface Contender {
  label: string;
  /** Does the work once; may return a promise. */
  run: () => unknown;
}

/** Work done by the engine and by its peers, measured the same way. */
export interface Comparison {
  name: string;
  /** How the figure is shown: time per run, runs per second, or MiB per second of `bytes`. */
  metric: 'ms' | 'runs/s' | 'MiB/s';
  /** Input size, for MiB/s. */
  bytes?: number;
  engine: Contender;
  peers: Contender[];
  /** The speed-up over the first peer that the engine aims for. */
  goal?: number;
}

/** A named group of comparisons; `notes` are printed under its table (e.g. correctness counts). */
export interface Suite {
  name: string;
  comparisons: () => Comparison[];
  notes?: () => string[] | Promise<string[]>;
}

/** How long the harness measures. */
export interface HarnessOptions {
  /** Samples per contender. */
  samples: number;
  /** Minimum duration of one sample in ms; fast work is repeated within a sample. */
  minSampleMs: number;
  /** Warm-up duration per contender in ms. */
  warmupMs: number;
}

/** Samples, sample length and warm-up used by `npm run bench`. */
export const DEFAULT_OPTIONS: HarnessOptions = { samples: 15, minSampleMs: 150, warmupMs: 500 };

async function runTimes(contender: Contender, times: number): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < times; i++) {
    const result = contender.run();
    if (result instanceof Promise) await result;
  }
  return performance.now() - start;
}

/** How many runs make one sample of at least `minSampleMs`. */
async function calibrate(contender: Contender, options: HarnessOptions): Promise<number> {
  let times = 1;
  const deadline = performance.now() + options.warmupMs;
  for (;;) {
    const elapsed = await runTimes(contender, times);
    if (elapsed >= options.minSampleMs && performance.now() >= deadline) return times;
    if (elapsed < options.minSampleMs)
      times = Math.ceil(
        times * Math.min(10, (options.minSampleMs * 1.2) / Math.max(elapsed, 0.01)),
      );
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The measured median time per run of one contender, in ms, and its paired ratio. */
export interface Measurement {
  label: string;
  msPerRun: number;
  /**
   * Median over rounds of this contender's time divided by the engine's in the same round. Pairing
   * samples taken moments apart cancels the load of a shared machine better than a ratio of
   * medians.
   */
  ratioToEngine: number;
}

/** Measure one comparison: warm-up and calibrate each contender, then interleave samples. */
export async function measure(
  comparison: Comparison,
  options = DEFAULT_OPTIONS,
): Promise<Measurement[]> {
  const contenders = [comparison.engine, ...comparison.peers];
  const times: number[] = [];
  for (const contender of contenders) times.push(await calibrate(contender, options));
  const samples: number[][] = contenders.map(() => []);
  for (let round = 0; round < options.samples; round++) {
    // Alternate the order so neither side always runs right after the other's garbage.
    const order = contenders.map((_, index) => index);
    if (round % 2) order.reverse();
    for (const index of order) {
      const elapsed = await runTimes(contenders[index]!, times[index]!);
      samples[index]!.push(elapsed / times[index]!);
    }
  }
  return contenders.map((contender, index) => ({
    label: contender.label,
    msPerRun: median(samples[index]!),
    ratioToEngine: median(samples[index]!.map((value, round) => value / samples[0]![round]!)),
  }));
}

function figure(comparison: Comparison, msPerRun: number): string {
  if (comparison.metric === 'ms') return `${msPerRun.toFixed(2)} ms`;
  if (comparison.metric === 'runs/s')
    return `${Math.round(1000 / msPerRun).toLocaleString('en-US')} runs/s`;
  return `${((comparison.bytes ?? 0) / (1024 * 1024) / (msPerRun / 1000)).toFixed(1)} MiB/s`;
}

/** Run suites and print one table: a row per contender with its median and the engine's ratio. */
export async function runSuites(
  suites: readonly Suite[],
  options = DEFAULT_OPTIONS,
): Promise<void> {
  const rows: string[][] = [
    [
      'suite',
      'comparison',
      'contender',
      'median',
      'speed-up (medians)',
      'speed-up (paired)',
      'goal',
    ],
  ];
  const notes: string[] = [];
  for (const suite of suites) {
    for (const comparison of suite.comparisons()) {
      const [engine, ...peers] = await measure(comparison, options);
      rows.push([
        suite.name,
        comparison.name,
        engine!.label,
        figure(comparison, engine!.msPerRun),
        '',
        '',
        '',
      ]);
      peers.forEach((peer, index) => {
        const ofMedians = peer.msPerRun / engine!.msPerRun;
        const paired = peer.ratioToEngine;
        // The goal is judged on the lower of the two estimates.
        const worst = Math.min(ofMedians, paired);
        const goal =
          index === 0 && comparison.goal
            ? `≥ ${comparison.goal}× ${worst >= comparison.goal ? 'met' : 'MISSED'}`
            : '';
        rows.push([
          '',
          '',
          peer.label,
          figure(comparison, peer.msPerRun),
          `${ofMedians.toFixed(2)}×`,
          `${paired.toFixed(2)}×`,
          goal,
        ]);
      });
    }
    for (const note of (await suite.notes?.()) ?? []) notes.push(`${suite.name}: ${note}`);
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) =>
    `| ${row.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  console.log(line(rows[0]!));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows.slice(1)) console.log(line(row));
  if (notes.length) console.log(`\n${notes.join('\n')}`);
}
