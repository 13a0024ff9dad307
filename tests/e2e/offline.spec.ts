import { expect, test } from './fixtures.ts';
import { openWorkspaces, showHtmlBody } from './workspaces.ts';

test('after one visit the app opens with the network off, and its cache holds only its own files', async ({
  page,
  context,
  baseURL,
}) => {
  await page.goto('/');
  // The first visit installs the service worker and precaches the app.
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (registration.active?.state !== 'activated') {
      await new Promise<void>((resolve) =>
        registration.active?.addEventListener('statechange', () => resolve()),
      );
    }
  });
  await openWorkspaces(page);
  // Something of the person's: a draft with a subject, and a message pasted into Inspect.
  await page.getByRole('tab', { name: 'Compose' }).click();
  await page.getByRole('textbox', { name: 'Subject', exact: true }).fill('Private subject 7421');

  await context.setOffline(true);
  await page.reload();
  await expect(page).toHaveTitle('Mailwright');
  await openWorkspaces(page);
  await page.getByRole('tab', { name: 'Compose' }).click();
  await expect(page.getByRole('textbox', { name: 'Subject', exact: true })).toHaveValue(
    'Private subject 7421',
  );
  // The HTML preview's frame document comes from the cache as well.
  const origin = new URL(baseURL!).origin;
  expect(await showHtmlBody(page, 'Shown offline')).toBe(`${origin}/preview-frame.html`);

  const cached = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) urls.push(request.url);
    }
    return urls;
  });
  expect(cached.length).toBeGreaterThan(3);
  for (const url of cached) {
    // Only the app's files: its page, scripts, styles, icons and manifest, nothing else.
    expect(url.startsWith(`${origin}/`), url).toBe(true);
    expect(new URL(url).pathname, url).toMatch(
      /^\/(index\.html|preview-frame(-remote)?\.html|workbox-[\w]+\.js|assets\/[\w.-]+\.(js|css)|[\w-]+\.(svg|png|webmanifest)|manifest\.webmanifest)$/,
    );
  }
  await context.setOffline(false);
});
