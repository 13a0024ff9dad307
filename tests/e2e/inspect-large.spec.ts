import { writeFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import { inspectPanel, openInspect, openResultTab, pasteMessage } from './inspect-helpers.ts';
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

/** A message of about 25 MB: a short text, a large attachment, then a text part after it. */
function messageWithLateText(): string {
  const line = 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0\r\n';
  return (
    'From: a@example.com\r\nTo: b@example.org\r\nSubject: Large with a late part\r\n' +
    'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n' +
    '--b\r\nContent-Type: text/plain\r\n\r\nFirst words.\r\n' +
    '--b\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n' +
    line.repeat(Math.ceil((25 * 1024 * 1024) / line.length)) +
    '--b\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nClosing words, after the attachment.\r\n' +
    '--b--\r\n'
  );
}

test('a 25 MB message is shown through a window of its bytes, and a part selects in it', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const text = messageWithLateText();
  const path = testInfo.outputPath('late-part.eml');
  writeFileSync(path, text);
  await openInspect(page);
  await page.getByLabel('Open .eml file').setInputFiles(path);
  await expect(page.getByTestId('summary-subject')).toHaveText('Large with a late part', {
    timeout: 120_000,
  });
  const note = page.getByTestId('raw-window-note');
  const total = text.length.toLocaleString('en');
  await expect(note).toContainText(
    new RegExp(`The message is large: bytes 1–[\\d,]+ of ${total} are shown`),
  );
  await expect(note).toContainText('read-only');
  const input = page.getByRole('textbox', { name: 'Raw message input' });
  await expect(input).toContainText('Subject: Large with a late part');
  await expect(input).not.toContainText('Closing words');

  // The part after the attachment: the window moves to it and its bytes are selected.
  await openResultTab(page, 'Structure');
  const tree = inspectPanel(page).getByRole('region', { name: 'MIME structure' });
  await tree
    .getByRole('treeitem', { name: /text\/plain/ })
    .last()
    .click();
  await expect(note).not.toContainText('bytes 1–');
  const start = text.lastIndexOf('Content-Type: text/plain; charset=us-ascii');
  await expect(page.getByTestId('raw-selection')).toHaveText(/Selected bytes \d+–\d+ /);
  const status = (await page.getByTestId('raw-selection').textContent()) ?? '';
  const [from, to] = (/Selected bytes (\d+)–(\d+)/.exec(status) ?? []).slice(1).map(Number);
  expect(from).toBeGreaterThan(start - 200);
  expect(from).toBeLessThanOrEqual(start);
  await input.focus();
  const selected = await page.evaluate(() => window.getSelection()?.toString() ?? '');
  expect(selected.replace(/\n/g, '\r\n')).toBe(text.slice(from, to));
  expect(selected).toContain('Closing words, after the attachment.');

  // Paging back to the start shows the headers again.
  await note.getByRole('button', { name: 'Earlier bytes' }).click();
  await expect(note).toContainText(/bytes [\d,]+–[\d,]+ of/);
});

test('a pasted 25 MB message is inspected and shown through a window', async ({ page }) => {
  test.setTimeout(180_000);
  await openInspect(page);
  const text = messageWithLateText();
  await pasteMessage(page, text);
  await expect(page.getByTestId('summary-subject')).toHaveText('Large with a late part', {
    timeout: 120_000,
  });
  const note = page.getByTestId('raw-window-note');
  await expect(note).toContainText(
    new RegExp(`bytes 1–[\\d,]+ of ${text.length.toLocaleString('en')} are shown`),
  );
  await expect(page.getByRole('textbox', { name: 'Raw message input' })).toContainText(
    'Subject: Large with a late part',
  );
});
