/**
 * The Inspect workbench: its samples, the mbox list, and a layout that fits the window (no page
 * scroll on a desktop, no sideways scroll on a phone) in both colour schemes.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import {
  inspectPanel,
  openInspect,
  openResultTab,
  openSample,
  waitForInspection,
} from './inspect-helpers.ts';

/** What each sample must show once open: its subject, and a badge or fact of its kind. */
const SAMPLES = [
  {
    title: 'SES bounce',
    subject: 'Delivery Status Notification (Failure)',
    badge: 'Bounce: Permanent / General',
  },
  {
    title: 'ARF complaint',
    subject: 'Abuse report: Spring sale - 20% off every teapot',
    badge: 'Complaint: abuse',
  },
  {
    title: 'DKIM-signed newsletter',
    subject: 'Teapot Weekly - issue 12: the spring brews',
    badge: 'DKIM: pass',
  },
  {
    title: 'Non-ASCII names and attachments',
    subject: 'Rechnung № 42 für März – 請求書とメモ',
    badge: undefined,
  },
  { title: 'Small mbox', subject: 'Release notes for 2.4', badge: undefined },
] as const;

test('Try a sample is a menu of samples, each opening with its summary', async ({ page }) => {
  await openInspect(page);
  const trigger = inspectPanel(page).getByRole('button', { name: 'Try a sample' });
  await trigger.click();
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem')).toHaveCount(SAMPLES.length);
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(trigger).toBeFocused();

  for (const sample of SAMPLES) {
    await openSample(page, sample.title);
    await expect(page.getByTestId('summary-subject')).toHaveText(sample.subject);
    if (sample.badge) {
      await expect(
        inspectPanel(page).getByRole('list', { name: 'Verdicts' }).getByRole('listitem'),
      ).toContainText([sample.badge]);
    }
    await openResultTab(page, 'Summary');
    await expect(page.getByTestId('sample-description')).toContainText(sample.title);
  }
});

test('the command palette runs Inspect’s actions: a sample, a tab', async ({ page }) => {
  await openInspect(page);
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await page.keyboard.press('ControlOrMeta+k');
  await expect(palette).toBeVisible();
  await page.keyboard.type('try a sample');
  await expect(palette.getByRole('option').first()).toContainText('Try a sample');
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: 'ARF complaint' }).click();
  await expect(page.getByTestId('summary-subject')).toHaveText(
    'Abuse report: Spring sale - 20% off every teapot',
  );
  await page.keyboard.press('ControlOrMeta+k');
  await page.keyboard.type('show headers');
  await page.keyboard.press('Enter');
  await expect(
    inspectPanel(page).getByRole('tab', { name: 'Headers', exact: true }),
  ).toHaveAttribute('aria-selected', 'true');
  await expect(inspectPanel(page).getByRole('region', { name: 'Headers' })).toBeVisible();
});

test('the SES bounce sample shows Action, though SES writes it before Final-Recipient', async ({
  page,
}) => {
  await openInspect(page);
  await openSample(page, 'SES bounce');
  const report = inspectPanel(page).getByRole('region', { name: 'Bounce report' });
  const row = report.getByRole('row').filter({ hasText: 'bounce@simulator.amazonses.com' });
  await expect(row.getByRole('cell')).toHaveText([
    'bounce@simulator.amazonses.com',
    'failed',
    '5.1.1',
    'smtp; 550 5.1.1 user unknown',
  ]);
});

test('the newsletter sample shows its inline images and the key that checks its signature', async ({
  page,
}) => {
  await openInspect(page);
  await openSample(page, 'DKIM-signed newsletter');
  await expect(page.getByTestId('sample-description')).toContainText(
    'sample2026._domainkey.news.example.org. IN TXT "v=DKIM1; k=rsa; p=MIIB',
  );
  await openResultTab(page, 'Bodies');
  const frame = inspectPanel(page).locator('iframe[title="HTML preview"]').contentFrame();
  await expect(frame.locator('img[alt="Teapot Weekly"]')).toHaveAttribute('src', /^blob:/);
  await expect
    .poll(() =>
      frame
        .locator('img[alt="Spring brews"]')
        .evaluate((img: HTMLImageElement) => img.naturalWidth),
    )
    .toBe(300);
});

test('an mbox is a list of its messages, sortable by subject, sender, date and bounce type', async ({
  page,
}) => {
  await openInspect(page);
  await openSample(page, 'Small mbox');
  const list = inspectPanel(page).getByRole('table', { name: /Messages in team\.mbox/ });
  const subjects = list.locator('tbody tr td[data-label="Subject"]');
  await expect(subjects).toHaveText([
    'Release notes for 2.4',
    'Undelivered Mail Returned to Sender',
    'Delivery delayed: mailbox full',
    'Re: Release notes for 2.4',
  ]);
  await expect(list.locator('tbody tr td[data-label="Bounce"]')).toHaveText([
    '',
    'Permanent',
    'Transient',
    '',
  ]);

  const header = (name: string) => list.getByRole('columnheader', { name: new RegExp(`^${name}`) });
  await header('Subject').getByRole('button').click();
  await expect(header('Subject')).toHaveAttribute('aria-sort', 'ascending');
  await expect(subjects).toHaveText([
    'Delivery delayed: mailbox full',
    'Re: Release notes for 2.4',
    'Release notes for 2.4',
    'Undelivered Mail Returned to Sender',
  ]);
  await header('Date').getByRole('button').click();
  await header('Date').getByRole('button').click();
  await expect(header('Date')).toHaveAttribute('aria-sort', 'descending');
  await expect(subjects.first()).toHaveText('Re: Release notes for 2.4');
  await header('Bounce').getByRole('button').click();
  await expect(subjects.first()).toHaveText('Undelivered Mail Returned to Sender');

  // Choosing a row inspects that message, and only that row is current.
  await list.getByRole('button', { name: 'Delivery delayed: mailbox full' }).click();
  await expect(page.getByTestId('summary-subject')).toHaveText('Delivery delayed: mailbox full');
  await expect(list.locator('tr[aria-current="true"]')).toHaveCount(1);
  await expect(list.locator('tr[aria-current="true"]')).toContainText('mailbox full');
});

/** A message whose HTML links long URLs its text leaves out, and loads a remote pixel. */
function driftingMessage(): string {
  const urls = Array.from(
    { length: 10 },
    (_, i) => `https://tracking.example.com/${'segment/'.repeat(12)}click?id=${i}&campaign=spring`,
  );
  return (
    'From: a@example.com\r\nTo: b@example.org\r\nSubject: Drift\r\nMIME-Version: 1.0\r\n' +
    'Content-Type: multipart/alternative; boundary="a"\r\n\r\n' +
    '--a\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHello.\r\n' +
    '--a\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Hello. ' +
    urls.map((url) => `<a href="${url}">${url}</a>`).join(' ') +
    `<img src="https://pixel.${'long-subdomain.'.repeat(8)}example.com/p.gif" width="1" height="1" alt=""></p>\r\n` +
    '--a--\r\n'
  );
}

test('long URLs and the drift warning never widen the page, in Inspect or after Edit in Compose', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openInspect(page);
  await page.getByLabel('Open .eml file').setInputFiles({
    name: 'drift.eml',
    mimeType: 'message/rfc822',
    buffer: Buffer.from(driftingMessage()),
  });
  await waitForInspection(page);
  for (const tab of ['Summary', 'Headers', 'Bodies', 'Diagnostics'] as const) {
    await openResultTab(page, tab);
    expect((await pageOverflow(page)).x, tab).toBe(0);
  }
  await inspectPanel(page).getByRole('button', { name: 'Edit in Compose' }).click();
  const compose = page.getByRole('tabpanel', { name: 'Compose' });
  const warning = compose.getByRole('status').filter({ hasText: 'no longer matches' });
  await expect(warning).toBeVisible();
  // A few of the missing links are named, the rest counted.
  await expect(warning).toContainText('and 7 more');
  expect((await pageOverflow(page)).x).toBe(0);
});

/**
 * How far the page scrolls beyond the viewport in each direction: the document itself, or the
 * workspace's panel, which the app shell lets scroll when the workspace does not fit.
 */
async function pageOverflow(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    const scrollers = [document.scrollingElement ?? document.documentElement];
    const panel = document.getElementById('panel-inspect');
    if (panel) scrollers.push(panel);
    return {
      x: Math.max(...scrollers.map((element) => element.scrollWidth - element.clientWidth)),
      y: Math.max(...scrollers.map((element) => element.scrollHeight - element.clientHeight)),
    };
  });
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`in the ${colorScheme} scheme`, () => {
    test.use({ colorScheme });

    test('at 1280×720 the page does not scroll; the panes do', async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await openInspect(page);
      await openSample(page, 'DKIM-signed newsletter');
      for (const tab of ['Summary', 'Headers', 'Structure', 'Bodies', 'Diagnostics'] as const) {
        await openResultTab(page, tab);
        expect(await pageOverflow(page), tab).toEqual({ x: 0, y: 0 });
      }
      await openSample(page, 'Small mbox');
      expect(await pageOverflow(page), 'mbox').toEqual({ x: 0, y: 0 });
      for (const name of ['Try a sample', 'Edit in Compose']) {
        await expect(inspectPanel(page).getByRole('button', { name })).toBeInViewport();
      }
    });

    test('at 390×844 there is one column and no sideways scroll', async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await openInspect(page);
      for (const sample of ['Non-ASCII names and attachments', 'SES bounce', 'Small mbox']) {
        await openSample(page, sample);
        for (const tab of ['Summary', 'Headers', 'Route', 'Attachments'] as const) {
          await openResultTab(page, tab);
          expect((await pageOverflow(page)).x, `${sample}, ${tab}`).toBe(0);
        }
      }
      // One column: the results are below the raw input, not beside it.
      const input = await page.getByRole('textbox', { name: 'Raw message input' }).boundingBox();
      const summary = await inspectPanel(page)
        .getByRole('region', { name: 'Summary' })
        .boundingBox();
      expect(summary!.y).toBeGreaterThan(input!.y + input!.height);
    });

    test('the workbench passes an axe scan with a sample open', async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await openInspect(page);
      await openSample(page, 'SES bounce');
      for (const tab of ['Summary', 'Headers', 'Attachments'] as const) {
        await openResultTab(page, tab);
        const results = await new AxeBuilder({ page })
          .include('#panel-inspect')
          .exclude('iframe[title="HTML preview"]')
          .analyze();
        expect(
          results.violations,
          `${tab}: ${JSON.stringify(results.violations, null, 2)}`,
        ).toEqual([]);
      }
    });
  });
}
