import { expect, type Locator, type Page } from '@playwright/test';

/** A Compose text field by its exact name. */
export function field(page: Page, name: string): Locator {
  return page.getByRole('textbox', { name, exact: true });
}

/** The SES workspace's pages, by their names in the navigation rail. */
export type SesPageName =
  | 'Account'
  | 'Identities'
  | 'DNS records'
  | 'Sending activity'
  | 'Notifications'
  | 'Suppression list'
  | 'Contact lists'
  | 'Reputation'
  | 'Receiving'
  | 'Configuration sets'
  | 'Templates';

/** Open the SES tab and wait until the saved state is shown. */
export async function openSes(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'SES', exact: true }).click();
  await expect(
    page.getByRole('status').filter({ hasText: /^Saved in this browser\.$|^Saving…$/ }),
  ).toBeVisible();
}

/** Open one page of the SES workspace from its navigation rail. */
export async function openSesPage(page: Page, name: SesPageName): Promise<void> {
  await openSes(page);
  const link = page.getByRole('navigation', { name: 'SES pages' }).getByRole('button', { name });
  await link.click();
  await expect(link).toHaveAttribute('aria-current', 'page');
}

/** Wait until the SES workspace's last change is in IndexedDB (before a reload, say). */
export async function sesSaved(page: Page): Promise<void> {
  await expect(
    page.getByRole('status').filter({ hasText: 'Saved in this browser.' }),
  ).toBeVisible();
}

/** Start the simulator again from the Reset simulator dialog. */
export async function resetSimulator(
  page: Page,
  choice: 'Empty account' | 'Demo account',
): Promise<void> {
  await openSes(page);
  await page.getByRole('button', { name: 'Reset simulator' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reset simulator' });
  await dialog.getByRole('button', { name: choice }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: choice === 'Demo account' ? 'The demo account' : 'A new, empty account' }),
  ).toBeVisible();
}

/** Verify an identity in the SES workspace. */
export async function verifyIdentity(page: Page, identity: string): Promise<void> {
  await openSesPage(page, 'Identities');
  const identities = page.getByRole('region', { name: 'Identities' });
  await identities.getByRole('textbox', { name: 'Email address or domain' }).fill(identity);
  await identities.getByRole('button', { name: 'Verify identity' }).click();
  await expect(identities.getByRole('rowheader', { name: identity, exact: true })).toBeVisible();
}

/**
 * Start from an empty production account that can send Compose's sample draft from
 * news@example.com: its configuration set made and example.com verified.
 */
export async function productionSender(page: Page): Promise<void> {
  await page.goto('/');
  await field(page, 'From').fill('news@example.com');
  await resetSimulator(page, 'Empty account');
  // The sample draft names this configuration set.
  await createConfigurationSet(page, 'transactional');
  await verifyIdentity(page, 'example.com');
  await openSesPage(page, 'Account');
  await page.getByRole('switch', { name: 'Production access' }).check();
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
  await page.getByRole('tab', { name: 'Compose', exact: true }).click();
  await field(page, 'To').fill(to);
  await page.getByRole('button', { name: 'Send with SES simulator' }).click();
}

/** Choose a type in the Notifications filter and return the region. */
export async function showNotifications(page: Page, type: string): Promise<Locator> {
  await openSesPage(page, 'Notifications');
  const region = page.getByRole('region', { name: 'Notifications' });
  await region.getByRole('combobox', { name: 'Filter by type' }).selectOption({ label: type });
  return region;
}

/** Create a configuration set (the sample draft names `transactional` in X-SES-CONFIGURATION-SET). */
export async function createConfigurationSet(page: Page, name: string): Promise<void> {
  await openSesPage(page, 'Configuration sets');
  const sets = page.getByRole('region', { name: 'Configuration sets' });
  await sets.getByRole('textbox', { name: 'Configuration set name' }).fill(name);
  await sets.getByRole('button', { name: 'Create configuration set' }).click();
  await expect(sets.getByText(`Configuration set ${name} created.`)).toBeVisible();
}

/**
 * Add an event destination to a configuration set in the page, ticking and unticking event types
 * from the form's defaults, and wait until it is listed with the types it publishes.
 */
export async function addEventDestination(
  page: Page,
  set: string,
  destination: string,
  types: { check?: string[]; uncheck?: string[]; listed: string },
): Promise<Locator> {
  const sets = page.getByRole('region', { name: 'Configuration sets' });
  await sets.locator('summary').filter({ hasText: set }).click();
  await sets.getByRole('textbox', { name: 'Destination name' }).fill(destination);
  for (const type of types.check ?? []) await sets.getByRole('checkbox', { name: type }).check();
  for (const type of types.uncheck ?? []) {
    await sets.getByRole('checkbox', { name: type }).uncheck();
  }
  await sets.getByRole('button', { name: `Add event destination to ${set}` }).click();
  await expect(sets.getByRole('listitem').filter({ hasText: destination })).toContainText(
    types.listed,
  );
  return sets;
}

/**
 * Create a domain identity in the page, publish the three Easy DKIM CNAMEs SES asks for on the
 * DNS records page, and let simulated time pass until the identity verifies.
 */
export async function createVerifiedDomain(page: Page, domain: string): Promise<void> {
  await openSesPage(page, 'Identities');
  const identities = page.getByRole('region', { name: 'Identity verification' });
  await identities.getByRole('textbox', { name: 'Domain or email address' }).fill(domain);
  await identities.getByRole('button', { name: 'Create identity' }).click();
  const row = identities.getByRole('row', { name: new RegExp(domain.replaceAll('.', '\\.')) });
  // Making RSA keys in the page takes a while on a busy machine.
  await expect(row.getByTestId('identity-status')).toHaveText('PENDING', { timeout: 90_000 });

  await openSesPage(page, 'DNS records');
  const dns = page.getByRole('region', { name: 'DNS records' });
  const toPublish = dns.getByRole('table', { name: 'Records to publish' });
  await expect(toPublish.getByRole('row')).toHaveCount(4);
  for (let published = 0; published < 3; published++) {
    await toPublish
      .getByRole('button', { name: /^Publish CNAME/ })
      .first()
      .click();
    await expect(toPublish.getByText('Published', { exact: true })).toHaveCount(published + 1);
  }
  await expect(dns.getByRole('table', { name: 'Published records' }).getByRole('row')).toHaveCount(
    4,
  );
  await openSesPage(page, 'Identities');
  await expect(row.getByTestId('identity-status')).toHaveText('PENDING');
  await letPass(page, 'an hour');
  await expect(row.getByTestId('identity-status')).toHaveText('SUCCESS');
}

/** Open the newest sent message's details on the Sending activity page; gives the region. */
export async function openSentMessage(page: Page): Promise<Locator> {
  await openSesPage(page, 'Sending activity');
  const sent = page.getByRole('region', { name: 'Sent messages' });
  await sent
    .getByRole('button', { name: /^Details/ })
    .first()
    .click();
  return sent;
}

/** Open a sent message's details on the Sending activity page, and the copy `recipient` received in Inspect. */
export async function openDeliveredInInspect(page: Page, recipient: string): Promise<void> {
  const sent = await openSentMessage(page);
  await sent.getByRole('button', { name: `Open in Inspect as ${recipient} received it` }).click();
}
