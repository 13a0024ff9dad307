/**
 * The pre-send checks in the page: marks in Compose's editors at the lines of the problems, a
 * checklist that follows typing, CSS inlining shown as a diff and undoable, and the checks of a
 * received message in Inspect.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openCompose } from './compose-support.ts';
import {
  inspectPanel,
  openInspect,
  openResultTab,
  pasteMessage,
  waitForInspection,
} from './inspect-helpers.ts';

/** Open Compose's Checks tab, and give its region. */
async function openComposeChecks(page: Page): Promise<Locator> {
  await page.getByRole('tab', { name: 'Checks', exact: true }).click();
  const region = page.getByRole('region', { name: 'Checks' });
  await expect(region).toBeVisible();
  return region;
}

/** Open Inspect's Checks, and give its region. */
async function openInspectChecks(page: Page): Promise<Locator> {
  await openResultTab(page, 'Checks');
  const region = inspectPanel(page).getByRole('region', { name: 'Checks' });
  await expect(region).toBeVisible();
  return region;
}

/** Replace an editor's text with `text`, entered as typed input. */
async function enterText(page: Page, name: string, text: string): Promise<void> {
  const editor = page.getByRole('textbox', { name, exact: true });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

/** The 1-based lines of an editor that hold a lint mark of `severity`, with the marked text. */
function markedLines(page: Page, name: string, severity: 'error' | 'warning' | 'info') {
  return page.getByRole('textbox', { name, exact: true }).evaluate((content, kind) => {
    const lines = [...content.querySelectorAll('.cm-line')];
    return lines.flatMap((line, index) =>
      [...line.querySelectorAll(`.cm-lintRange-${kind}`)].map((mark) => ({
        line: index + 1,
        text: mark.textContent ?? '',
      })),
    );
  }, severity);
}

const PROBLEM_HTML = [
  '<html>',
  '<body>',
  '<p>Fresh bread every morning.</p>',
  '<p><a href="javascript:alert(1)">Open the menu</a></p>',
  '<p><img src="https://bakery.example/bread.png"></p>',
  '<p>Open <b>daily</p></b>',
  '</body>',
  '</html>',
].join('\n');

test('problem HTML is marked at its lines and the checklist follows typing', async ({ page }) => {
  await openCompose(page);
  const checks = await openComposeChecks(page);
  await enterText(page, 'HTML body', PROBLEM_HTML);

  await expect(checks.getByRole('button', { name: /link-unsafe/ })).toBeVisible({
    timeout: 30_000,
  });
  await expect(checks.getByRole('button', { name: /img-missing-alt/ })).toBeVisible();
  await expect(checks).toContainText(/Score \d+\/100/);
  await expect
    .poll(() => markedLines(page, 'HTML body', 'error'))
    .toContainEqual({ line: 4, text: 'href="javascript:alert(1)"' });
  await expect
    .poll(async () => (await markedLines(page, 'HTML body', 'warning')).map((m) => m.line))
    .toEqual(expect.arrayContaining([5, 6]));
  // HTML validity runs in the worker too (html-validate's browser build).
  await expect(
    checks.getByRole('button', { name: /html-invalid.*close-order/ }).first(),
  ).toBeVisible();

  // Choosing a finding selects its span in the editor.
  await checks.getByRole('button', { name: /link-unsafe/ }).click();
  await expect
    .poll(() =>
      page
        .getByRole('textbox', { name: 'HTML body', exact: true })
        .evaluate(() => getSelection()?.toString()),
    )
    .toBe('href="javascript:alert(1)"');

  // Fix the link: the finding and its mark go away.
  await enterText(
    page,
    'HTML body',
    PROBLEM_HTML.replace('javascript:alert(1)', 'https://bakery.example/menu'),
  );
  await expect(checks.getByRole('button', { name: /link-unsafe/ })).toHaveCount(0, {
    timeout: 30_000,
  });
  await expect.poll(() => markedLines(page, 'HTML body', 'error')).toEqual([]);
  await expect(checks.getByRole('button', { name: /img-missing-alt/ })).toBeVisible();

  // Bulk mail brings the unsubscribe rules, and the choice is remembered across a reload.
  await checks.getByRole('checkbox', { name: 'Bulk or marketing mail' }).check();
  await expect(checks.getByRole('button', { name: /unsubscribe-link-missing/ })).toBeVisible({
    timeout: 30_000,
  });
  await page.reload();
  const again = await openComposeChecks(page);
  await expect(again.getByRole('checkbox', { name: 'Bulk or marketing mail' })).toBeChecked();
  await expect(again.getByRole('button', { name: /unsubscribe-link-missing/ })).toBeVisible({
    timeout: 30_000,
  });
});

test('CSS inlining is shown as a diff, applied, and undone', async ({ page }) => {
  await openCompose(page);
  await openComposeChecks(page);
  const html = [
    '<html lang="en">',
    '<head>',
    '<style>',
    'p { color: #222222; }',
    '@media (prefers-color-scheme: dark) { p { color: #eeeeee !important; } }',
    '</style>',
    '</head>',
    '<body>',
    '<p>Fresh bread</p>',
    '</body>',
    '</html>',
  ].join('\n');
  await enterText(page, 'HTML body', html);
  await page.getByRole('button', { name: 'Inline CSS' }).click();
  const diff = page.getByRole('region', { name: 'CSS inlining diff' });
  await expect(diff).toContainText('+ <p style="color: #222222;">Fresh bread</p>', {
    timeout: 30_000,
  });
  await expect(diff).toContainText('- <p>Fresh bread</p>');

  await page.getByRole('button', { name: 'Apply inlining' }).click();
  const editor = page.getByRole('textbox', { name: 'HTML body', exact: true });
  await expect(editor).toContainText('<p style="color: #222222;">Fresh bread</p>');
  await expect(editor).toContainText('@media (prefers-color-scheme: dark)');

  // The editor's own undo reverts the whole inlining in one step.
  await editor.click();
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(editor).toContainText('<p>Fresh bread</p>');
  await expect(editor).not.toContainText('style="color');
});

test('a received message shows its checks in Inspect, each finding selecting its bytes', async ({
  page,
}) => {
  await openInspect(page);
  const message = [
    'From: Deals <deals@gmail.com>',
    'To: reader@example.org',
    'Subject: FREE MONEY NOW!!!',
    'Date: Sun, 1 Mar 2026 09:00:00 +0000',
    'MIME-Version: 1.0',
    'Content-Type: text/html; charset=utf-8',
    '',
    '<html><body><p>Click <a href="http://deals.example/">here</a></p></body></html>',
    '',
  ].join('\r\n');
  await pasteMessage(page, message);
  await waitForInspection(page);
  const checks = await openInspectChecks(page);
  await expect(checks.getByRole('button', { name: /no-text-alternative/ })).toBeVisible({
    timeout: 30_000,
  });
  await expect(checks.getByRole('button', { name: /subject-spammy/ })).toBeVisible();
  await expect(checks.getByRole('button', { name: /MISSING_MID/ })).toBeVisible();
  await checks.getByRole('button', { name: /link-insecure/ }).click();
  const start = message.indexOf('href="http://deals.example/"'); // ASCII: characters are bytes
  const end = start + 'href="http://deals.example/"'.length;
  await expect(page.getByTestId('raw-selection')).toHaveText(
    new RegExp(`Selected bytes ${start}–${end} `),
  );
});
