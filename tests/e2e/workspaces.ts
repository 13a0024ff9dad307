/** Opening each workspace and seeing it ready, wherever the app is served from. */
import { expect, type Page } from '@playwright/test';
import { messageView } from './compose-support.ts';

/** Open Compose, Inspect and SES in turn; each must show its working parts. */
export async function openWorkspaces(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Compose' }).click();
  await expect(await messageView(page, 'Raw message')).toContainText('MIME-Version');
  await page.getByRole('tab', { name: 'Inspect' }).click();
  await expect(page.getByRole('textbox', { name: 'Raw message input' })).toBeVisible();
  await page.getByRole('tab', { name: 'SES' }).click();
  await expect(page.getByRole('navigation', { name: 'SES pages' })).toBeVisible();
}
