import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import {
  createConfigurationSet,
  field,
  letPass,
  openSesPage,
  resetSimulator,
  sendError,
  sesSaved,
  sendFromCompose,
  sendSuccess,
  showNotifications,
  verifyIdentity,
} from './ses-support.ts';

const SIMULATOR = 'simulator.amazonses.com';

/**
 * Open the app on an empty SES account, with the sample draft sent from sender@example.com
 * through its configuration set.
 */
async function start(page: Page, from = 'Sender <sender@example.com>') {
  await page.goto('/');
  await expect(field(page, 'From')).toBeVisible();
  await field(page, 'From').fill(from);
  await resetSimulator(page, 'Empty account');
  await createConfigurationSet(page, 'transactional');
}

test('an unknown configuration set, then an unverified sender, are refused in SES’s words', async ({
  page,
}) => {
  await page.goto('/');
  await resetSimulator(page, 'Empty account');
  await page.getByRole('tab', { name: 'Compose', exact: true }).click();
  await field(page, 'From').fill('Sender <sender@example.com>');
  await sendFromCompose(page, `success@${SIMULATOR}`);
  await expect(sendError(page)).toHaveText(
    'NotFoundException (v1 ConfigurationSetDoesNotExist): Configuration set <transactional> does not exist.',
  );
  await createConfigurationSet(page, 'transactional');
  await sendFromCompose(page, `success@${SIMULATOR}`);
  await expect(sendError(page)).toHaveText(
    'MessageRejected: Email address is not verified. The following identities failed the check in region US-EAST-1: Sender <sender@example.com>',
  );
});

test('each mailbox simulator address produces the notifications SES sends', async ({ page }) => {
  await start(page);
  await verifyIdentity(page, 'sender@example.com');
  for (const local of ['success', 'bounce', 'ooto', 'complaint', 'suppressionlist']) {
    await sendFromCompose(page, `${local}@${SIMULATOR}`);
    await expect(sendSuccess(page)).toContainText(/MessageId \S+-000000/);
    // The sandbox sends one recipient per second: let time pass before the next.
    await letPass(page, 'a minute');
  }

  await openSesPage(page, 'Sending activity');
  const sent = page.getByRole('region', { name: 'Sent messages' });
  // One row per recipient, one recipient per message.
  await expect(sent.locator('tbody tr')).toHaveCount(5);

  const bounces = await showNotifications(page, 'SNS notification: Bounce');
  await expect(bounces.getByText('3 of', { exact: false })).toBeVisible();
  const summaries = bounces.locator('summary');
  await expect(summaries.filter({ hasText: `bounce@${SIMULATOR}` })).toContainText(
    'Permanent/General',
  );
  await expect(summaries.filter({ hasText: `suppressionlist@${SIMULATOR}` })).toContainText(
    'Permanent/Suppressed',
  );
  await expect(summaries.filter({ hasText: `ooto@${SIMULATOR}` })).toContainText(
    'Transient/General',
  );

  const complaints = await showNotifications(page, 'SNS notification: Complaint');
  await expect(complaints.locator('summary')).toHaveCount(1);
  await expect(complaints.locator('summary')).toContainText(`complaint@${SIMULATOR}`);
  await complaints.locator('summary').click();
  const json = complaints.locator('pre');
  await expect(json).toContainText('"notificationType": "Complaint"');
  await expect(json).toContainText('"complaintFeedbackType": "abuse"');

  const deliveries = await showNotifications(page, 'SNS notification: Delivery');
  await expect(deliveries.locator('summary')).toHaveCount(3);
  for (const local of ['success', 'ooto', 'complaint']) {
    await expect(
      deliveries.locator('summary').filter({ hasText: `${local}@${SIMULATOR}` }),
    ).toHaveCount(1);
  }

  // The mailbox simulator counts toward neither the 24-hour quota nor the reputation.
  await openSesPage(page, 'Account');
  const account = page.getByRole('region', { name: 'Account and quotas' });
  await expect(account.getByRole('definition').nth(2)).toHaveText('0');
  await openSesPage(page, 'Reputation');
  await expect(page.getByRole('region', { name: 'Reputation' })).toContainText(
    'Counted recipients 0',
  );

  // A message's timeline lists its events in order.
  await openSesPage(page, 'Sending activity');
  await sent
    .getByRole('button', { name: new RegExp(`^Details of .* to complaint@${SIMULATOR}$`) })
    .click();
  const timeline = sent
    .getByRole('heading', { name: 'Timeline' })
    .locator('xpath=following-sibling::ol[1]');
  await expect(timeline.locator(':scope > li')).toHaveText([/Delivery/, /Complaint/]);
});

test('a suppressed address bounces, and everything is still there after a reload', async ({
  page,
}) => {
  await start(page);
  await verifyIdentity(page, 'example.com');
  await openSesPage(page, 'Suppression list');
  const list = page.getByRole('region', { name: 'Suppression list' });
  await list.getByRole('textbox', { name: 'Email address to suppress' }).fill('gone@example.com');
  await list.getByRole('combobox', { name: 'Reason' }).selectOption('BOUNCE');
  await list.getByRole('button', { name: 'Add to suppression list' }).click();
  await expect(list.getByRole('row', { name: /gone@example\.com BOUNCE/ })).toBeVisible();
  // The list can be shown for one reason at a time (ListSuppressedDestinations' Reasons filter).
  const shown = list.getByRole('combobox', { name: 'Show addresses listed for' });
  await shown.selectOption('COMPLAINT');
  await expect(list.getByText('No suppressed addresses for COMPLAINT.')).toBeVisible();
  await shown.selectOption('BOUNCE');
  await expect(list.getByRole('row', { name: /gone@example\.com BOUNCE/ })).toBeVisible();
  await expect(list.getByText('1–1 of 1')).toBeVisible();

  await sendFromCompose(page, 'gone@example.com');
  await expect(sendSuccess(page)).toBeVisible();
  await page.getByRole('button', { name: 'See its notifications' }).click();
  await expect(page.getByRole('tab', { name: 'SES', exact: true })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await letPass(page, 'a minute');
  const bounces = await showNotifications(page, 'SNS notification: Bounce');
  const bounce = bounces.locator('summary').filter({ hasText: 'gone@example.com' });
  await expect(bounce).toContainText('Permanent/OnAccountSuppressionList');
  await bounce.click();
  await expect(bounces.locator('pre')).toContainText(
    '"diagnosticCode": "Amazon SES did not send the message to this address because it is on the suppression list for your account.',
  );

  await sesSaved(page);
  await page.reload();
  await openSesPage(page, 'Identities');
  await expect(
    page
      .getByRole('region', { name: 'Identities' })
      .getByRole('rowheader', { name: 'example.com' }),
  ).toBeVisible();
  await openSesPage(page, 'Suppression list');
  await expect(
    page
      .getByRole('region', { name: 'Suppression list' })
      .getByRole('row', { name: /gone@example\.com BOUNCE/ }),
  ).toBeVisible();
  const again = await showNotifications(page, 'SNS notification: Bounce');
  await expect(again.locator('summary').filter({ hasText: 'gone@example.com' })).toHaveCount(1);
  await openSesPage(page, 'Sending activity');
  await expect(page.getByRole('region', { name: 'Sent messages' }).locator('tbody tr')).toHaveCount(
    1,
  );
  await expect(page.getByRole('group', { name: 'Simulated time' })).toContainText(
    '1 min ahead of the clock',
  );

  // Removing the address lets mail through again.
  await openSesPage(page, 'Suppression list');
  await page
    .getByRole('region', { name: 'Suppression list' })
    .getByRole('button', { name: 'Remove gone@example.com' })
    .click();
  await expect(page.getByRole('region', { name: 'Suppression list' })).toContainText(
    'No suppressed addresses.',
  );
  await sendFromCompose(page, 'gone@example.com');
  await expect(sendSuccess(page)).toBeVisible();
  await letPass(page, 'a minute');
  const deliveries = await showNotifications(page, 'SNS notification: Delivery');
  await expect(deliveries.locator('summary').filter({ hasText: 'gone@example.com' })).toHaveCount(
    1,
  );

  // An address suppressed for a complaint is reported as a complaint, not a bounce, as the
  // panel says.
  await openSesPage(page, 'Suppression list');
  await list.getByRole('button', { name: 'About Suppression list' }).click();
  await expect(list).toContainText(
    'one listed for COMPLAINT as a Complaint (complaintSubType OnAccountSuppressionList)',
  );
  await list.getByRole('textbox', { name: 'Email address to suppress' }).fill('angry@example.com');
  await list.getByRole('combobox', { name: 'Reason' }).selectOption('COMPLAINT');
  await list.getByRole('button', { name: 'Add to suppression list' }).click();
  await sendFromCompose(page, 'angry@example.com');
  await expect(sendSuccess(page)).toBeVisible();
  await letPass(page, 'a minute');
  const complaints = await showNotifications(page, 'SNS notification: Complaint');
  await expect(complaints.locator('summary')).toHaveText([
    /OnAccountSuppressionList\s+angry@example\.com/,
  ]);
});

test('the sandbox quotas throttle: rate first, then the 24-hour quota', async ({ page }) => {
  await start(page);
  await verifyIdentity(page, 'example.com');
  const fifty = Array.from({ length: 50 }, (_, i) => `reader${i}@example.com`).join(', ');
  // One call may overdraw the one-per-second bucket; the next fails until it has refilled.
  await sendFromCompose(page, fifty);
  await expect(sendSuccess(page)).toBeVisible();
  await sendFromCompose(page, 'reader0@example.com');
  await expect(sendError(page)).toHaveText(
    'TooManyRequestsException (v1 Throttling): Maximum sending rate exceeded.',
  );
  for (let batch = 1; batch < 4; batch++) {
    await letPass(page, 'a minute');
    await sendFromCompose(page, fifty);
    await expect(sendSuccess(page)).toBeVisible();
  }
  await letPass(page, 'a minute');
  await openSesPage(page, 'Account');
  const account = page.getByRole('region', { name: 'Account and quotas' });
  await expect(account.getByRole('definition').nth(2)).toHaveText('200');
  await sendFromCompose(page, 'reader0@example.com');
  await expect(sendError(page)).toHaveText(
    'TooManyRequestsException (v1 Throttling): Daily message quota exceeded.',
  );
  await expect(page.getByText(/^Simulated: .*daily quota/)).toBeVisible();
  // A day later the window has moved on.
  await letPass(page, 'a day');
  await openSesPage(page, 'Account');
  await expect(account.getByRole('definition').nth(2)).toHaveText('0');
  await sendFromCompose(page, 'reader0@example.com');
  await expect(sendSuccess(page)).toBeVisible();
});

test('the SES workspace passes an axe scan with content in it', async ({ page }) => {
  await start(page);
  await verifyIdentity(page, 'sender@example.com');
  await sendFromCompose(page, `bounce@${SIMULATOR}`);
  await expect(sendSuccess(page)).toBeVisible();
  await letPass(page, 'a minute');
  const region = await showNotifications(page, 'All types');
  await region.locator('summary').first().click();
  await openSesPage(page, 'Sending activity');
  await page
    .getByRole('region', { name: 'Sent messages' })
    .getByRole('button', { name: /^Details of / })
    .first()
    .click();
  await page.getByRole('region', { name: 'Sent messages' }).locator('summary').first().click();
  const results = await new AxeBuilder({ page }).include('#panel-ses').analyze();
  expect(results.violations, JSON.stringify(results.violations, null, 2)).toEqual([]);
});
