/**
 * The app's own Content Security Policy (index.html). The preview frame inherits it, so it must
 * admit http(s) images, styles and fonts for `Load remote content` to work, and nothing more:
 * scripts and connections stay on the app's origin, and no plugins, base URL or form targets.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

const indexHtml = readFileSync(new URL('../../../index.html', import.meta.url), 'utf8');
const content =
  /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(indexHtml)?.[1] ?? '';
const directives = new Map(
  content
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .filter((words) => words[0])
    .map(([name, ...sources]) => [name!, sources]),
);

test.each([
  ['script-src', ["'self'"]],
  ['connect-src', ["'self'"]],
  ['object-src', ["'none'"]],
  ['base-uri', ["'none'"]],
  ['form-action', ["'none'"]],
])('%s is exactly %j', (name, sources) => {
  expect(directives.get(name)).toEqual(sources);
});

test.each(['img-src', 'style-src', 'font-src'])(
  '%s admits http: and https: (remote content, once allowed)',
  (name) => {
    expect(directives.get(name)).toEqual(expect.arrayContaining(["'self'", 'http:', 'https:']));
  },
);

test('no directive allows inline or evaluated script', () => {
  for (const [name, sources] of directives) {
    if (name === 'style-src') continue;
    expect(sources, name).not.toContain("'unsafe-inline'");
    expect(sources, name).not.toContain("'unsafe-eval'");
  }
  // Nothing is allowed unless a directive names it.
  expect(directives.get('default-src')).toEqual(["'none'"]);
});

test('frames never load data: documents', () => {
  // A click in the preview must not be able to put a page of the email's making in its place.
  expect(directives.get('frame-src')).not.toContain('data:');
  expect(directives.get('frame-src')).not.toContain('*');
});
