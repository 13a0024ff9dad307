import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openSes, openSesPage, verifyIdentity } from './ses-support.ts';

/** Break the stored SES state record in the page's IndexedDB: its rule sets are no list. */
async function damageStoredState(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('mailwright-ses');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const store = db.transaction('state', 'readwrite').objectStore('state');
          const read = store.get('simulator');
          read.onsuccess = () => {
            const record = read.result as { receiving: unknown };
            record.receiving = { ruleSets: 'not a list', inbound: [] };
            const write = store.put(record, 'simulator');
            write.onsuccess = () => {
              db.close();
              resolve();
            };
            write.onerror = () => reject(write.error);
          };
        };
      }),
  );
}

test('a state file of the wrong shape is refused with its first problem, and nothing changes', async ({
  page,
}) => {
  await page.goto('/');
  await verifyIdentity(page, 'kept@example.com');
  await openSesPage(page, 'Account');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export SES state' }).click(),
  ]);
  const state = JSON.parse(readFileSync(await download.path(), 'utf8')) as Record<string, unknown>;
  state.outcomeRules = [{ pattern: 42, outcome: { kind: 'delivery' } }];
  await page.getByLabel('Import SES state').setInputFiles({
    name: 'wrong-shape.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(state)),
  });
  await expect(page.getByRole('alert').filter({ hasText: 'wrong-shape.json' })).toHaveText(
    'wrong-shape.json could not be imported: The saved state is damaged: outcomeRules[0].pattern should be string, not 42.',
  );
  await page.reload();
  await openSesPage(page, 'Identities');
  const identities = page.getByRole('region', { name: 'Identities' });
  await expect(identities.getByRole('rowheader', { name: 'kept@example.com' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a damaged stored state opens as the last good one, says so, and can be exported', async ({
  page,
}) => {
  await page.goto('/');
  await verifyIdentity(page, 'good@example.com');
  // Read back sound on this visit, the state becomes the last good one.
  await page.reload();
  await openSesPage(page, 'Identities');
  const identities = page.getByRole('region', { name: 'Identities' });
  await expect(identities.getByRole('rowheader', { name: 'good@example.com' })).toBeVisible();
  await damageStoredState(page);

  await page.reload();
  await openSes(page);
  await expect(page.getByRole('alert').filter({ hasText: 'damaged' })).toContainText(
    'receiving.ruleSets should be Array',
  );
  await expect(page.getByRole('alert').filter({ hasText: 'damaged' })).toContainText(
    'the page opened with the last good state',
  );
  await openSesPage(page, 'Identities');
  await expect(identities.getByRole('rowheader', { name: 'good@example.com' })).toBeVisible();
  await openSesPage(page, 'Account');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export damaged SES state' }).click(),
  ]);
  const damaged = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
    receiving: unknown;
  };
  expect(damaged.receiving).toEqual({ ruleSets: 'not a list', inbound: [] });
});
