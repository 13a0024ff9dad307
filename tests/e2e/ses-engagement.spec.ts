import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import {
  addEventDestination,
  createConfigurationSet,
  field,
  letPass,
  openSentMessage,
  openSesPage,
  productionSender,
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

test('an outcome rule makes an ordinary recipient open the message later, and the values the simulator invents are labelled', async ({
  page,
}) => {
  await productionSender(page);
  await openSesPage(page, 'Configuration sets');
  await addEventDestination(page, 'transactional', 'engagement', {
    check: ['Open', 'Click'],
    listed: 'Open, Click',
  });

  await openSesPage(page, 'Sending activity');
  const rules = page.getByRole('region', { name: 'Outcome rules' });
  await rules.getByRole('textbox', { name: 'Pattern' }).fill('*@reader.test');
  await rules.getByRole('combobox', { name: 'Outcome' }).selectOption('Delivery');
  await rules.getByRole('textbox', { name: 'Opened after (minutes, empty: never)' }).fill('-5');
  await rules.getByRole('button', { name: 'Add rule' }).click();
  await expect(rules.getByRole('alert')).toHaveText('-5 is not a number of minutes.');
  await rules.getByRole('textbox', { name: 'Opened after (minutes, empty: never)' }).fill('30');
  await rules.getByRole('button', { name: 'Add rule' }).click();
  await expect(rules.getByRole('row', { name: /reader\.test/ })).toContainText(
    'delivery, opened 30 min after delivery',
  );

  const to = 'ann@reader.test';
  await sendFromCompose(page, to);
  await expect(sendSuccess(page)).toBeVisible();
  await letPass(page, 'a minute');
  const early = await showNotifications(page, 'Event: Open');
  await expect(early.getByText('None of this type.')).toBeVisible();

  // Thirty simulated minutes after delivery, the rule's recipient opens the message.
  await letPass(page, 'an hour');
  const opens = await showNotifications(page, 'Event: Open');
  await expect(opens.locator('summary')).toHaveCount(1);
  await expect(opens.locator('summary')).toContainText(to);
  await opens.locator('summary').click();
  await expect(opens.locator('pre')).toContainText('"eventType": "Open"');
  await expect(opens.locator('pre')).toContainText('"ipAddress": "192.0.2.1"');
  await expect(
    opens.getByText(
      /^Simulated: the ipAddress 192\.0\.2\.1 and userAgent of Open and Click events/,
    ),
  ).toBeVisible();

  const sent = await openSentMessage(page);
  await expect(sent).toContainText('tracks opens and clicks');
  await expect(sent.getByText(/^Simulated: tracked links take SES’s form/)).toBeVisible();
  await expect(sent.getByText(/^Simulated: the open pixel takes SES’s form/)).toBeVisible();
  await expect(sent.getByRole('button', { name: `Open as recipient ${to}` })).toBeVisible();

  const results = await new AxeBuilder({ page }).include('#panel-ses').analyze();
  expect(results.violations, JSON.stringify(results.violations, null, 2)).toEqual([]);
});
