/**
 * How many cases each property test tries, and how to replay a failure. Every property suite
 * takes its fast-check parameters from here so that CI runs them all at full strength and any
 * failure can be replayed the same way.
 *
 * - `CI` set: at least {@link CI_RUNS} runs per property, or fewer where one case is a whole
 *   simulated account's history or a batch through Python (the suite names its number, so CI
 *   stays within its time).
 * - `FC_SEED=<n>` (and optionally `FC_PATH=<path>`), as fast-check prints them on a failure:
 *   replays that run, going straight to the reported counterexample when the path is given.
 */

/** Runs per property in CI. */
export const CI_RUNS = 1000;

/** Runs per property on a developer's machine unless a suite asks for another number. */
export const LOCAL_RUNS = 200;

/** fast-check parameters for one property. */
export interface PropertyRuns {
  numRuns: number;
  seed?: number;
  path?: string;
}

/**
 * The parameters for a property: `localRuns` cases locally (fewer for slow properties),
 * `ciRuns` ({@link CI_RUNS} unless a slow suite names fewer) in CI, plus the seed and path to
 * replay from FC_SEED and FC_PATH.
 */
export function propertyRuns(localRuns: number = LOCAL_RUNS, ciRuns = CI_RUNS): PropertyRuns {
  const runs: PropertyRuns = { numRuns: process.env.CI ? Math.max(ciRuns, localRuns) : localRuns };
  const seed = process.env.FC_SEED;
  if (seed !== undefined && seed !== '') {
    if (!/^-?\d+$/.test(seed)) throw new RangeError(`FC_SEED must be an integer, not "${seed}".`);
    runs.seed = Number(seed);
    if (process.env.FC_PATH) runs.path = process.env.FC_PATH;
  }
  return runs;
}
