import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures.ts';
import { openWorkspaces, showHtmlBody } from './workspaces.ts';

/** Where the built app is put, as a folder of a static host (a GitHub Pages project site). */
const PREFIX = '/tools/mailwright/';
const DIST = join(import.meta.dirname, '../../dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.map': 'application/json',
};

let server: Server;
let origin = '';
const requested: string[] = [];

test.beforeAll(async () => {
  // A plain static server that knows nothing of the app: files under PREFIX, 404 elsewhere.
  server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    requested.push(path);
    if (!path.startsWith(PREFIX)) {
      response.writeHead(404).end();
      return;
    }
    const file = normalize(join(DIST, path.slice(PREFIX.length) || 'index.html'));
    if (!file.startsWith(DIST)) {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? '' }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test('the built app works from a folder of any static host, workers and lazy parts included', async ({
  page,
}) => {
  await page.goto(`${origin}${PREFIX}`);
  await expect(page).toHaveTitle('Mailwright');
  await openWorkspaces(page);
  // The build worker assembled the raw message; the inspect worker reads a pasted one.
  await page.getByRole('tab', { name: 'Inspect' }).click();
  const input = page.getByRole('textbox', { name: 'Raw message input' });
  await input.click();
  await input.evaluate((element) => {
    const data = new DataTransfer();
    data.setData(
      'text/plain',
      'From: a@example.com\r\nSubject: Served from a folder\r\n\r\nHi\r\n',
    );
    element.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  });
  await expect(page.getByTestId('summary-parts')).toBeVisible({ timeout: 30_000 });
  // The HTML preview's frame document is the app's own file, in the same folder.
  expect(await showHtmlBody(page, 'Shown from a folder')).toBe(
    `${origin}${PREFIX}preview-frame.html`,
  );
  expect(requested.length).toBeGreaterThan(5);
  expect(requested.filter((path) => !path.startsWith(PREFIX))).toEqual([]);
});
