/**
 * The shared corpus for browser tests (Playwright cannot use the Vitest helper in
 * tests/support/corpus.ts). Found through MAILWRIGHT_CORPUS; tests skip with a visible note when
 * it is absent, and fail when MAILWRIGHT_REQUIRE_CORPUS is set.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

/** Absolute path of the corpus directory (it may not exist). */
export const corpusDir = resolve(repoRoot, process.env.MAILWRIGHT_CORPUS ?? '../shared/corpus');

/** Whether the corpus is present on this machine. */
export const hasCorpus = existsSync(join(corpusDir, 'MANIFEST.md'));

/**
 * Why corpus tests are skipped, or null when they run: the corpus, or the one corpus file named
 * by `parts`, is missing. Throws instead when MAILWRIGHT_REQUIRE_CORPUS is set.
 */
export function corpusSkipReason(...parts: string[]): string | null {
  const wanted = join(corpusDir, ...(parts.length > 0 ? parts : ['MANIFEST.md']));
  if (existsSync(wanted)) return null;
  const what = parts.length > 0 ? `corpus file ${wanted}` : `corpus at ${corpusDir}`;
  if (process.env.MAILWRIGHT_REQUIRE_CORPUS) {
    throw new Error(
      `MAILWRIGHT_REQUIRE_CORPUS is set but no ${what} was found; set MAILWRIGHT_CORPUS.`,
    );
  }
  const note =
    parts.length > 0
      ? `NOTE: ${what} not found; the tests that need it are skipped.`
      : `NOTE: corpus not found at ${corpusDir}; corpus tests are skipped. Set MAILWRIGHT_CORPUS to run them.`;
  console.warn(note);
  return note;
}

/** Reads a corpus file as text. */
export function readCorpusText(...parts: string[]): string {
  return readFileSync(join(corpusDir, ...parts), 'utf8');
}

/** Whether a corpus file exists. */
export function corpusHas(...parts: string[]): boolean {
  return existsSync(join(corpusDir, ...parts));
}
