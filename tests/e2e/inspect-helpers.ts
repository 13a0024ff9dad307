/**
 * Driving the Inspect workspace from Playwright, and Python's `email` package as the independent
 * reading of each corpus message the tests open.
 */
import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';
import { parseWithPython } from '../support/python-email.ts';

/** Open the app on the Inspect workspace and wait until it is ready for input. */
export async function openInspect(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Inspect' }).click();
  await expect(page.getByRole('textbox', { name: 'Raw message input' })).toBeVisible();
}

/** The Inspect tab panel. */
export function inspectPanel(page: Page): Locator {
  return page.getByRole('tabpanel', { name: 'Inspect' });
}

/** The tabs of the result pane: `Summary`, `Headers`, `Route`, `Structure`, `Bodies`, … */
export type ResultTab =
  | 'Summary'
  | 'Headers'
  | 'Route'
  | 'Structure'
  | 'Bodies'
  | 'Attachments'
  | 'Diagnostics'
  | 'Checks';

/** Open a tab of the result pane, so that what it holds can be seen and used. */
export async function openResultTab(page: Page, name: ResultTab): Promise<void> {
  const tab = inspectPanel(page)
    .getByRole('tablist', { name: 'Message details' })
    .getByRole('tab', { name, exact: true });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
}

/** Open one of `Try a sample`'s messages by its title, and wait until it is inspected. */
export async function openSample(page: Page, title: string): Promise<void> {
  await inspectPanel(page).getByRole('button', { name: 'Try a sample' }).click();
  await page.getByRole('menuitem', { name: title }).click();
  await expect(page.getByRole('menu')).toBeHidden();
  await waitForInspection(page);
}

/** Paste text into the raw input as the clipboard would deliver it. */
export async function pasteMessage(page: Page, text: string): Promise<void> {
  const input = page.getByRole('textbox', { name: 'Raw message input' });
  await input.click();
  await pasteInto(input, text);
}

/** Paste text into an element as the clipboard would deliver it, over what is selected. */
export async function pasteInto(target: Locator, text: string): Promise<void> {
  await target.evaluate((element, pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    element.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
}

/** Wait until the summary shows a finished inspection. */
export async function waitForInspection(page: Page): Promise<void> {
  await expect(page.getByTestId('summary-parts')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Inspected' })).toBeVisible({
    timeout: 30_000,
  });
}

/** What Python's `email` package (policy.default) reads in a message. */
export interface PythonReading {
  subject: string | null;
  /** Parts as Inspect counts them: containers and nested messages included; report fields not. */
  parts: number;
  filenames: string[];
  defects: string[];
  /** For a DSN: each recipient's Final-Recipient address and Status. */
  dsn: Array<{ recipient: string; status: string | null; action: string | null }>;
  /** For an ARF report: its Feedback-Type. */
  feedbackType: string | null;
}

/** Parts Inspect shows as one node: report fields and returned headers are not parts. */
const LEAF_REPORT_TYPES = new Set([
  'message/delivery-status',
  'message/feedback-report',
  'message/rfc822-headers',
  'text/rfc822-headers',
  'message/global-delivery-status',
]);

/** Read a message file with Python's `email` package (the shared oracle). */
export function readWithPython(path: string): PythonReading {
  const [report] = parseWithPython([new Uint8Array(readFileSync(path))]);
  const { nodes, headers, defects } = report!;
  const field = (block: Array<[string, string]>, name: string) =>
    block.find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1] ?? null;
  const dsn = nodes
    .filter((node) => node.contentType === 'message/delivery-status')
    .flatMap((node) => node.blocks ?? [])
    .flatMap((block) => {
      const recipient = field(block, 'Final-Recipient');
      if (!recipient) return [];
      const cut = recipient.indexOf(';');
      const address = (cut < 0 ? recipient : recipient.slice(cut + 1)).trim();
      return [
        { recipient: address, status: field(block, 'Status'), action: field(block, 'Action') },
      ];
    });
  const feedback = nodes.filter((node) => node.contentType === 'message/feedback-report').at(-1);
  return {
    subject: headers.find(([name]) => name.toLowerCase() === 'subject')?.[1] ?? null,
    parts: nodes.filter((node) => !node.ancestors.some((a) => LEAF_REPORT_TYPES.has(a))).length,
    filenames: nodes.flatMap((node) => (node.filename ? [node.filename] : [])),
    // Defects of the message and its parts, not of single header values or of decoding text.
    defects: defects
      .filter((d) => /^(message|part \d+)$/.test(d.where) && d.defect.endsWith('Defect'))
      .map((d) => d.defect),
    dsn,
    feedbackType: feedback?.blocks?.[0] ? field(feedback.blocks[0], 'Feedback-Type') : null,
  };
}
