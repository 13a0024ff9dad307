import { expect, type Locator, type Page } from '@playwright/test';

/** A Compose text field by its exact name. */
export function field(page: Page, name: string): Locator {
  return page.getByRole('textbox', { name, exact: true });
}

/** Open the SES tab and wait until the saved state is shown. */
export async function openSes(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'SES', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Identities' })).toBeVisible();
}

/** Verify an identity in the SES workspace. */
export async function verifyIdentity(page: Page, identity: string): Promise<void> {
  await openSes(page);
  const identities = page.getByRole('region', { name: 'Identities' });
  await identities.getByRole('textbox', { name: 'Email address or domain' }).fill(identity);
  await identities.getByRole('button', { name: 'Verify identity' }).click();
  await expect(identities.getByRole('rowheader', { name: identity, exact: true })).toBeVisible();
}

/** Let simulated time pass with the workspace's controls. */
export async function letPass(page: Page, step: 'a minute' | 'an hour' | 'a day'): Promise<void> {
  await openSes(page);
  await page.getByRole('button', { name: `Let ${step} pass` }).click();
}

/** The send result shown beside the button: SES's MessageId, or its error. */
export function sendSuccess(page: Page): Locator {
  return page.getByRole('status').filter({ hasText: 'MessageId' });
}

/** See `sendSuccess`. */
export function sendError(page: Page): Locator {
  return page.getByRole('alert').filter({ hasText: /Exception|MessageRejected/ });
}

/** Address the Compose draft to `to` and press Send with SES simulator. */
export async function sendFromCompose(page: Page, to: string): Promise<void> {
  await page.getByRole('tab', { name: 'Compose' }).click();
  await field(page, 'To').fill(to);
  await page.getByRole('button', { name: 'Send with SES simulator' }).click();
}

/** Choose a type in the Notifications filter and return the region. */
export async function showNotifications(page: Page, type: string): Promise<Locator> {
  await openSes(page);
  const region = page.getByRole('region', { name: 'Notifications' });
  await region.getByRole('combobox', { name: 'Filter by type' }).selectOption({ label: type });
  return region;
}

/** Create a configuration set (the sample draft names `transactional` in X-SES-CONFIGURATION-SET). */
export async function createConfigurationSet(page: Page, name: string): Promise<void> {
  await openSes(page);
  const sets = page.getByRole('region', { name: 'Configuration sets' });
  await sets.getByRole('textbox', { name: 'Configuration set name' }).fill(name);
  await sets.getByRole('button', { name: 'Create configuration set' }).click();
  await expect(sets.getByText(`Configuration set ${name} created.`)).toBeVisible();
}
