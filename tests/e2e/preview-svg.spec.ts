/**
 * An inline SVG part is the one image that can carry script. Opened as a page (its address pasted
 * into the address bar, the image dragged to the tab strip) it must run nothing: the part is
 * sanitized and reaches the frame as a `data:` URL, never as a `blob:` URL of the app's origin.
 */
import { expect, test } from '@playwright/test';
import { HARNESS_ORIGIN, inFrame, openHarness, show } from './support/preview.ts';

// Each way an SVG file runs script reports to the test page's origin and retitles the page.
const HOSTILE_SVG = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     width="20" height="10" onload="fetch('${HARNESS_ORIGIN}/svg-ran/onload')">
  <script>document.title = 'ran'; fetch('${HARNESS_ORIGIN}/svg-ran/script');
    indexedDB.databases().then((list) => fetch('${HARNESS_ORIGIN}/svg-ran/idb?' + list.length));</script>
  <rect width="20" height="10" fill="rgb(0, 128, 0)"/>
  <image href="${HARNESS_ORIGIN}/svg-ran/image.png" width="1" height="1"/>
  <foreignObject width="20" height="10"><iframe xmlns="http://www.w3.org/1999/xhtml" src="javascript:fetch('${HARNESS_ORIGIN}/svg-ran/iframe')"></iframe></foreignObject>
  <a href="javascript:fetch('${HARNESS_ORIGIN}/svg-ran/link')"><text y="10">x</text></a>
</svg>`;

test('an inline SVG part opened as a page runs nothing and is not of the app origin', async ({
  page,
  context,
}) => {
  const ran: string[] = [];
  context.on('request', (request) => {
    if (request.url().includes('/svg-ran')) ran.push(request.url());
  });
  await openHarness(page);
  await show(page, [
    {
      html: '<p><img id="logo" src="cid:logo@example.test" alt="Logo"></p>',
      key: 'svg',
      inlineParts: [
        {
          contentId: '<logo@example.test>',
          contentType: 'image/svg+xml',
          base64: Buffer.from(HOSTILE_SVG).toString('base64'),
        },
      ],
    },
  ]);
  // The image is shown (sanitizing kept the drawing) …
  await expect
    .poll(() =>
      inFrame(
        page,
        0,
        (doc) => (doc.getElementById('logo') as HTMLImageElement).naturalWidth,
        null,
      ),
    )
    .toBe(20);
  const src = await inFrame(
    page,
    0,
    (doc) => doc.getElementById('logo')!.getAttribute('src'),
    null,
  );
  expect(src).toMatch(/^data:image\/svg\+xml;base64,/);

  // … and opened as a page of its own, it is an inert drawing of no origin of the app's.
  const opened = await context.newPage();
  await opened.goto(src!);
  await expect(opened.locator('rect')).toHaveCount(1);
  expect(await opened.evaluate(() => document.getElementsByTagName('script').length)).toBe(0);
  expect(await opened.evaluate(() => origin)).not.toBe(HARNESS_ORIGIN);
  await opened.locator('svg').click();
  await opened.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))),
  );
  expect(await opened.title()).not.toBe('ran');
  expect(ran).toEqual([]);
});
