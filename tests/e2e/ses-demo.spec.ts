import { expect, test, type Page } from '@playwright/test';
import {
  field,
  letPass,
  openSesPage,
  resetSimulator,
  sendError,
  sendSuccess,
} from './ses-support.ts';

const SIMULATOR = 'simulator.amazonses.com';

/** Compose's pre-flight, in its Diagnostics tab (opened the first time it is asked for). */
function preflight(page: Page) {
  return page.getByRole('region', { name: 'SES pre-flight' });
}

async function openPreflight(page: Page) {
  await page.getByRole('tab', { name: 'Compose', exact: true }).click();
  await page.getByRole('tab', { name: 'Diagnostics', exact: true }).click();
  await expect(preflight(page)).toBeVisible();
}

async function send(page: Page) {
  await page.getByRole('tab', { name: 'Compose', exact: true }).click();
  await page.getByRole('button', { name: 'Send with SES simulator' }).click();
}

test('on a fresh profile the sample draft’s first Send is accepted', async ({ page }) => {
  await page.goto('/');
  await expect(field(page, 'From')).toHaveValue('Tea & Mugs Shop <orders@shop.example.com>');
  await openPreflight(page);
  await expect(preflight(page)).toContainText('The simulator would accept this send.');
  await send(page);
  await expect(sendSuccess(page)).toContainText(/MessageId \S+-000000/);

  await letPass(page, 'a minute');
  await openSesPage(page, 'Sending activity');
  const row = page
    .getByRole('region', { name: 'Sent messages' })
    .getByRole('row')
    .filter({ hasText: 'ana@example.net' });
  await expect(row).toHaveCount(1);
  await expect(row.locator('.pill')).toHaveText(['delivered']);
  await expect(row.locator('.pill')).toHaveClass(/pill-ok/);
});

test('Reset simulator starts an empty account, then the demo account again', async ({ page }) => {
  await page.goto('/');
  await resetSimulator(page, 'Empty account');
  await openSesPage(page, 'Identities');
  await expect(page.getByRole('region', { name: 'Identities' })).toContainText(
    'No verified identities yet.',
  );

  await openPreflight(page);
  const findings = preflight(page)
    .getByRole('listitem')
    .filter({ has: page.locator('code') });
  await expect(findings).toHaveText([
    /Configuration set <transactional> does not exist\./,
    /The following identities failed the check in region US-EAST-1: Tea & Mugs Shop <orders@shop\.example\.com>/,
    /The following identities failed the check in region US-EAST-1: Ana Silva <ana@example\.net>/,
  ]);
  await send(page);
  await expect(sendError(page)).toHaveText(
    'NotFoundException (v1 ConfigurationSetDoesNotExist): Configuration set <transactional> does not exist.',
  );

  await resetSimulator(page, 'Demo account');
  await openSesPage(page, 'Identities');
  await expect(page.getByRole('region', { name: 'Identities' }).getByRole('rowheader')).toHaveText([
    'shop.example.com',
    'ana@example.net',
  ]);
  await openSesPage(page, 'Configuration sets');
  await expect(page.getByRole('region', { name: 'Configuration sets' })).toContainText(
    'transactional',
  );
  await openPreflight(page);
  await expect(preflight(page)).toContainText('The simulator would accept this send.');
  await send(page);
  await expect(sendSuccess(page)).toBeVisible();
});

test('pre-flight names an unverified sender; its one-click fix lets Send through', async ({
  page,
}) => {
  await page.goto('/');
  await field(page, 'From').fill('Deals <deals@elsewhere.test>');
  await openPreflight(page);
  const finding = preflight(page).getByRole('listitem').filter({ hasText: 'deals@elsewhere.test' });
  await expect(finding).toContainText(
    'MessageRejected Email address is not verified. The following identities failed the check in region US-EAST-1: Deals <deals@elsewhere.test>',
  );
  await finding.getByRole('button', { name: 'Verify elsewhere.test in the simulator' }).click();
  await expect(preflight(page)).toContainText('The simulator would accept this send.');
  await send(page);
  await expect(sendSuccess(page)).toBeVisible();
  await openSesPage(page, 'Identities');
  await expect(
    page
      .getByRole('region', { name: 'Identities' })
      .getByRole('rowheader', { name: 'elsewhere.test', exact: true }),
  ).toBeVisible();
});

test('an unverified sandbox recipient is swapped for a mailbox simulator address from the picker', async ({
  page,
}) => {
  await page.goto('/');
  await field(page, 'To').fill('Ana Silva <ana@example.net>, Bo <bo@far.test>');
  await openPreflight(page);
  const finding = preflight(page).getByRole('listitem').filter({ hasText: 'bo@far.test' });
  await expect(finding).toContainText('failed the check in region US-EAST-1: Bo <bo@far.test>');
  await finding
    .getByRole('button', { name: 'Use a mailbox simulator address instead of bo@far.test' })
    .click();
  const choices = finding.getByRole('list', { name: 'Mailbox simulator addresses' });
  await expect(choices.getByRole('button')).toHaveText(
    ['success', 'bounce', 'ooto', 'complaint', 'suppressionlist'].map((l) => `${l}@${SIMULATOR}`),
  );
  await expect(choices.getByRole('listitem').nth(3)).toContainText('Complaint');
  await choices.getByRole('button', { name: `complaint@${SIMULATOR}` }).click();
  await expect(field(page, 'To')).toHaveValue(
    `Ana Silva <ana@example.net>, complaint@${SIMULATOR}`,
  );
  await expect(preflight(page)).toContainText('The simulator would accept this send.');
  await send(page);
  await expect(sendSuccess(page)).toBeVisible();
});
