import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { openSes, openSesPage, type SesPageName } from './ses-support.ts';

const PAGES: SesPageName[] = [
  'Account',
  'Identities',
  'Sending activity',
  'Notifications',
  'Suppression list',
  'Contact lists',
  'Reputation',
  'Receiving',
  'Configuration sets',
  'Templates',
];

/** How far the page itself scrolls, each way. */
function pageOverflow(page: Page) {
  return page.evaluate(() => ({
    down: document.documentElement.scrollHeight - window.innerHeight,
    sideways: document.documentElement.scrollWidth - window.innerWidth,
  }));
}

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).include('#panel-ses').analyze();
  expect(results.violations, JSON.stringify(results.violations, null, 2)).toEqual([]);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} colour scheme`, () => {
    test.use({ colorScheme });
    // Nine pages, each scanned: more work than most tests.
    test.slow();

    test(`at 1280×720 every SES page fits the window, its panes scrolling on their own (${colorScheme})`, async ({
      page,
    }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto('/');
      await openSes(page);
      for (const name of PAGES) {
        await openSesPage(page, name);
        expect(await pageOverflow(page), name).toEqual({ down: 0, sideways: 0 });
        await expect(page.getByRole('button', { name: 'Reset simulator' })).toBeInViewport();
        await expect(page.getByRole('button', { name: 'Let a minute pass' })).toBeInViewport();
        await expect(
          page.getByRole('navigation', { name: 'SES pages' }).getByRole('button', { name }),
        ).toBeInViewport();
        await axe(page);
      }
    });

    test(`at 390×844 the SES workspace is one column with no sideways scroll (${colorScheme})`, async ({
      page,
    }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto('/');
      await openSes(page);
      for (const name of PAGES) {
        await openSesPage(page, name);
        expect((await pageOverflow(page)).sideways, name).toBeLessThanOrEqual(0);
      }
      // The rail sits above the page, not beside it.
      const rail = await page.getByRole('navigation', { name: 'SES pages' }).boundingBox();
      const panel = await page.getByRole('region', { name: 'Email templates' }).boundingBox();
      expect(rail && panel && rail.y + rail.height <= panel.y).toBe(true);
      await openSesPage(page, 'Sending activity');
      await axe(page);
    });
  });
}
