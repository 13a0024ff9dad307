/** Opening each workspace and seeing it ready, wherever the app is served from. */
import { expect, type Page } from '@playwright/test';
import { messageView } from './compose-support.ts';
import { inspectPanel, openResultTab, pasteInto, waitForInspection } from './inspect-helpers.ts';

/** Open Compose, Inspect and SES in turn; each must show its working parts. */
export async function openWorkspaces(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Compose' }).click();
  await expect(await messageView(page, 'Raw message')).toContainText('MIME-Version');
  await page.getByRole('tab', { name: 'Inspect' }).click();
  await expect(page.getByRole('textbox', { name: 'Raw message input' })).toBeVisible();
  await page.getByRole('tab', { name: 'SES' }).click();
  await expect(page.getByRole('navigation', { name: 'SES pages' })).toBeVisible();
}

/**
 * Paste an HTML message into Inspect and see its body in the preview frame, which the app loads
 * from a document of its own; returns that document's URL.
 */
export async function showHtmlBody(page: Page, text: string): Promise<string | undefined> {
  await page.getByRole('tab', { name: 'Inspect' }).click();
  // Over whatever the input holds, as a person replacing one message with another does.
  const input = page.getByRole('textbox', { name: 'Raw message input' });
  await input.click();
  await page.keyboard.press('ControlOrMeta+A');
  await pasteInto(
    input,
    'From: a@example.com\r\nSubject: HTML body\r\nMIME-Version: 1.0\r\n' +
      `Content-Type: text/html; charset=utf-8\r\n\r\n<p id="greeting">${text}</p>\r\n`,
  );
  await expect(inspectPanel(page).getByRole('region', { name: 'Summary' })).toContainText(
    'HTML body',
  );
  await waitForInspection(page);
  await openResultTab(page, 'Bodies');
  const frame = inspectPanel(page).locator('iframe[title="HTML preview"]');
  await expect(frame.contentFrame().locator('#greeting')).toHaveText(text);
  return frame.evaluate((element: HTMLIFrameElement) => element.contentDocument?.URL);
}
