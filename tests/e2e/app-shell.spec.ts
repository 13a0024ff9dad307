import { expect, test } from './fixtures.ts';

test('the app opens on Compose and switches between its three workspaces', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('Mailwright');
  const compose = page.getByRole('tab', { name: 'Compose' });
  const inspect = page.getByRole('tab', { name: 'Inspect' });
  const ses = page.getByRole('tab', { name: 'SES', exact: true });
  await expect(compose).toHaveAttribute('aria-selected', 'true');
  await inspect.click();
  await expect(inspect).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Inspect' })).toBeVisible();
  await ses.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(inspect).toBeFocused();
  await page.keyboard.press('Home');
  await expect(compose).toHaveAttribute('aria-selected', 'true');
});
