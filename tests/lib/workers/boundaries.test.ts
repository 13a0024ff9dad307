import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const WORKERS = join(import.meta.dirname, '../../../src/lib/workers');
const FILES = readdirSync(WORKERS).filter((name) => name.endsWith('.ts'));

function importsOf(file: string): string[] {
  const source = readFileSync(join(WORKERS, file), 'utf8');
  return [...source.matchAll(/from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g)].map(
    (match) => match[1] ?? match[2] ?? '',
  );
}

describe('the workers', () => {
  // A worker that pulled in the page's state would bundle Svelte's runtime and page-only code.
  test('have their imports read', () => {
    expect(importsOf('build.worker.ts')).toContain('../mime/build.ts');
  });
  for (const file of FILES) {
    test(`${file} imports nothing from state/ or components/`, () => {
      expect(importsOf(file).filter((path) => /\/(state|components)\//.test(path))).toEqual([]);
    });
  }
});
