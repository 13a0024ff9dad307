/**
 * The options every build of a draft uses, wherever it runs (the page or the worker), so that
 * both give the same bytes: boundaries derived from the draft's id, the date from the caller.
 */
import type { BuildOptions } from '../mime/types.ts';

/** Characters of the draft id kept in boundaries (a boundary is at most 70, RFC 2046 §5.1.1). */
const BOUNDARY_SEED_LENGTH = 24;

/** Build options for a draft identified by `seed`, dated `now`. */
export function buildOptionsFor(seed: string, now: Date): BuildOptions {
  const safe = seed.replace(/[^A-Za-z0-9]/g, '').slice(0, BOUNDARY_SEED_LENGTH);
  return { now, boundary: (depth: number) => `----=_mw_${depth}_${safe}` };
}
