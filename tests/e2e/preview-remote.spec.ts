import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import {
  inspectPanel,
  openInspect,
  pasteMessage,
  waitForInspection,
  openResultTab,
} from './inspect-helpers.ts';
import {
  HARNESS_ORIGIN,
  afterRendering,
  expectSettled,
  inFrame,
  openHarness,
  show,
} from './support/preview.ts';

// A 2×1 PNG and a 1×1 GIF, served by a local server standing in for a sender's image host.
const PNG_2X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR4nGP4z8DwHwyBDAYAP/kF+7oBcRMAAAAASUVORK5CYII=',
  'base64',
);
const GIF_1X1 = Buffer.from(
  'R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==',
  'base64',
);

interface Remote {
  server: Server;
  base: string;
  hits: string[];
}

async function startRemote(): Promise<Remote> {
  const hits: string[] = [];
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    hits.push(path);
    if (path.endsWith('.png'))
      response.writeHead(200, { 'content-type': 'image/png' }).end(PNG_2X1);
    else if (path.endsWith('.gif'))
      response.writeHead(200, { 'content-type': 'image/gif' }).end(GIF_1X1);
    else if (path === '/styles.css') {
      response
        .writeHead(200, { 'content-type': 'text/css' })
        .end(
          '.from-link { color: rgb(0, 128, 0); } .linked-bg { background-image: url(/from-stylesheet.png); }',
        );
    } else if (path === '/imported.css') {
      response
        .writeHead(200, { 'content-type': 'text/css' })
        .end('.from-import { color: rgb(0, 0, 255); }');
    } else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, base: `http://127.0.0.1:${port}`, hits };
}

function newsletter(base: string): string {
  return `<!DOCTYPE html><html><head>
<link rel="stylesheet" href="${base}/styles.css">
<style>@import url("${base}/imported.css"); .hero { background-image: url('${base}/hero.png'); height: 20px; }</style>
</head><body>
<table width="100%"><tr><td background="${base}/cell.png" height="20">
<div class="linked-bg" style="height: 20px"></div>
<p class="from-link">Linked style</p><p class="from-import">Imported style</p>
<div class="hero"></div>
<img id="logo" src="${base}/logo.png" alt="Logo" width="2" height="1">
<img src="${base}/open.gif" width="1" height="1" alt="">
</td></tr></table></body></html>`;
}

test.describe('remote content', () => {
  let remote: Remote;
  test.beforeEach(async () => {
    remote = await startRemote();
  });
  test.afterEach(async () => {
    remote.server.closeAllConnections();
    await new Promise((resolve) => remote.server.close(resolve));
  });

  test('nothing is requested until Load remote content, then exactly the remote resources', async ({
    page,
  }) => {
    const leaving: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(HARNESS_ORIGIN)) leaving.push(request.url());
    });
    await openHarness(page);
    await show(page, [{ html: newsletter(remote.base), key: 'message-1' }]);

    const status = page.getByRole('status');
    await expect(status).toContainText('Blocked 6 remote resources');
    await expect(status).toContainText(`Tracking pixel: 1×1 image from 127.0.0.1:`);
    await afterRendering(page);
    expect(leaving).toEqual([]);
    expect(remote.hits).toEqual([]);
    expect(await inFrame(page, 0, (doc) => doc.querySelectorAll('img[src]').length, null)).toBe(0);

    await page.getByRole('button', { name: 'Load remote content' }).click();
    await expectSettled(page);
    await expect(status).toContainText('Loaded 6 remote resources for this message');
    await expect(page.getByRole('button', { name: 'Load remote content' })).toHaveCount(0);
    await expect
      .poll(() =>
        inFrame(
          page,
          0,
          (doc) => (doc.getElementById('logo') as HTMLImageElement).naturalWidth,
          null,
        ),
      )
      .toBe(2);
    await expect
      .poll(() =>
        inFrame(
          page,
          0,
          (doc) =>
            [
              getComputedStyle(doc.querySelector('.from-link')!).color,
              getComputedStyle(doc.querySelector('.from-import')!).color,
            ].join(' '),
          null,
        ),
      )
      .toBe('rgb(0, 128, 0) rgb(0, 0, 255)');
    await expect
      .poll(() => [...new Set(remote.hits)].sort())
      .toEqual(
        [
          '/cell.png',
          '/from-stylesheet.png',
          '/hero.png',
          '/imported.css',
          '/logo.png',
          '/open.gif',
          '/styles.css',
        ].sort(),
      );
    expect(leaving.every((url) => url.startsWith(remote.base))).toBe(true);
  });

  test('Load remote content applies to one message only', async ({ page }) => {
    await openHarness(page);
    await show(page, [{ html: newsletter(remote.base), key: 'message-1' }]);
    await page.getByRole('button', { name: 'Load remote content' }).click();
    await expect(page.getByRole('status')).toContainText('Loaded 6 remote resources');
    await expect.poll(() => new Set(remote.hits).size).toBe(7);

    // The second message's resources live under their own path, so a late request for the first
    // message's resources cannot be mistaken for one of its own.
    await show(page, [
      { html: newsletter(`${remote.base}/second`).replace('Logo', 'Other'), key: 'message-2' },
    ]);
    await expect(page.getByRole('status')).toContainText('Blocked 6 remote resources');
    await expect(page.getByRole('button', { name: 'Load remote content' })).toBeVisible();
    await afterRendering(page);
    expect(remote.hits.filter((path) => path.startsWith('/second/'))).toEqual([]);
  });

  test('in Inspect, a permission does not pass to the next message pasted over the input', async ({
    page,
  }) => {
    // Pasting over the selected input, as a person replacing one message with another does.
    const pasteSelected = (text: string) =>
      page.getByRole('textbox', { name: 'Raw message input' }).evaluate((element, pasted) => {
        const data = new DataTransfer();
        data.setData('text/plain', pasted);
        element.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        );
      }, text);
    const message = (html: string, subject: string) =>
      `From: news@example.com\r\nTo: you@example.com\r\nSubject: ${subject}\r\nMIME-Version: 1.0\r\n` +
      `Content-Type: text/html; charset=utf-8\r\n\r\n${html}\r\n`;
    await openInspect(page);
    await pasteMessage(page, message(newsletter(remote.base), 'First'));
    await waitForInspection(page);
    // The HTML is shown on the Bodies tab of the result pane.
    await openResultTab(page, 'Bodies');
    const panel = inspectPanel(page);
    await panel.getByRole('button', { name: 'Load remote content' }).click();
    await expect(panel.getByRole('status').filter({ hasText: 'Loaded 6 remote' })).toBeVisible();
    await expect.poll(() => new Set(remote.hits).size).toBe(7);

    // The same input, the same key, another message: its images stay blocked until asked for.
    await page.getByRole('textbox', { name: 'Raw message input' }).focus();
    await page.keyboard.press('ControlOrMeta+A');
    await pasteSelected(message(newsletter(`${remote.base}/second`), 'Second'));
    await expect(panel.getByRole('status').filter({ hasText: 'Blocked 6 remote' })).toBeVisible({
      timeout: 30_000,
    });
    await expect(panel.getByRole('button', { name: 'Load remote content' })).toBeVisible();
    await afterRendering(page);
    expect(remote.hits.filter((path) => path.startsWith('/second/'))).toEqual([]);

    // Back to the first message: the permission went with the change, so nothing loads again.
    const before = remote.hits.length;
    await page.keyboard.press('ControlOrMeta+A');
    await pasteSelected(message(newsletter(remote.base), 'First again'));
    await expect(panel.getByRole('status').filter({ hasText: 'Blocked 6 remote' })).toBeVisible({
      timeout: 30_000,
    });
    await afterRendering(page);
    expect(remote.hits.length).toBe(before);
  });
});
