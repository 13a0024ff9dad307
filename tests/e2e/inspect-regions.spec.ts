import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { inspectPanel, openInspect, openResultTab, waitForInspection } from './inspect-helpers.ts';
import { afterRendering } from './support/preview.ts';

const LOGO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n% test\n');

/** A message with a route, a Latin-1 text part, HTML with a remote and a cid image, and a PDF. */
const MESSAGE =
  'Received: from b.example by c.example with ESMTPS; Fri, 27 Nov 2026 10:00:03 +0000\r\n' +
  'Received: from a.example (a.example [192.0.2.1]) by b.example with ESMTP; Fri, 27 Nov 2026 10:00:05 +0000\r\n' +
  'Received: from client.example by a.example with SMTP; Fri, 27 Nov 2026 10:00:01 +0000\r\n' +
  'From: Ada <ada@example.com>\r\nTo: bob@example.org\r\nSubject: Regions\r\n' +
  'Date: Fri, 27 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n' +
  'Content-Type: multipart/mixed; boundary="m"\r\n\r\n' +
  '--m\r\nContent-Type: multipart/related; boundary="r"\r\n\r\n' +
  '--r\r\nContent-Type: multipart/alternative; boundary="a"\r\n\r\n' +
  '--a\r\nContent-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n' +
  'Caf=E9 cr=E8me.\r\n' +
  '--a\r\nContent-Type: text/html; charset=utf-8\r\n\r\n' +
  '<p>Hi <img alt="logo" src="cid:logo@example.com"> <img alt="remote" src="https://images.example.com/pixel.png"></p>\r\n' +
  '--a--\r\n' +
  '--r\r\nContent-Type: image/png\r\nContent-ID: <logo@example.com>\r\nContent-Disposition: inline; filename="logo.png"\r\n' +
  `Content-Transfer-Encoding: base64\r\n\r\n${LOGO.toString('base64')}\r\n` +
  '--r--\r\n' +
  '--m\r\nContent-Type: application/pdf; name="report.pdf"\r\nContent-Disposition: attachment; filename="report.pdf"\r\n' +
  `Content-Transfer-Encoding: base64\r\n\r\n${PDF.toString('base64')}\r\n--m--\r\n`;

async function openMessage(page: Page) {
  await openInspect(page);
  await page.getByLabel('Open .eml file').setInputFiles({
    name: 'regions.eml',
    mimeType: 'message/rfc822',
    buffer: Buffer.from(MESSAGE),
  });
  await waitForInspection(page);
}

test('the route shows each hop, its delay and its share, and flags a clock that is wrong', async ({
  page,
}) => {
  await openMessage(page);
  await openResultTab(page, 'Route');
  const route = inspectPanel(page).getByRole('region', { name: 'Route' });
  const rows = route.getByRole('row');
  await expect(rows).toHaveCount(4); // header row and three hops, oldest first
  await expect(rows.nth(1)).toContainText('client.example');
  await expect(rows.nth(2)).toContainText('a.example');
  await expect(rows.nth(2)).toContainText('4 s');
  await expect(rows.nth(2)).toContainText('100%');
  await expect(rows.nth(3)).toContainText('−2 s');
  await expect(rows.nth(3)).toContainText('a clock is wrong');
});

test('headers are listed in order, filtered, and linked to their definitions', async ({ page }) => {
  await openMessage(page);
  await openResultTab(page, 'Headers');
  const headers = inspectPanel(page).getByRole('region', { name: 'Headers' });
  const firstRow = headers.getByRole('row').nth(1);
  await expect(firstRow).toContainText('Received');
  await headers.getByLabel('Filter headers').fill('received');
  await expect(headers).toContainText('3 of 9 fields');
  await headers.getByLabel('Filter headers').fill('subject');
  const link = headers.getByRole('link', { name: /Subject: RFC 5322 §3\.6\.5/ });
  await expect(link).toHaveAttribute(
    'href',
    'https://www.rfc-editor.org/rfc/rfc5322#section-3.6.5',
  );
});

test('a message with thousands of header fields draws them a page at a time', async ({ page }) => {
  const fields = Array.from({ length: 1200 }, (_, i) => `X-Field-${i}: value ${i}\r\n`).join('');
  await openInspect(page);
  await page.getByLabel('Open .eml file').setInputFiles({
    name: 'many-fields.eml',
    mimeType: 'message/rfc822',
    buffer: Buffer.from(`${fields}Subject: Many fields\r\n\r\nBody\r\n`),
  });
  await waitForInspection(page);
  await openResultTab(page, 'Headers');
  const headers = inspectPanel(page).getByRole('region', { name: 'Headers' });
  await expect(headers).toContainText('500 of 1201 fields drawn.');
  await expect(headers.getByRole('row')).toHaveCount(501);
  await headers.getByRole('button', { name: 'Show 500 more fields' }).click();
  await headers.getByRole('button', { name: 'Show 201 more fields' }).click();
  await expect(headers.getByRole('row')).toHaveCount(1202);
  await expect(headers.getByRole('row').last()).toContainText('Many fields');
  // A filter starts from its own first page, over every field.
  await headers.getByLabel('Filter headers').fill('value 11');
  await expect(headers).toContainText('111 of 1201 fields');
  await expect(headers.getByRole('button', { name: /more fields/ })).toHaveCount(0);
});

test('a text leaf shows decoded and an attachment downloads with its bytes', async ({ page }) => {
  await openMessage(page);
  await openResultTab(page, 'Structure');
  const structure = inspectPanel(page).getByRole('region', { name: 'MIME structure' });
  await structure.getByRole('treeitem', { name: /text\/plain/ }).click();
  await structure.getByRole('button', { name: 'Show decoded text' }).click();
  await expect(structure.getByRole('textbox', { name: /Decoded text of part/ })).toHaveText(
    /^Café crème\.\s*$/,
  );

  await openResultTab(page, 'Attachments');
  const attachments = inspectPanel(page).getByRole('region', { name: 'Attachments' });
  await expect(attachments.getByRole('row').filter({ hasText: 'logo.png' })).toContainText(
    'inline',
  );
  const download = page.waitForEvent('download');
  await attachments.getByRole('button', { name: 'Download report.pdf' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('report.pdf');
  expect(readFileSync(await file.path())).toEqual(PDF);
});

test('the HTML body shows cid images and blocks remote ones until asked', async ({ page }) => {
  const remote: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('images.example.com')) remote.push(request.url());
  });
  await openMessage(page);
  await openResultTab(page, 'Bodies');
  const frame = inspectPanel(page).locator('iframe[title="HTML preview"]').contentFrame();
  await expect(frame.locator('img[alt="logo"]')).toHaveAttribute(
    'src',
    /^(?:data:image\/png|blob:)/,
  );
  const load = inspectPanel(page).getByRole('button', { name: 'Load remote content' });
  await expect(load).toBeVisible();
  await afterRendering(page);
  expect(remote).toEqual([]);
  await page.route('https://images.example.com/**', (route) =>
    route.fulfill({ contentType: 'image/png', body: LOGO }),
  );
  await load.click();
  await expect.poll(() => [...new Set(remote)]).toEqual(['https://images.example.com/pixel.png']);
});

/** Drop MESSAGE as a file named dropped.eml on an element, as a person dragging it there would. */
async function dropMessage(target: Locator): Promise<void> {
  await target.evaluate((element, text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'dropped.eml', { type: 'message/rfc822' }));
    for (const type of ['dragover', 'drop']) {
      element.dispatchEvent(
        new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }),
      );
    }
  }, MESSAGE);
}

test('a file dropped anywhere on the workspace is inspected', async ({ page }) => {
  await openInspect(page);
  await dropMessage(inspectPanel(page).getByRole('region', { name: 'Summary' }));
  await waitForInspection(page);
  await expect(page.getByTestId('summary-subject')).toHaveText('Regions');
});

test('a file dropped on the raw editor is read and inspected once', async ({ page }) => {
  await openInspect(page);
  await page.evaluate(() => {
    // Count every read of the dropped file, however the drop reaches it.
    const reads = { count: 0 };
    Object.assign(window, { droppedReads: reads });
    const dropped = (blob: Blob) => blob instanceof File && blob.name === 'dropped.eml';
    // A whole read (stream, text, arrayBuffer), or a read in slices, which starts at byte 0.
    for (const name of ['stream', 'text', 'arrayBuffer'] as const) {
      const read = Blob.prototype[name] as (this: Blob) => unknown;
      Object.defineProperty(Blob.prototype, name, {
        configurable: true,
        value(this: Blob) {
          if (dropped(this)) reads.count += 1;
          return read.call(this);
        },
      });
    }
    const slice = Blob.prototype.slice;
    Blob.prototype.slice = function (this: Blob, start?: number, ...rest: [number?, string?]) {
      if (dropped(this) && (start ?? 0) === 0) reads.count += 1;
      return slice.call(this, start, ...rest);
    };
  });
  await dropMessage(inspectPanel(page).getByRole('textbox', { name: 'Raw message input' }));
  await waitForInspection(page);
  await expect(page.getByTestId('summary-subject')).toHaveText('Regions');
  const reads = await page.evaluate(
    () => (window as unknown as { droppedReads: { count: number } }).droppedReads.count,
  );
  expect(reads).toBe(1);
});

test.describe('in Tokyo', () => {
  test.use({ timezoneId: 'Asia/Tokyo', locale: 'en-GB' });

  test('the summary gives the date in the viewer’s zone and the authentication verdicts', async ({
    page,
  }) => {
    await openInspect(page);
    const raw =
      'Authentication-Results: mx.example.org; spf=pass smtp.mailfrom=bounce.example.com;\r\n' +
      ' dkim=pass header.d=example.com; dmarc=pass header.from=example.com\r\n' +
      'Return-Path: <b@bounce.example.com>\r\n' +
      'DKIM-Signature: v=1; a=rsa-sha256; d=example.com; s=s1; h=from:subject; bh=x; b=y\r\n' +
      'From: Ada <ada@example.com>\r\nTo: bob@example.org\r\nSubject: Verdicts\r\n' +
      'Date: Fri, 27 Nov 2026 10:00:00 +0000\r\n\r\nHi\r\n';
    await page.getByLabel('Open .eml file').setInputFiles({
      name: 'verdicts.eml',
      mimeType: 'message/rfc822',
      buffer: Buffer.from(raw),
    });
    await waitForInspection(page);
    // 10:00 UTC is 19:00 in Tokyo.
    await expect(page.getByTestId('summary-date')).toContainText('19:00:00');
    await expect(page.getByTestId('summary-date')).toContainText('Asia/Tokyo');
    const verdicts = inspectPanel(page).getByRole('list', { name: 'Verdicts' });
    await expect(verdicts.getByRole('listitem')).toContainText([
      'SPF: pass',
      'DKIM: pass',
      'DMARC: pass',
      'Alignment: strict', // DKIM d= is the From domain itself
    ]);
  });
});
