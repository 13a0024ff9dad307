import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';
import { parseWithPython } from '../support/python-email.ts';

/** The tab of Compose's assembled-message pane that shows each view. */
const TAB_OF_VIEW = {
  'Raw message': 'Raw',
  Envelope: 'Envelope',
  'MIME structure': 'MIME',
  Diagnostics: 'Diagnostics',
} as const;

/** Show one of the assembled message's views (opening its tab) and return its region. */
export async function messageView(page: Page, view: keyof typeof TAB_OF_VIEW): Promise<Locator> {
  const tab = page.getByRole('tab', { name: TAB_OF_VIEW[view], exact: true });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  const region = page.getByRole('region', { name: view, exact: true });
  await expect(region).toBeVisible();
  return region;
}

/** Open Compose and wait until the draft is loaded and assembled (showing the raw message). */
export async function openCompose(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('textbox', { name: 'From', exact: true })).toBeVisible();
  await expect(await messageView(page, 'Raw message')).toContainText('MIME-Version');
}

/** Open the SES request tab of the assembled-message pane. */
export async function openSesRequest(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'SES request', exact: true }).click();
  await expect(page.getByLabel('Export as')).toBeVisible();
}

/** Replace the whole content of a CodeMirror editor by typing, as a person would. */
export async function typeInEditor(page: Page, name: string, text: string): Promise<void> {
  const editor = page.getByRole('textbox', { name, exact: true });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
}

/** What Python's `email` package (policy=default) makes of a message. */
export interface PythonReading {
  /** Every defect, as `where: Defect: message`. */
  defects: string[];
  /** Top-level headers by name, decoded. */
  headers: Record<string, string>;
  parts: Array<{ type: string; filename: string | null; size: number }>;
  text: string | null;
  html: string | null;
}

/** Parse a saved message with Python's `email` package, the independent oracle. */
export function readWithPython(path: string): PythonReading {
  const [report] = parseWithPython([new Uint8Array(readFileSync(path))]);
  return {
    defects: report!.defects.map((d) => `${d.where}: ${d.defect}: ${d.message}`),
    headers: Object.fromEntries(report!.headers),
    parts: report!.parts.map((part) => ({
      type: part.contentType,
      filename: part.filename,
      size: part.content.length,
    })),
    text: report!.text,
    html: report!.html,
  };
}
