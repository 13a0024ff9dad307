import { expect, test } from '@playwright/test';
import {
  addEventDestination,
  createConfigurationSet,
  field,
  letPass,
  openSentMessage,
  resetSimulator,
  sendFromCompose,
  sendSuccess,
  showNotifications,
  verifyIdentity,
} from './ses-support.ts';

test('a recipient of a tracked message clicks a link and the Click event is published', async ({
  page,
}) => {
  await page.goto('/');
  await field(page, 'From').fill('sender@example.com');
  await resetSimulator(page, 'Empty account');
  await verifyIdentity(page, 'sender@example.com');
  // The sample draft names the `transactional` set; it tracks clicks and opens.
  await createConfigurationSet(page, 'transactional');
  await addEventDestination(page, 'transactional', 'engagement', {
    check: ['Open', 'Click'],
    listed: 'Open, Click',
  });

  const to = 'success@simulator.amazonses.com';
  await sendFromCompose(page, to);
  await expect(sendSuccess(page)).toBeVisible();
  await letPass(page, 'a minute');

  const sent = await openSentMessage(page);
  await expect(sent).toContainText('tracks opens and clicks');
  await sent
    .getByRole('button', { name: `Click https://shop.example.com/orders/1042 as ${to}` })
    .click();
  await expect(sent.getByText(`${to} clicked https://shop.example.com/orders/1042`)).toBeVisible();

  const clicks = await showNotifications(page, 'Event: Click');
  await expect(clicks.locator('summary')).toHaveCount(1);
  await expect(clicks.locator('summary')).toContainText('transactional → engagement');
  await clicks.locator('summary').click();
  await expect(clicks.locator('pre')).toContainText('"eventType": "Click"');
  await expect(clicks.locator('pre')).toContainText(
    '"link": "https://shop.example.com/orders/1042"',
  );
});
