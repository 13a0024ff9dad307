/**
 * `npm run fuzz`: minutes of seeded fuzzing of inspectMessage, buildMessage, the mbox splitter and
 * simulator operation sequences. Not part of CI (which runs a short slice of the same targets).
 *
 *   npm run fuzz -- [--runs N] [--seed S] [--target inspect|build|mbox|simulator]
 *
 * Each failure is shrunk and written to fuzz-reproducers/ (git-ignored) with its seed and path,
 * so it can be replayed with the same seed. Exits 1 when any target failed.
 */
import { runTarget } from '../tests/fuzz/run.ts';
import { FUZZ_TARGETS } from '../tests/fuzz/targets.ts';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const runs = Number(option('runs') ?? 5000);
const seed = Number(option('seed') ?? Date.now() % 2 ** 31);
const only = option('target');
if (!Number.isInteger(runs) || runs <= 0) throw new RangeError('--runs takes a positive integer.');
if (!Number.isInteger(seed)) throw new RangeError('--seed takes an integer.');

console.log(`Fuzzing with seed ${seed}, ${runs} cases per target.`);
let failed = false;
for (const target of FUZZ_TARGETS) {
  if (only && target.name !== only) continue;
  const started = performance.now();
  const result = await runTarget(target, runs, seed);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (result.failed) {
    failed = true;
    console.log(`✗ ${target.name}: ${result.message}\n  reproducer: ${result.reproducer}`);
  } else {
    console.log(`✓ ${target.name}: ${runs} cases in ${seconds} s`);
  }
}
process.exitCode = failed ? 1 : 0;
