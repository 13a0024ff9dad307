import { writeFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import { inspectPanel, openInspect, openResultTab } from './inspect-helpers.ts';
import { largeMessage } from '../../bench/workload.ts';

test('a 25 MB message is parsed in the background while the page keeps responding', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const buffer = largeMessage();
  expect(buffer.length).toBeGreaterThan(25 * 1000 * 1000);
  await openInspect(page);
  await page.evaluate(() => {
    const tasks: number[] = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: false });
    (window as unknown as { longTasks: number[] }).longTasks = tasks;
  });
  // As soon as the worker is parsing, switch tabs and time how long the page takes to respond.
  // The watch starts before the file is chosen: a fast parse must not end before it is looking.
  await page.evaluate(() => {
    const parsing = () =>
      document
        .querySelector('[aria-label="Inspection progress"]')
        ?.parentElement?.textContent?.includes('Parsing the message') ?? false;
    const respond = () =>
      new Promise<{ milliseconds: number; stillParsing: boolean }>((resolve) => {
        const tab = document.getElementById('tab-compose') as HTMLButtonElement;
        const start = performance.now();
        tab.click();
        const check = () =>
          tab.getAttribute('aria-selected') === 'true'
            ? requestAnimationFrame(() =>
                resolve({ milliseconds: performance.now() - start, stillParsing: parsing() }),
              )
            : requestAnimationFrame(check);
        check();
      });
    (window as unknown as { tabResponse: Promise<unknown> }).tabResponse = new Promise(
      (resolve) => {
        const observer = new MutationObserver(() => {
          if (!parsing()) return;
          observer.disconnect();
          resolve(respond());
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      },
    );
  });
  // From a file on disk: a buffer would be copied into the page by script, on the main thread.
  const path = testInfo.outputPath('large.eml');
  writeFileSync(path, buffer);
  await page.getByLabel('Open .eml file').setInputFiles(path);
  const response = await page.evaluate(
    () =>
      (
        window as unknown as {
          tabResponse: Promise<{ milliseconds: number; stillParsing: boolean }>;
        }
      ).tabResponse,
  );
  expect(response.stillParsing, 'the tab was clicked while the message was being parsed').toBe(
    true,
  );
  await page.getByRole('tab', { name: 'Inspect' }).click();

  await expect(page.getByTestId('summary-subject')).toHaveText('A very large message', {
    timeout: 120_000,
  });
  await openResultTab(page, 'Structure');
  await expect(
    inspectPanel(page).getByRole('region', { name: 'MIME structure' }).getByRole('treeitem'),
  ).toHaveCount(3);
  await expect(page.getByRole('status')).toContainText('in the background');
  const status = (await page.getByRole('status').textContent()) ?? '';
  const longTasks = await page.evaluate(
    () => (window as unknown as { longTasks: number[] }).longTasks,
  );
  const figures =
    `tab click to response during parsing: ${response.milliseconds.toFixed(1)} ms; ` +
    `${status.trim()}; main-thread long tasks: ${longTasks.length}, longest ${Math.max(0, ...longTasks).toFixed(0)} ms`;
  testInfo.annotations.push({ type: 'figures', description: figures });
  console.log(`25 MB message: ${figures}`);
});
