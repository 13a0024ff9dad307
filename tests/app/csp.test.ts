import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

/** The policy of an index.html, directive by directive. */
function policyOf(html: string): Map<string, string[]> {
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
  if (!meta) throw new Error('index.html has no Content-Security-Policy meta element.');
  return new Map(
    meta[1]!
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

const sources: [string, string][] = [
  ['the source index.html', join(ROOT, 'index.html')],
  // The built page, when there is one: the build must not loosen the policy.
  ...(existsSync(join(ROOT, 'dist/index.html'))
    ? [['the built index.html', join(ROOT, 'dist/index.html')] as [string, string]]
    : []),
];

describe.each(sources)('the app’s Content Security Policy in %s', (_name, path) => {
  const policy = policyOf(readFileSync(path, 'utf8'));

  test('allows nothing by default, and scripts, workers and connections only from the app', () => {
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('worker-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('manifest-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
  });

  test('never allows inline or evaluated script, or any host at all by wildcard', () => {
    for (const [name, allowed] of policy) {
      expect(allowed, name).not.toContain("'unsafe-eval'");
      expect(allowed, name).not.toContain('*');
      if (name === 'script-src') expect(allowed).not.toContain("'unsafe-inline'");
    }
  });

  test('admits remote images, styles and fonts only as http(s), for the preview frame to use', () => {
    // The preview's srcdoc frame inherits this policy on top of its own, which blocks every load
    // until the person allows remote content; the page itself loads none (tests/e2e/fixtures.ts).
    for (const name of ['img-src', 'style-src', 'font-src']) {
      const remote = policy.get(name)!.filter((source) => /^[a-z]+:/.test(source));
      expect(
        remote.filter((source) => !['http:', 'https:', 'data:', 'blob:'].includes(source)),
      ).toEqual([]);
    }
  });
});
