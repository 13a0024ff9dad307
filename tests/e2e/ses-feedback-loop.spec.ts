import { expect, test } from '@playwright/test';
import {
  createConfigurationSet,
  createVerifiedDomain,
  field,
  letPass,
  openDeliveredInInspect,
  openSesPage,
  resetSimulator,
  sendFromCompose,
  sendSuccess,
} from './ses-support.ts';

test('a domain identity verifies once its records are published, its mail passes DKIM in Inspect, and its bounce email reads back there as a permanent bounce', async ({
  page,
}) => {
  // Making RSA keys in the page and signing on a busy machine takes a while.
  test.setTimeout(180_000);
  await page.goto('/');
  await field(page, 'From').fill('news@example.com');
  // From an empty account, not the demo one a new browser starts with.
  await resetSimulator(page, 'Empty account');
  // The sample draft names this configuration set.
  await createConfigurationSet(page, 'transactional');
  await openSesPage(page, 'Account');
  await page.getByRole('switch', { name: 'Production access' }).check();
  await createVerifiedDomain(page, 'example.com');

  await sendFromCompose(page, 'reader@example.net, bounce@simulator.amazonses.com');
  await expect(sendSuccess(page)).toBeVisible();
  await letPass(page, 'a minute');

  await openDeliveredInInspect(page, 'reader@example.net');
  const check = page.getByRole('region', { name: 'DKIM check' });
  await expect(check.getByTestId('dkim-result')).toHaveText(['dkim=pass', 'dkim=pass'], {
    timeout: 30_000,
  });
  await expect(check).toContainText('d=example.com');
  await expect(check).toContainText('d=amazonses.com');
  await expect(check.getByTestId('dkim-alignment')).toContainText('aligned');

  await openSesPage(page, 'Notifications');
  // Email feedback forwarding sent the bounce to the sender as an RFC 3464 report.
  const feedback = page.getByRole('region', { name: 'Feedback emails' });
  const row = feedback.getByRole('row', { name: /bounce/ });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('news@example.com');
  await row.getByRole('button', { name: /^Open in Inspect the bounce email/ }).click();

  await expect(page.getByRole('tab', { name: 'Inspect', exact: true })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(page.getByTestId('bounce-type')).toHaveText('Permanent');
  await expect(
    page.getByRole('cell', { name: 'bounce@simulator.amazonses.com', exact: true }),
  ).toBeVisible();
  await expect(page.getByRole('cell', { name: '5.1.1', exact: true })).toBeVisible();
});

test('Compose sends the draft as a template filled from its data, and refuses data that is not JSON', async ({
  page,
}) => {
  await page.goto('/');
  // The demo account a new browser starts with verifies the sample draft's sender.
  await field(page, 'Subject').fill('Hello {{name}}');
  await field(page, 'To').fill('success@simulator.amazonses.com');
  await page.getByRole('tab', { name: 'SES template', exact: true }).click();
  const data = page.getByRole('textbox', { name: 'Template data (JSON)' });
  const send = page.getByRole('button', { name: 'Send template with SES simulator' });
  await data.fill('{"name": "Ana",}');
  await expect(page.getByRole('alert').filter({ hasText: 'not valid JSON' })).toBeVisible();
  await expect(send).toBeDisabled();
  await data.fill('{"name": "Ana"}');
  await send.click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Sent (Template content)' }),
  ).toBeVisible();

  await openSesPage(page, 'Sending activity');
  await expect(
    page
      .getByRole('region', { name: 'Sent messages' })
      .getByRole('cell', { name: 'Hello Ana', exact: true }),
  ).toBeVisible();
});
