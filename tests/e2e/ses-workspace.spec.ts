import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import {
  addEventDestination,
  createConfigurationSet,
  field,
  letPass,
  openSesPage,
  productionSender,
  resetSimulator,
  sendFromCompose,
  sesSaved,
  sendSuccess,
  showNotifications,
  verifyIdentity,
} from './ses-support.ts';

test('outcome rules decide ordinary recipients; bounces and complaints move the reputation', async ({
  page,
}) => {
  await productionSender(page);
  await expect(page.getByRole('region', { name: 'Account and quotas' })).toContainText(
    'Production · Enforcement status HEALTHY',
  );

  await openSesPage(page, 'Sending activity');
  const rules = page.getByRole('region', { name: 'Outcome rules' });
  await rules.getByRole('textbox', { name: 'Pattern' }).fill('*@gone.test');
  await rules.getByRole('combobox', { name: 'Outcome' }).selectOption('Hard bounce');
  await rules.getByRole('textbox', { name: 'Status' }).fill('5.1.1');
  await rules.getByRole('combobox', { name: 'Bounce subtype' }).selectOption('NoEmail');
  await rules.getByRole('button', { name: 'Add rule' }).click();
  await rules.getByRole('textbox', { name: 'Pattern' }).fill('*@angry.test');
  await rules.getByRole('combobox', { name: 'Outcome' }).selectOption('Complaint after delivery');
  await rules.getByRole('textbox', { name: 'Minutes after delivery' }).fill('30');
  await rules.getByRole('button', { name: 'Add rule' }).click();
  await expect(rules.getByRole('row')).toHaveText([
    /Pattern/,
    /\*@gone\.test\s*hard bounce 5\.1\.1 \(NoEmail\)/,
    /\*@angry\.test\s*complaint \(abuse\) 30 min after delivery/,
  ]);

  for (const to of ['reader@gone.test', 'reader@angry.test', 'one@fine.test', 'two@fine.test']) {
    await sendFromCompose(page, to);
    await expect(sendSuccess(page)).toBeVisible();
    await letPass(page, 'a minute');
  }
  await letPass(page, 'an hour');

  const bounces = await showNotifications(page, 'SNS notification: Bounce');
  await expect(bounces.locator('summary')).toHaveText([/Permanent\/NoEmail\s+reader@gone\.test/]);
  const complaints = await showNotifications(page, 'SNS notification: Complaint');
  await expect(complaints.locator('summary')).toHaveText([/reader@angry\.test/]);

  // Both addresses went onto the account's suppression list, for their reasons.
  await openSesPage(page, 'Suppression list');
  const list = page.getByRole('region', { name: 'Suppression list' });
  await expect(list.getByRole('row', { name: /reader@gone\.test BOUNCE/ })).toBeVisible();
  await expect(list.getByRole('row', { name: /reader@angry\.test COMPLAINT/ })).toBeVisible();

  // 1 bounce and 1 complaint in 4 counted recipients: rates of 25%, but too few recipients for
  // them to count toward review or pause (the simulator's minimum volume, labelled as such).
  await openSesPage(page, 'Reputation');
  const reputation = page.getByRole('region', { name: 'Reputation' });
  await expect(reputation).toContainText(
    /Bounce rate\s*25\.0% \(1\),\s*not rated yet \(simulated\)/,
  );
  await expect(reputation).toContainText(
    /Complaint rate\s*25\.0% \(1\),\s*not rated yet \(simulated\)/,
  );
  await expect(reputation).toContainText(/EnforcementStatus\s*HEALTHY/);
  await reputation.getByRole('button', { name: 'About Reputation' }).click();
  await expect(
    reputation.getByText(
      'only once 100 counted recipients were sent (simulated: SES does not publish this rule)',
    ),
  ).toBeVisible();
  await expect(
    reputation.getByRole('img', { name: /^Bounce rate over simulated time: now 25\.0%/ }),
  ).toBeVisible();
  await expect(
    reputation.getByRole('img', {
      name: 'Complaint rate over simulated time: now 25.0%, highest 25.0%; review threshold 0.10%, pause threshold 0.50%.',
    }),
  ).toBeVisible();
});

test('receiving: a receipt rule stores a pasted message and publishes its Received notification', async ({
  page,
}) => {
  await page.goto('/');
  await resetSimulator(page, 'Empty account');
  await verifyIdentity(page, 'example.com');
  await openSesPage(page, 'Receiving');
  const inbound = page.getByRole('region', { name: 'Receiving' });
  await inbound.getByRole('textbox', { name: 'Rule set name' }).fill('default-rule-set');
  await inbound.getByRole('button', { name: 'Create rule set' }).click();
  await expect(inbound.getByRole('combobox', { name: 'Active rule set' })).toHaveValue(
    'default-rule-set',
  );
  await inbound.getByRole('textbox', { name: 'Rule name' }).fill('support');
  await inbound
    .getByRole('textbox', { name: 'Recipient conditions (empty: every verified domain)' })
    .fill('support@example.com');
  await inbound.getByRole('button', { name: 'Add receipt rule' }).click();
  await expect(inbound.getByRole('listitem').filter({ hasText: 'support:' })).toContainText(
    'support@example.com → S3 → inbound-mail; SNS → arn:aws:sns:us-east-1:123456789012:inbound',
  );

  const message = [
    'From: Customer <customer@elsewhere.test>',
    'To: support+orders@example.com',
    'Subject: Where is my order?',
    'Message-ID: <q1@elsewhere.test>',
    'Date: Fri, 27 Nov 2026 10:00:00 +0000',
    '',
    'It has not arrived.',
  ].join('\n');
  await inbound.getByRole('textbox', { name: 'Inbound message (raw)' }).fill(message);
  await inbound.getByRole('button', { name: 'Receive message' }).click();
  await expect(inbound.getByRole('status').filter({ hasText: 'Received' })).toContainText(
    'accepted, 250 Ok',
  );
  const received = inbound
    .getByRole('listitem')
    .filter({ hasText: 'from customer@elsewhere.test' });
  await received.locator('summary').first().click();
  await expect(received).toContainText('stored in s3://inbound-mail/');
  const json = received.locator('pre').first();
  await expect(json).toContainText('"notificationType": "Received"');
  await expect(json).toContainText('"spamVerdict": {');
  await expect(json).toContainText('"content": "');

  // Mail no rule matches is rejected during the SMTP conversation.
  await inbound
    .getByRole('textbox', { name: 'Inbound message (raw)' })
    .fill(message.replace('support+orders@', 'sales@'));
  await inbound.getByRole('button', { name: 'Receive message' }).click();
  await expect(inbound.getByRole('status').filter({ hasText: 'Received' })).toContainText(
    'rejected, 550 5.1.1',
  );

  // Mail sent to the verified domain comes back in through the same rules.
  await createConfigurationSet(page, 'transactional');
  await page.getByRole('tab', { name: 'Compose', exact: true }).click();
  await field(page, 'From').fill('shop@example.com');
  await sendFromCompose(page, 'support@example.com');
  await expect(sendSuccess(page)).toBeVisible();
  await letPass(page, 'a minute');
  await openSesPage(page, 'Receiving');
  // Its envelope sender is SES's own MAIL FROM, as on the wire.
  await expect(
    inbound.getByRole('listitem').filter({ hasText: /amazonses\.com to support@example\.com/ }),
  ).toContainText('accepted');

  const results = await new AxeBuilder({ page }).include('#panel-ses').analyze();
  expect(results.violations, JSON.stringify(results.violations, null, 2)).toEqual([]);
});

test('the whole SES state goes out as a JSON file and comes back in', async ({ page }) => {
  await page.goto('/');
  await resetSimulator(page, 'Empty account');
  await verifyIdentity(page, 'exported@example.com');
  await createConfigurationSet(page, 'kept-set');
  await openSesPage(page, 'Account');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export SES state' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('mailwright-ses-state.json');
  const path = await download.path();
  const state = JSON.parse(readFileSync(path, 'utf8')) as {
    format: string;
    identities: Array<{ identity: string }>;
  };
  expect(state.format).toBe('mailwright-ses-simulator');
  expect(state.identities.map((i) => i.identity)).toEqual(['exported@example.com']);

  await resetSimulator(page, 'Empty account');
  await openSesPage(page, 'Identities');
  const identities = page.getByRole('region', { name: 'Identities' });
  await expect(identities).toContainText('No verified identities yet.');

  await openSesPage(page, 'Account');
  await page.getByLabel('Import SES state').setInputFiles({
    name: 'not-a-state.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"something else"}'),
  });
  await expect(page.getByRole('alert').filter({ hasText: 'not-a-state.json' })).toHaveText(
    'not-a-state.json could not be imported: This is not a saved SES simulator state.',
  );
  await page.getByLabel('Import SES state').setInputFiles(path);
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toBeVisible();
  await openSesPage(page, 'Identities');
  await expect(identities.getByRole('rowheader', { name: 'exported@example.com' })).toBeVisible();
  await sesSaved(page);
  await page.reload();
  await openSesPage(page, 'Identities');
  await expect(identities.getByRole('rowheader', { name: 'exported@example.com' })).toBeVisible();
  await openSesPage(page, 'Configuration sets');
  await expect(page.getByRole('region', { name: 'Configuration sets' })).toContainText('kept-set');
});

test('a configuration set publishes the event types its destination chose, each copyable', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await field(page, 'From').fill('sender@example.com');
  await resetSimulator(page, 'Empty account');
  await verifyIdentity(page, 'sender@example.com');
  await createConfigurationSet(page, 'transactional');
  const sets = await addEventDestination(page, 'transactional', 'to-sns', {
    uncheck: ['Reject'],
    listed: 'Send, Bounce, Complaint, Delivery, DeliveryDelay',
  });
  await sets.getByRole('textbox', { name: 'Tag key' }).fill('team');
  await sets.getByRole('textbox', { name: 'Tag value' }).fill('billing');
  await sets.getByRole('button', { name: 'Add tag to transactional' }).click();
  await expect(sets.getByRole('listitem').filter({ hasText: 'team' })).toContainText(
    'team = billing',
  );
  const axe = await new AxeBuilder({ page }).include('#panel-ses').analyze();
  expect(axe.violations, JSON.stringify(axe.violations, null, 2)).toEqual([]);

  await sendFromCompose(page, 'success@simulator.amazonses.com');
  await expect(sendSuccess(page)).toBeVisible();
  await letPass(page, 'a minute');

  const sends = await showNotifications(page, 'Event: Send');
  await expect(sends.locator('summary')).toHaveCount(1);
  await expect(sends.locator('summary')).toContainText('transactional → to-sns');
  await sends.locator('summary').click();
  await expect(sends.locator('pre')).toContainText('"eventType": "Send"');
  await expect(sends.locator('pre')).toContainText('"ses:configuration-set": [');

  const deliveries = await showNotifications(page, 'Event: Delivery');
  await deliveries.locator('summary').click();
  await deliveries.getByRole('button', { name: 'Copy Delivery JSON' }).click();
  await expect(deliveries.getByRole('status').filter({ hasText: 'Copied.' })).toBeVisible();
  const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText())) as {
    eventType: string;
    delivery: { recipients: string[] };
  };
  expect(copied.eventType).toBe('Delivery');
  expect(copied.delivery.recipients).toEqual(['success@simulator.amazonses.com']);

  // The identity's own SNS notification comes too, in the other format.
  const sns = await showNotifications(page, 'SNS notification: Delivery');
  await expect(sns.locator('summary')).toContainText('topic of sender@example.com');
  await expect(await showNotifications(page, 'Event: Reject')).toContainText('None of this type.');
});

test('two tabs on the same account follow each other instead of overwriting', async ({
  context,
}) => {
  const first = await context.newPage();
  const second = await context.newPage();
  await first.goto('/');
  await second.goto('/');
  await resetSimulator(first, 'Empty account');
  await openSesPage(second, 'Identities');
  await expect(second.getByRole('region', { name: 'Identities' })).toContainText(
    'No verified identities yet.',
  );
  await verifyIdentity(first, 'one@example.com');
  const secondIdentities = second.getByRole('region', { name: 'Identities' });
  await expect(secondIdentities.getByRole('rowheader', { name: 'one@example.com' })).toBeVisible();
  await verifyIdentity(second, 'two@example.com');
  const firstIdentities = first.getByRole('region', { name: 'Identities' });
  await expect(firstIdentities.getByRole('rowheader')).toHaveText([
    'one@example.com',
    'two@example.com',
  ]);
  await firstIdentities.getByRole('button', { name: 'Delete one@example.com' }).click();
  await expect(secondIdentities.getByRole('rowheader')).toHaveText(['two@example.com']);
  await sesSaved(first);
  await first.reload();
  await openSesPage(first, 'Identities');
  await expect(firstIdentities.getByRole('rowheader')).toHaveText(['two@example.com']);
});
