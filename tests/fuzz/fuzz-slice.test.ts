/**
 * The CI slice of the fuzzer: every target with a fixed seed and a few hundred to a thousand
 * cases (a few thousand in all). `npm run fuzz` runs the same targets for minutes.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runTarget } from './run.ts';
import { buildTarget, inspectTarget, mboxTarget, simulatorTarget } from './targets.ts';

const SEED = 20_261_206;
const dir = join(tmpdir(), 'mailwright-fuzz-slice');

describe('fuzz slice', () => {
  const slices = [
    [inspectTarget, 1000],
    [buildTarget, 400],
    [mboxTarget, 1500],
    [simulatorTarget, 150],
  ] as const;
  for (const [target, runs] of slices) {
    test(`${target.name}: ${runs} seeded cases`, { timeout: 60_000 }, async () => {
      const result = await runTarget<unknown>(target as never, runs, SEED, dir);
      expect(result.failed, `${result.message} (reproducer: ${result.reproducer})`).toBe(false);
    });
  }
});

test('a failure is shrunk and written as a reproducer', async () => {
  const { fc } = await import('@fast-check/vitest');
  const { existsSync, readFileSync } = await import('node:fs');
  const target = {
    name: 'self-check',
    arbitrary: fc.string(),
    check: (text: string) => {
      if (text.includes('z')) throw new Error('found a z');
    },
    toBytes: (text: string) => new TextEncoder().encode(text),
  };
  const result = await runTarget(target, 2000, SEED, dir);
  expect(result.failed).toBe(true);
  expect(existsSync(result.reproducer!)).toBe(true);
  // Shrunk to the smallest input that fails.
  expect(JSON.parse(readFileSync(result.reproducer!, 'utf8')).input).toBe('z');
});
