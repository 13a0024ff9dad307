import { writeFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import { inspectPanel, openInspect } from './inspect-helpers.ts';

/** A 25 MB message: headers, a text part and an 18 MB attachment in base64 lines of 76. */
function largeMessage(): Buffer {
  const attachment = Buffer.alloc(18 * 1024 * 1024);
  for (let i = 0; i < attachment.length; i++) attachment[i] = (i * 7919) & 0xff;
  const base64 = attachment.toString('base64').replace(/.{76}/g, '$&\r\n');
  const head =
    'From: Big Sender <big@example.com>\r\nTo: you@example.org\r\nSubject: A very large message\r\n' +
    'Date: Fri, 27 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n' +
    'Content-Type: multipart/mixed; boundary="big"\r\n\r\n--big\r\n' +
    'Content-Type: text/plain; charset=us-ascii\r\n\r\n' +
    'Padding text.\r\n'.repeat(100_000) +
    '\r\n--big\r\nContent-Type: application/octet-stream; name="big.bin"\r\n' +
    'Content-Disposition: attachment; filename="big.bin"\r\nContent-Transfer-Encoding: base64\r\n\r\n';
  return Buffer.concat([Buffer.from(head), Buffer.from(base64), Buffer.from('\r\n--big--\r\n')]);
}

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
