/**
 * The shared corpus of public test messages lives outside the repository. Tests find it through
 * one variable, MAILWRIGHT_CORPUS (default ../shared/corpus beside the clone). When it is absent
 * the corpus tests are skipped with a visible note, unless MAILWRIGHT_REQUIRE_CORPUS is set (CI),
 * in which case they fail.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

// Resolved from the file path, not with `new URL`: under jsdom the global URL is jsdom's.
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Absolute path of the corpus directory (it may not exist). */
export const corpusDir = resolve(repoRoot, process.env.MAILWRIGHT_CORPUS ?? '../shared/corpus');

/** Whether the corpus is present on this machine. */
export const hasCorpus = existsSync(join(corpusDir, 'MANIFEST.md'));

if (!hasCorpus && process.env.MAILWRIGHT_REQUIRE_CORPUS) {
  throw new Error(
    `MAILWRIGHT_REQUIRE_CORPUS is set but no corpus was found at ${corpusDir}; set MAILWRIGHT_CORPUS.`,
  );
}

let warned = false;
/** `describe` for corpus tests: skipped, with a note on the console, when the corpus is absent. */
export function describeCorpus(name: string, body: () => void): void {
  if (!hasCorpus && !warned) {
    warned = true;
    console.warn(
      `NOTE: corpus not found at ${corpusDir}; corpus tests are skipped. Set MAILWRIGHT_CORPUS to run them.`,
    );
  }
  (hasCorpus ? describe : describe.skip)(`${name} [corpus]`, body);
}

/** Path of a file inside the corpus. */
export function corpusPath(...parts: string[]): string {
  return join(corpusDir, ...parts);
}

/** Read a corpus file as bytes. */
export function readCorpus(...parts: string[]): Uint8Array {
  return new Uint8Array(readFileSync(corpusPath(...parts)));
}

/** Every file below a corpus folder (recursively), as paths relative to the corpus root. */
export function listCorpus(
  folder: string,
  filter: (path: string) => boolean = () => true,
): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir).sort()) {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else {
        const rel = relative(corpusDir, full);
        if (filter(rel)) out.push(rel);
      }
    }
  };
  walk(join(corpusDir, folder));
  return out;
}
