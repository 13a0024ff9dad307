import { expect, test } from '@playwright/test';
import {
  createConfigurationSet,
  field,
  letPass,
  openSesPage,
  resetSimulator,
  sendFromCompose,
  sendSuccess,
} from './ses-support.ts';

test('a domain identity verifies once its records are published, and its mail passes DKIM in Inspect', async ({
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
  await openSesPage(page, 'Identities');

  const identities = page.getByRole('region', { name: 'Identity verification' });
  await identities.getByRole('textbox', { name: 'Domain or email address' }).fill('example.com');
  await identities.getByRole('button', { name: 'Create identity' }).click();
  const row = identities.getByRole('row', { name: /example\.com/ });
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

  await sendFromCompose(page, 'reader@example.net');
  await expect(sendSuccess(page)).toBeVisible();
  await letPass(page, 'a minute');
  await openSesPage(page, 'Sending activity');
  const sent = page.getByRole('region', { name: 'Sent messages' });
  await sent
    .getByRole('button', { name: /^Details/ })
    .first()
    .click();
  await sent
    .getByRole('button', { name: 'Open in Inspect as reader@example.net received it' })
    .click();

  const check = page.getByRole('region', { name: 'DKIM check' });
  await expect(check.getByTestId('dkim-result')).toHaveText(['dkim=pass', 'dkim=pass'], {
    timeout: 30_000,
  });
  await expect(check).toContainText('d=example.com');
  await expect(check).toContainText('d=amazonses.com');
  await expect(check.getByTestId('dkim-alignment')).toContainText('aligned');
});
