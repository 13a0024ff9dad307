import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { frameCsp } from '../../src/lib/html/frame-document.ts';

const ROOT = join(import.meta.dirname, '../..');

/** The policy in an HTML document's meta element, as written. */
function policyText(html: string): string {
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
  if (!meta) throw new Error('The document has no Content-Security-Policy meta element.');
  return meta[1]!;
}

/** The policy of an HTML document, directive by directive. */
function policyOf(html: string): Map<string, string[]> {
  return new Map(
    policyText(html)
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

const built = existsSync(join(ROOT, 'dist/index.html'));

// `npm test` builds before the unit tests so that these read the built files; run alone before a
// build, they check the sources only. CI must never skip them.
test.runIf(Boolean(process.env.CI))('the app is built before these tests run in CI', () => {
  expect(built, 'dist/index.html is missing: run npm run build first').toBe(true);
});

const sources: [string, string][] = [
  ['the source index.html', join(ROOT, 'index.html')],
  // The built page, when there is one: the build must not loosen the policy.
  ...(built ? [['the built index.html', join(ROOT, 'dist/index.html')] as [string, string]] : []),
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

  test('loads no remote image, style or font itself, and frames only the app’s own files', () => {
    // The preview frame is one of the app's own documents with a policy of its own (below), so
    // this one never admits a remote host or scheme for the page.
    for (const name of ['img-src', 'style-src', 'font-src']) {
      expect(
        policy
          .get(name)!
          .filter((source) => !["'self'", "'unsafe-inline'", 'data:'].includes(source)),
        name,
      ).toEqual([]);
    }
    expect(policy.get('frame-src')).toEqual(["'self'"]);
    expect(policy.get('child-src')).toEqual(["'self'"]);
  });
});

describe.each([
  ['public', join(ROOT, 'public')],
  ...(built ? [['dist', join(ROOT, 'dist')] as [string, string]] : []),
])('the preview frame’s own documents in %s/', (_name, folder) => {
  test('carry exactly the frame’s policy, remote content blocked or allowed', () => {
    const read = (file: string) => policyText(readFileSync(join(folder, file), 'utf8'));
    expect(read('preview-frame.html')).toBe(frameCsp(false));
    expect(read('preview-frame-remote.html')).toBe(frameCsp(true));
  });

  test('hold no content, script or link of their own', () => {
    for (const file of ['preview-frame.html', 'preview-frame-remote.html']) {
      const html = readFileSync(join(folder, file), 'utf8');
      expect(html, file).not.toMatch(/<(script|link|img|style|iframe|base)\b/i);
      expect(html, file).toMatch(/<body><\/body>/);
    }
  });
});

test.runIf(built)('the service worker precaches both frame documents, for offline use', () => {
  const worker = readFileSync(join(ROOT, 'dist/sw.js'), 'utf8');
  expect(worker).toContain('"preview-frame.html"');
  expect(worker).toContain('"preview-frame-remote.html"');
});
