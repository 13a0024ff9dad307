/**
 * Hostile HTML that used to freeze the page for seconds to minutes, shown in the real preview in
 * Chromium: each must render (cut, with a note, where it is over a limit) without a main-thread
 * task anywhere near the time quadratic work takes. The cap is generous on purpose: these inputs
 * took 6–110 s before; linear work takes well under a second.
 */
import { expect, test, type Page } from '@playwright/test';
import { MAX_PREVIEW_DEPTH } from '../../src/lib/html/limits.ts';
import { inFrame, openHarness, show } from './support/preview.ts';

const MB = 1024 * 1024;
const rep = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length));
const START = '<p id="start">start</p>';
const CAP_MS = 10_000;

const CASES: Array<[string, string, RegExp | null]> = [
  [
    'Outlook conditional comments written with extra spaces',
    rep('<!--[if   mso   ', 0.2 * MB),
    null,
  ],
  [
    'repeated color-scheme declarations',
    `<style>${rep('color-scheme: light ', 0.8 * MB)}</style>`,
    /first 0\.5 MB of 0\.8 MB/,
  ],
  ['HTML ending in an unclosed meta tag', rep('<meta ', 0.3 * MB), null],
  ['HTML nested 100,000 levels deep', `${'<div>'.repeat(100_000)}x`, /nesting of \d+ elements/],
  [
    'tables nested 20,000 levels deep',
    `${'<table><tr><td>'.repeat(20_000)}x`,
    /nesting of \d+ elements/,
  ],
  [
    '3 MB of ordinary HTML',
    rep(`<p style="color:red">Hello <b>world</b>${' and more words'.repeat(30)}</p>\n`, 3 * MB),
    /Showing only the first 0\.5 MB of 3\.0 MB/,
  ],
  [
    '0.5 MB of markup-dense HTML',
    rep('<p style="color:red">Hello <b>world</b></p>\n', 0.5 * MB),
    /Showing only the first 10,000 elements of the HTML/,
  ],
];

async function watchLongTasks(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const seen = window as unknown as { longestTask: number };
    seen.longestTask = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        seen.longestTask = Math.max(seen.longestTask, entry.duration);
      }
    }).observe({ type: 'longtask' });
  });
  return () => page.evaluate(() => (window as unknown as { longestTask: number }).longestTask);
}

for (const [name, html, note] of CASES) {
  test(`${name}: shown without freezing the page`, async ({ page }) => {
    test.setTimeout(120_000);
    await openHarness(page);
    const longest = await watchLongTasks(page);
    await show(page, [{ html: START + html, key: 'hostile' }]);
    expect(await inFrame(page, 0, (doc) => doc.getElementById('start')?.textContent, null)).toBe(
      'start',
    );
    const status = page.getByRole('status');
    if (note) await expect(status).toContainText(note);
    else await expect(status).not.toContainText('Showing');
    const task = await longest();
    console.log(`${name}: longest main-thread task ${Math.round(task)} ms`);
    expect(task).toBeLessThan(CAP_MS);
  });
}

test('the depth limit is the one the note names', async ({ page }) => {
  await openHarness(page);
  await show(page, [
    { html: `${START}${'<div>'.repeat(MAX_PREVIEW_DEPTH + 10)}deep`, key: 'deep' },
  ]);
  await expect(page.getByRole('status')).toContainText(`nesting of ${MAX_PREVIEW_DEPTH} elements`);
  expect(await inFrame(page, 0, (doc) => doc.body.textContent?.includes('deep'), null)).toBe(false);
});
