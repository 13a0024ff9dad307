/**
 * The app's own Content Security Policy (index.html). The preview frame is one of the app's own
 * documents with a policy of its own and does not inherit this one, so the page admits no remote
 * image, style or font: scripts and connections stay on the app's origin, frames show the app's
 * own files, and no plugins, base URL or form targets.
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
  '%s admits no remote source (only the preview frame loads remote content)',
  (name) => {
    expect(directives.get(name)).toContain("'self'");
    for (const source of directives.get(name)!) {
      expect(source, name).toMatch(/^('self'|'unsafe-inline'|data:)$/);
    }
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
  expect(directives.get('frame-src')).toEqual(["'self'"]);
});
