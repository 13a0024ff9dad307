import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { buildMessage, inspectMessage } from '../../src/lib/mime/index.ts';
import type { Draft, Inspection } from '../../src/lib/mime/types.ts';
import { openInspect, waitForInspection } from './inspect-helpers.ts';

const pixel = (seed: number) =>
  Uint8Array.from({ length: 200 }, (_, i) =>
    i < 8 ? [137, 80, 78, 71, 13, 10, 26, 10][i]! : (i * seed) & 255,
  );

const DRAFT: Draft = {
  from: 'Adèle Martin <adele@example.com>',
  to: ['Bob <bob@example.org>'],
  cc: ['carol@example.net'],
  subject: 'Newsletter with inline images',
  text: 'Hello Bob,\n\nTwo pictures and a PDF.\n',
  html: '<p>Hello <b>Bob</b></p><p><img src="cid:logo@example.com" alt="logo"><img src="cid:chart@example.com" alt="chart"></p>',
  attachments: [
    {
      filename: 'logo.png',
      contentType: 'image/png',
      content: pixel(3),
      contentId: 'logo@example.com',
      inline: true,
    },
    {
      filename: 'chart.png',
      contentType: 'image/png',
      content: pixel(7),
      contentId: 'chart@example.com',
      inline: true,
    },
    {
      filename: 'report.pdf',
      contentType: 'application/pdf',
      content: new TextEncoder().encode('%PDF-1.4\n'),
    },
  ],
  headers: [{ name: 'X-SES-CONFIGURATION-SET', value: 'newsletters' }],
};

/** What must be the same after the trip: what a reader and SES see, part bytes included. */
function essentials(inspection: Inspection) {
  const named = (name: string) =>
    inspection.headers.filter((h) => h.name.toLowerCase() === name).map((h) => h.decoded);
  const types = (node: Inspection['tree']): string[] => [
    node.contentType,
    ...node.children.flatMap(types),
  ];
  return {
    from: named('from'),
    to: named('to'),
    cc: named('cc'),
    configurationSet: named('x-ses-configuration-set'),
    subject: inspection.subject,
    text: inspection.text,
    html: inspection.html,
    structure: types(inspection.tree),
    attachments: inspection.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      contentId: a.contentId,
      disposition: a.disposition,
      content: Buffer.from(a.content).toString('base64'),
    })),
  };
}

test('Edit in Compose makes a draft that rebuilds an equivalent message', async ({ page }) => {
  const built = buildMessage(DRAFT, { now: new Date('2026-11-27T10:00:00Z') });
  const original = await inspectMessage(built.raw);
  expect(essentials(original).structure).toContain('multipart/related');

  await openInspect(page);
  await page.getByLabel('Open .eml file').setInputFiles({
    name: 'newsletter.eml',
    mimeType: 'message/rfc822',
    buffer: Buffer.from(built.raw),
  });
  await waitForInspection(page);
  await page.getByRole('button', { name: 'Edit in Compose' }).click();

  await expect(page.getByRole('tab', { name: 'Compose' })).toHaveAttribute('aria-selected', 'true');
  const compose = page.getByRole('tabpanel', { name: 'Compose' });
  await expect(compose.getByLabel('Subject', { exact: true })).toHaveValue(DRAFT.subject!);
  await expect(compose.getByText('chart.png').first()).toBeVisible();

  const download = page.waitForEvent('download');
  await compose.getByRole('button', { name: 'Export .eml' }).click();
  const exported = readFileSync(await (await download).path());
  const rebuilt = await inspectMessage(new Uint8Array(exported));
  expect(essentials(rebuilt)).toEqual(essentials(original));
  // Nothing of the message ever goes into the address bar.
  expect(new URL(page.url()).pathname + new URL(page.url()).search + new URL(page.url()).hash).toBe(
    '/',
  );
});
