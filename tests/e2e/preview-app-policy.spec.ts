/**
 * The built app's own Content Security Policy and the preview frame's, in the real page: the page
 * loads no remote image, and the preview frame loads one only after `Load remote content`. The
 * preview test page's server (another origin) stands in for a sender's image host.
 */
import { test as plain } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import {
  inspectPanel,
  openInspect,
  openResultTab,
  pasteMessage,
  waitForInspection,
} from './inspect-helpers.ts';
import { HARNESS_ORIGIN, afterRendering } from './support/preview.ts';

// An image of the harness server's, with a query of its own so no other request is taken for it.
const REMOTE_IMAGE = `${HARNESS_ORIGIN}/icon-192.png?in=email`;

const message = (html: string) =>
  `From: news@example.com\r\nTo: you@example.com\r\nSubject: Remote logo\r\nMIME-Version: 1.0\r\n` +
  `Content-Type: text/html; charset=utf-8\r\n\r\n${html}\r\n`;

test('a remote image in the preview loads only after Load remote content, and only in the frame', async ({
  page,
  baseURL,
}) => {
  const requests: { url: string; main: boolean; frameUrl: string }[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(HARNESS_ORIGIN)) return;
    const frame = request.frame();
    requests.push({ url: request.url(), main: frame === page.mainFrame(), frameUrl: frame.url() });
  });
  await openInspect(page);
  await pasteMessage(
    page,
    message(`<p>Our logo</p><img id="logo" src="${REMOTE_IMAGE}" alt="Logo" width="96">`),
  );
  await waitForInspection(page);
  await openResultTab(page, 'Bodies');
  const panel = inspectPanel(page);
  const frameElement = panel.locator('iframe[title="HTML preview"]');
  const frame = frameElement.contentFrame();
  await expect(panel.getByRole('status').filter({ hasText: 'Blocked 1 remote' })).toBeVisible();
  await expect(frame.locator('#logo')).toBeAttached();
  await expect(frame.locator('#logo')).not.toHaveAttribute('src', /./);
  await afterRendering(page);
  expect(requests).toEqual([]);

  const origin = new URL(baseURL!).origin;
  const frameUrl = () =>
    frameElement.evaluate((element: HTMLIFrameElement) => element.contentDocument?.URL);
  expect(await frameUrl()).toBe(`${origin}/preview-frame.html`);

  await panel.getByRole('button', { name: 'Load remote content' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Loaded 1 remote' })).toBeVisible();
  await expect
    .poll(() => frame.locator('#logo').evaluate((image: HTMLImageElement) => image.naturalWidth))
    .toBe(192);
  expect(await frameUrl()).toBe(`${origin}/preview-frame-remote.html`);
  expect(requests).toEqual([
    { url: REMOTE_IMAGE, main: false, frameUrl: `${origin}/preview-frame-remote.html` },
  ]);
  // The fixture then checks that the page itself reported no violation and loaded nothing remote.
});

plain('the page itself cannot load a remote image: its own policy blocks it', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('Mailwright');
  const outcome = await page.evaluate(
    (url) =>
      new Promise<{ loaded: boolean; blocked: string[] }>((resolve) => {
        // Settled once the image failed and the policy said why, whichever event comes first.
        const blocked: string[] = [];
        let failed = false;
        const settle = () => {
          if (failed && blocked.length > 0) resolve({ loaded: false, blocked });
        };
        document.addEventListener('securitypolicyviolation', (event) => {
          blocked.push(`${event.effectiveDirective} ${event.blockedURI}`);
          settle();
        });
        const image = new Image();
        image.onload = () => resolve({ loaded: true, blocked });
        image.onerror = () => {
          failed = true;
          settle();
        };
        image.src = url;
      }),
    REMOTE_IMAGE,
  );
  expect(outcome).toEqual({ loaded: false, blocked: [`img-src ${REMOTE_IMAGE}`] });
});
