import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { inspectPanel, openInspect, openResultTab, waitForInspection } from './inspect-helpers.ts';

const RICH_MESSAGE =
  'From: =?utf-8?q?Ad=C3=A9le?= <adele@example.com>\r\nTo: bob@example.org\r\n' +
  'Subject: Axe check\r\nDate: Fri, 27 Nov 2026 10:00:00 +0000\r\n' +
  'Received: from a.example (a.example [192.0.2.1]) by b.example with ESMTP; Fri, 27 Nov 2026 10:00:05 +0000\r\n' +
  'Received: from c.example by a.example with SMTP; Fri, 27 Nov 2026 10:00:01 +0000\r\n' +
  'Authentication-Results: b.example; spf=pass smtp.mailfrom=example.com; dkim=fail header.d=example.com; dmarc=fail header.from=example.com\r\n' +
  'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="m"\r\n\r\n' +
  '--m\r\nContent-Type: multipart/alternative; boundary="a"\r\n\r\n' +
  '--a\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHello.\r\n' +
  '--a\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Hello <img src="https://example.com/x.png" alt="x"></p>\r\n' +
  '--a--\r\n' +
  '--m\r\nContent-Type: application/pdf; name="report.pdf"\r\nContent-Disposition: attachment; filename="report.pdf"\r\n' +
  'Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--m--\r\n';

test('the Inspect workspace passes an axe scan, empty and with a message', async ({ page }) => {
  // Eight scans, one per tab: each takes seconds on a busy machine.
  test.slow();
  await openInspect(page);
  const scan = async (when: string) => {
    const results = await new AxeBuilder({ page })
      .include('#panel-inspect')
      .exclude('iframe[title="HTML preview"]')
      .analyze();
    expect(results.violations, `${when}: ${JSON.stringify(results.violations, null, 2)}`).toEqual(
      [],
    );
  };
  await scan('empty');
  await page.getByLabel('Open .eml file').setInputFiles({
    name: 'axe.eml',
    mimeType: 'message/rfc822',
    buffer: Buffer.from(RICH_MESSAGE),
  });
  await waitForInspection(page);
  // Every tab in turn: each must pass, not just the one open at the end.
  for (const tab of [
    'Summary',
    'Headers',
    'Route',
    'Bodies',
    'Attachments',
    'Diagnostics',
  ] as const) {
    await openResultTab(page, tab);
    await scan(`with a message, ${tab}`);
  }
  await openResultTab(page, 'Structure');
  await inspectPanel(page)
    .getByRole('region', { name: 'MIME structure' })
    .getByRole('treeitem', { name: /text\/plain/ })
    .click();
  await inspectPanel(page).getByRole('button', { name: 'Show decoded text' }).click();
  await scan('with a message');
});
