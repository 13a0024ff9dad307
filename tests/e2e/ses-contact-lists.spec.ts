import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import {
  letPass,
  openSesPage,
  productionSender,
  resetSimulator,
  sendFromCompose,
  sendSuccess,
  sesSaved,
} from './ses-support.ts';

test('a contact list with topics is created, takes contacts, shows their preferences and survives a reload', async ({
  page,
}) => {
  await page.goto('/');
  await resetSimulator(page, 'Empty account');
  await openSesPage(page, 'Contact lists');
  const panel = page.getByRole('region', { name: 'Contact lists' });

  await panel.getByRole('textbox', { name: 'Contact list name' }).fill('Newsletter');
  await panel.getByRole('textbox', { name: 'Topic name 1' }).fill('Weekly');
  await panel.getByRole('textbox', { name: 'Display name 1' }).fill('Weekly news');
  await panel.getByRole('button', { name: 'Add topic' }).click();
  await panel.getByRole('textbox', { name: 'Topic name 2' }).fill('Offers');
  await panel.getByRole('combobox', { name: 'Default subscription 2' }).selectOption('OPT_OUT');
  await panel.getByRole('button', { name: 'Create contact list' }).click();
  await expect(panel.getByRole('status')).toHaveText('Contact list Newsletter was created.');
  const topics = panel.getByRole('table', { name: 'Topics' });
  await expect(topics.getByRole('row')).toHaveText([
    /Topic/,
    /Weekly\s*Weekly news\s*OPT_IN/,
    /Offers\s*Offers\s*OPT_OUT/,
  ]);

  // One contact takes the defaults, the other opts in to offers and out of the weekly news.
  const email = panel.getByRole('textbox', { name: 'Contact email address' });
  await email.fill('ann@example.net');
  await panel.getByRole('button', { name: 'Add contact' }).click();
  await expect(panel.getByRole('status')).toHaveText('ann@example.net was added to Newsletter.');
  await email.fill('bo@example.net');
  await panel.getByRole('combobox', { name: 'Weekly news preference' }).selectOption('OPT_OUT');
  await panel.getByRole('combobox', { name: 'Offers preference' }).selectOption('OPT_IN');
  await panel.getByRole('button', { name: 'Add contact' }).click();
  await expect(panel.getByRole('status')).toHaveText('bo@example.net was added to Newsletter.');

  const contacts = panel.getByRole('table', { name: 'Contacts' });
  await expect(contacts.getByRole('row', { name: /ann@example\.net/ })).toContainText(
    /Opted in \(default\)\s*Opted out \(default\)/,
  );
  await expect(contacts.getByRole('row', { name: /bo@example\.net/ })).toContainText(
    /Opted out\s*Opted in/,
  );

  // SES's limit: one list per account, so the create form is gone; a second contact of the same
  // address is refused with SES's exception.
  await expect(panel.getByRole('button', { name: 'Create contact list' })).toHaveCount(0);
  await email.fill('ann@example.net');
  await panel.getByRole('button', { name: 'Add contact' }).click();
  await expect(panel.getByRole('alert')).toContainText('already exists');

  const results = await new AxeBuilder({ page }).include('#panel-ses').analyze();
  expect(results.violations, JSON.stringify(results.violations, null, 2)).toEqual([]);

  await sesSaved(page);
  await page.reload();
  await openSesPage(page, 'Contact lists');
  await expect(
    page.getByRole('table', { name: 'Contacts' }).getByRole('row', { name: /bo@example\.net/ }),
  ).toBeVisible();
});

test('a message sent from Compose with the list header carries an unsubscribe link, and the recipient unsubscribes with one click', async ({
  page,
}) => {
  await productionSender(page);

  await openSesPage(page, 'Contact lists');
  const lists = page.getByRole('region', { name: 'Contact lists' });
  await lists.getByRole('textbox', { name: 'Contact list name' }).fill('Newsletter');
  await lists.getByRole('textbox', { name: 'Topic name 1' }).fill('Weekly');
  await lists.getByRole('button', { name: 'Create contact list' }).click();
  await expect(lists.getByRole('status')).toHaveText('Contact list Newsletter was created.');

  await page.getByRole('tab', { name: 'Compose', exact: true }).click();
  await page.getByRole('button', { name: 'Add header' }).click();
  await page
    .getByRole('combobox', { name: /^Header \d+ name$/ })
    .last()
    .fill('X-SES-LIST-MANAGEMENT-OPTIONS');
  await page
    .getByRole('textbox', { name: /^Header \d+ value$/ })
    .last()
    .fill('contactListName=Newsletter; topicName=Weekly');
  await sendFromCompose(page, 'reader@example.net');
  await expect(sendSuccess(page)).toBeVisible();
  await letPass(page, 'a minute');

  await openSesPage(page, 'Contact lists');
  const recipient = page.getByRole('region', { name: 'Unsubscribe as a recipient' });
  await expect(
    recipient.getByText(/^Simulated: SES documents no form for its unsubscribe links/),
  ).toBeVisible();
  await recipient.getByRole('button', { name: /^Unsubscribe with one click/ }).click();
  await expect(recipient.getByRole('status')).toHaveText(
    'reader@example.net unsubscribed from Newsletter.',
  );
  await expect(
    page.getByRole('table', { name: 'Contacts' }).getByRole('row', { name: /reader@example\.net/ }),
  ).toContainText('Opted out');
});
