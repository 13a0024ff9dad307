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
  await createVerifiedDomain(page, 'example.com');

  await sendFromCompose(page, 'reader@example.net');
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
});
