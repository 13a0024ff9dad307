/**
 * Run fuzz targets with fast-check: seeded, so a run can be repeated; a failure is shrunk to a
 * small counterexample (fast-check's minimiser) and written as a reproducer.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc } from '@fast-check/vitest';
import { bytesToBinaryString } from '../../src/lib/mime/bytes.ts';
import type { FuzzTarget } from './targets.ts';

/** Where reproducers go: git-ignored, beside the repository's other local output. */
export const REPRODUCER_DIR = 'fuzz-reproducers';

/** How one target fared. */
export interface FuzzResult {
  name: string;
  runs: number;
  failed: boolean;
  /** The reproducer file written for a failure. */
  reproducer?: string;
  message?: string;
}

/** Run `runs` cases of a target from `seed`; on a failure, write the shrunk case to `dir`. */
export async function runTarget<T>(
  target: FuzzTarget<T>,
  runs: number,
  seed: number,
  dir = REPRODUCER_DIR,
): Promise<FuzzResult> {
  const property = fc.asyncProperty(target.arbitrary, async (input) => {
    await target.check(input);
  });
  const details = await fc.check(property, { numRuns: runs, seed, endOnFailure: false });
  if (!details.failed) return { name: target.name, runs, failed: false };
  const input = details.counterexample?.[0] as T;
  const message = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  mkdirSync(dir, { recursive: true });
  const base = join(dir, `${target.name}-seed${seed}-${details.counterexamplePath ?? 'x'}`.replace(/:/g, '_'));
  const replay = { target: target.name, seed, path: details.counterexamplePath, message };
  writeFileSync(`${base}.json`, JSON.stringify({ ...replay, input: serialisable(input) }, null, 2));
  if (target.toBytes) writeFileSync(`${base}.eml`, target.toBytes(input));
  return { name: target.name, runs, failed: true, reproducer: `${base}.json`, message };
} // prettier-ignore

/** Inputs as JSON: byte arrays as text (one character per byte) so a person can read them. */
function serialisable(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (_key, item: unknown) =>
      item instanceof Uint8Array ? { bytes: bytesToBinaryString(item) } : item,
    ),
  );
}
