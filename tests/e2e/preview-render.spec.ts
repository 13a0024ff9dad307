import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import {
  HARNESS_ORIGIN,
  clickInFrame,
  expectSettled,
  inFrame,
  openHarness,
  previewFrame,
  show,
} from './support/preview.ts';

// A 2×1 PNG (red, blue), standing in for an inline logo.
const PNG_2X1 =
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR4nGP4z8DwHwyBDAYAP/kF+7oBcRMAAAAASUVORK5CYII=';

const DARK_READY = `<!DOCTYPE html><html><head>
<meta name="color-scheme" content="light dark">
<style>
  .card { background-color: #ffffff; color: #222222; padding: 8px; }
  @media (prefers-color-scheme: dark) {
    .card { background-color: #111111 !important; color: #eeeeee !important; }
  }
</style></head><body><div class="card" id="card">Hello in both schemes</div>
<p style="height: 3000px">Long content</p><p id="end">End</p></body></html>`;

const frameWidth = (page: Page) => inFrame(page, 0, (doc) => doc.defaultView!.innerWidth, null);
const cardStyle = (page: Page) =>
  inFrame(
    page,
    0,
    (doc) => {
      const style = doc.defaultView!.getComputedStyle(doc.getElementById('card')!);
      return style.backgroundColor;
    },
    null,
  );

test('the test page runs under the app’s own CSP, read from index.html', async ({ page }) => {
  await openHarness(page);
  const harnessPolicy = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  const appPolicy = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(
    readFileSync(new URL('../../index.html', import.meta.url), 'utf8'),
  )?.[1];
  expect(harnessPolicy).toBe(appPolicy);
});

test('the frame is sandboxed without scripts and titled HTML preview', async ({ page }) => {
  await openHarness(page);
  await show(page, [{ html: '<p>Hi</p>', key: 'm' }]);
  const frame = previewFrame(page);
  await expect(frame).toHaveAttribute('title', 'HTML preview');
  const sandbox = (await frame.getAttribute('sandbox')) ?? '';
  expect(sandbox.split(/\s+/)).not.toContain('allow-scripts');
  expect(sandbox.split(/\s+/)).not.toContain('allow-top-navigation');
  expect(sandbox.split(/\s+/)).not.toContain('allow-forms');
  const policy = await inFrame(
    page,
    0,
    (doc) => doc.head.firstElementChild?.getAttribute('content') ?? '',
    null,
  );
  expect(policy).toContain("script-src 'none'");
  expect(policy).toContain("default-src 'none'");
});

test('cid: images show the inline part; a cid: without a part is marked', async ({ page }) => {
  await openHarness(page);
  await show(page, [
    {
      html: '<p><img id="logo" src="cid:logo@example.test" alt="Logo"> <img id="gone" src="cid:nope@example.test" alt="Gone"></p>',
      key: 'cid',
      inlineParts: [
        { contentId: '<logo@example.test>', contentType: 'image/png', base64: PNG_2X1 },
      ],
    },
  ]);
  await expect
    .poll(() =>
      inFrame(
        page,
        0,
        (doc) => {
          const image = doc.getElementById('logo') as HTMLImageElement;
          return `${image.naturalWidth}x${image.naturalHeight}`;
        },
        null,
      ),
    )
    .toBe('2x1');
  // The frame shares the page's origin, so the part travels as a blob: URL made by the page.
  expect(
    await inFrame(page, 0, (doc) => doc.getElementById('logo')!.getAttribute('src'), null),
  ).toMatch(new RegExp(`^blob:${HARNESS_ORIGIN.replace(/\./g, '\\.')}/`));
  expect(
    await inFrame(
      page,
      0,
      (doc) => doc.getElementById('gone')!.getAttribute('data-mw-missing-cid'),
      null,
    ),
  ).toBe('nope@example.test');
  await expect(page.getByRole('status')).toContainText(
    'Missing inline part: cid:nope@example.test',
  );
  await expect(page.getByRole('button', { name: 'Load remote content' })).toHaveCount(0);
});

test('blob: URLs of inline parts the message no longer has are revoked', async ({ page }) => {
  await openHarness(page);
  const html = '<img id="logo" src="cid:logo@example.test" alt="Logo">';
  const part = { contentId: 'logo@example.test', contentType: 'image/png', base64: PNG_2X1 };
  await show(page, [{ html, key: 'parts', inlineParts: [part] }]);
  const src = () =>
    inFrame(page, 0, (doc) => doc.getElementById('logo')!.getAttribute('src'), null);
  const first = await src();
  // Loaded in the frame's document, where the URLs are used (the page's own policy has no blob:).
  const loads = (url: string | null) =>
    inFrame(
      page,
      0,
      (doc, href) =>
        new Promise<boolean>((resolve) => {
          const image = doc.createElement('img');
          image.onload = () => resolve(true);
          image.onerror = () => resolve(false);
          image.src = href ?? '';
        }),
      url,
    );
  expect(await loads(first)).toBe(true);
  // The same part decoded again (a new byte array), as after re-reading the message.
  await show(page, [{ html, key: 'parts', inlineParts: [{ ...part }] }]);
  const second = await src();
  expect(second).not.toBe(first);
  expect(await loads(second)).toBe(true);
  expect(await loads(first)).toBe(false);
});

test("dark mode applies the email's own dark styles; inversion inverts", async ({ page }) => {
  await openHarness(page);
  await show(page, [{ html: DARK_READY, key: 'dark' }]);
  expect(await cardStyle(page)).toBe('rgb(255, 255, 255)');

  await page.getByRole('button', { name: 'Dark mode' }).click();
  await expect(page.getByRole('button', { name: 'Dark mode' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect.poll(() => cardStyle(page)).toBe('rgb(17, 17, 17)');
  // The email declared dark support, so the page canvas is dark too.
  expect(
    await inFrame(
      page,
      0,
      (doc) => doc.defaultView!.getComputedStyle(doc.documentElement).colorScheme,
      null,
    ),
  ).toBe('dark');

  await page.getByRole('button', { name: 'Dark mode' }).click();
  await expect.poll(() => cardStyle(page)).toBe('rgb(255, 255, 255)');

  await page.getByRole('button', { name: 'Invert colours' }).click();
  await expect
    .poll(() => inFrame(page, 0, (doc) => doc.defaultView!.getComputedStyle(doc.body).filter, null))
    .toBe('invert(1) hue-rotate(180deg)');
  const shot = await previewFrame(page).screenshot();
  await page.getByRole('button', { name: 'Invert colours' }).click();
  await expect
    .poll(() => inFrame(page, 0, (doc) => doc.defaultView!.getComputedStyle(doc.body).filter, null))
    .toBe('none');
  expect((await previewFrame(page).screenshot()).equals(shot)).toBe(false);
});

test('width controls size the frame: phone, tablet, desktop and free', async ({ page }) => {
  await openHarness(page);
  await show(page, [{ html: DARK_READY, key: 'widths' }]);
  await page.getByRole('button', { name: 'Phone' }).click();
  await expect.poll(() => frameWidth(page)).toBe(375);
  await page.getByRole('button', { name: 'Tablet' }).click();
  await expect.poll(() => frameWidth(page)).toBe(768);
  await page.getByRole('button', { name: 'Desktop' }).click();
  await expect.poll(() => frameWidth(page)).toBeGreaterThan(768);

  await page.getByRole('button', { name: 'Free width' }).click();
  const input = page.getByRole('spinbutton', { name: 'Width in pixels' });
  await input.fill('500');
  await expect.poll(() => frameWidth(page)).toBe(500);

  // Drag the stage's resize corner 120 px to the right.
  const stage = page.locator('.stage');
  const box = (await stage.boundingBox())!;
  await page.mouse.move(box.x + box.width - 4, box.y + box.height - 4);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width + 116, box.y + box.height - 4, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => frameWidth(page)).toBe(620);
  await expect(input).toHaveValue('620');
});

test('plain text shows side by side with the HTML', async ({ page }) => {
  await openHarness(page);
  await show(page, [{ html: '<p>Hello</p>', text: 'Hello in plain text', key: 'text' }]);
  await expect(page.getByRole('region', { name: 'Plain-text version' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Show plain text' }).click();
  const region = page.getByRole('region', { name: 'Plain-text version' });
  await expect(region).toHaveText('Hello in plain text');
  const [frameBox, textBox] = await Promise.all([
    previewFrame(page).boundingBox(),
    region.boundingBox(),
  ]);
  expect(textBox!.x).toBeGreaterThan(frameBox!.x + frameBox!.width - 1);
});

test('editing the HTML updates the frame in place, keeping its scroll offset', async ({ page }) => {
  await openHarness(page);
  await show(page, [{ html: DARK_READY, key: 'edit' }]);
  await page.evaluate(() => {
    const frame = document.querySelector<HTMLIFrameElement>('iframe[title="HTML preview"]')!;
    frame.contentWindow!.scrollTo(0, 1200);
    (window as unknown as { shownDocument: Document }).shownDocument = frame.contentDocument!;
  });
  await show(page, [{ html: DARK_READY.replace('Hello in both', 'Edited in both'), key: 'edit' }]);
  const after = await page.evaluate(() => {
    const frame = document.querySelector<HTMLIFrameElement>('iframe[title="HTML preview"]')!;
    return {
      scrollY: frame.contentWindow!.scrollY,
      sameDocument:
        frame.contentDocument === (window as unknown as { shownDocument: Document }).shownDocument,
      text: frame.contentDocument!.getElementById('card')!.textContent,
    };
  });
  expect(after).toEqual({ scrollY: 1200, sameDocument: true, text: 'Edited in both schemes' });
});

test('Load remote content reloads the frame with the wider policy and keeps the scroll offset', async ({
  page,
}) => {
  await openHarness(page);
  // Port 9 on 127.0.0.1 (discard) refuses at once: the load fails without leaving the machine.
  const html = DARK_READY.replace(
    '<p id="end">',
    '<img src="http://127.0.0.1:9/late.png" alt="Late"><p id="end">',
  );
  await show(page, [{ html, key: 'remote' }]);
  await page.evaluate(() => {
    const frame = document.querySelector<HTMLIFrameElement>('iframe[title="HTML preview"]')!;
    frame.contentWindow!.scrollTo(0, 900);
    (window as unknown as { shownDocument: Document }).shownDocument = frame.contentDocument!;
  });
  await page.getByRole('button', { name: 'Load remote content' }).click();
  await expectSettled(page);
  const after = await page.evaluate(() => {
    const frame = document.querySelector<HTMLIFrameElement>('iframe[title="HTML preview"]')!;
    const doc = frame.contentDocument!;
    return {
      scrollY: frame.contentWindow!.scrollY,
      newDocument: doc !== (window as unknown as { shownDocument: Document }).shownDocument,
      policyAllowsImages: doc.head
        .firstElementChild!.getAttribute('content')!
        .includes('img-src data: blob: http: https:'),
      src: doc.querySelector('img[alt="Late"]')!.getAttribute('src'),
    };
  });
  expect(after).toEqual({
    scrollY: 900,
    newDocument: true,
    policyAllowsImages: true,
    src: 'http://127.0.0.1:9/late.png',
  });
});

test('a preview frame moved within the page shows its email again', async ({ page }) => {
  await openHarness(page);
  await show(page, [{ html: '<p id="moved">Still here</p>', key: 'moved' }]);
  const first = await inFrame(page, 0, (doc) => doc.getElementById('moved')?.textContent, null);
  expect(first).toBe('Still here');
  // Moving an iframe element reloads it: it starts again from a blank document.
  await previewFrame(page).evaluate((frame) => frame.parentElement!.append(frame));
  await expect(previewFrame(page).contentFrame().locator('#moved')).toHaveText('Still here');
  await expectSettled(page);
});

test('links open in a new browsing context and never navigate the app', async ({ page }) => {
  await openHarness(page);
  const target = `${HARNESS_ORIGIN}/favicon.svg`;
  await show(page, [
    { html: `<p><a id="out" href="${target}" target="_top">Open the site</a></p>`, key: 'links' },
  ]);
  expect(
    await inFrame(
      page,
      0,
      (doc) => {
        const link = doc.getElementById('out')!;
        return [link.getAttribute('target'), link.getAttribute('rel')];
      },
      null,
    ),
  ).toEqual(['_blank', 'noopener noreferrer']);
  const popup = page.waitForEvent('popup');
  await clickInFrame(page, 0, '#out');
  const opened = await popup;
  await opened.waitForLoadState();
  expect(opened.url()).toBe(target);
  expect(page.url()).toContain('/tests/e2e/harness/preview.html');
  await expectSettled(page);
});

test('an in-email fragment link scrolls within the frame and the email stays', async ({ page }) => {
  await openHarness(page);
  const filler = '<p style="height: 2000px">Top</p>';
  await show(page, [
    {
      html: `<p><a id="jump" href="#section2">Section 2</a></p>${filler}<h2 id="section2">Section 2</h2>${filler}`,
      key: 'fragment',
    },
  ]);
  await clickInFrame(page, 0, '#jump');
  await expect
    .poll(() => inFrame(page, 0, (doc) => doc.defaultView!.scrollY, null))
    .toBeGreaterThan(1000);
  expect(
    await inFrame(page, 0, (doc) => [doc.URL, doc.getElementById('section2')?.textContent], null),
  ).toEqual([`${HARNESS_ORIGIN}/preview-frame.html#section2`, 'Section 2']);
  expect(page.url()).toContain('/tests/e2e/harness/preview.html');
});

test('the page around the preview passes an axe scan', async ({ page }) => {
  await openHarness(page);
  await show(page, [
    {
      html: `<p>Hi <img src="https://images.example/logo.png" alt="Logo"></p>`,
      text: 'Hi',
      key: 'axe',
    },
  ]);
  await page.getByRole('button', { name: 'Show plain text' }).click();
  await page.getByRole('button', { name: 'Free width' }).click();
  const results = await new AxeBuilder({ page }).exclude('iframe[title="HTML preview"]').analyze();
  expect(results.violations, JSON.stringify(results.violations, null, 2)).toEqual([]);
});
