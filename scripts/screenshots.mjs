// Regenerates the README's screenshots from the built app, in Chromium:
//   npm run build && node scripts/screenshots.mjs
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';

const port = 4179;
const base = `http://127.0.0.1:${port}`;
const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

const server = spawn(
  'npx',
  ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
  { stdio: 'ignore' },
);

/** Let fonts, panes and the preview settle before a picture is taken. */
async function settle(page) {
  await page.evaluate(() => document.fonts.ready);
  await page.waitForLoadState('networkidle');
}

/** A fresh page (a new profile: the demo account, the sample draft) in a colour scheme. */
async function openPage(browser, viewport, colorScheme) {
  const context = await browser.newContext({ viewport, colorScheme, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(base);
  // Assembled: the actions that need the message are enabled.
  await page.waitForFunction(() =>
    [...document.querySelectorAll('button')].some(
      (b) => b.textContent?.includes('Export .eml') && !b.disabled,
    ),
  );
  await settle(page);
  return page;
}

try {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(base)).ok) break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  mkdirSync('docs', { recursive: true });
  const browser = await chromium.launch({ executablePath, args: ['--disable-gpu'] });
  const desktop = { width: 1440, height: 900 };

  const light = await openPage(browser, desktop, 'light');
  await light.screenshot({ path: 'docs/compose.png' });
  await light.getByRole('tab', { name: 'Raw', exact: true }).click();
  await light.getByRole('region', { name: 'Raw message' }).waitFor();
  await settle(light);
  await light.screenshot({ path: 'docs/compose-assembled.png' });
  await light.getByRole('tab', { name: 'Checks', exact: true }).click();
  await light.getByRole('region', { name: 'Checks' }).getByText('Score').waitFor();
  await settle(light);
  await light.screenshot({ path: 'docs/checks.png' });

  await light.getByRole('tab', { name: 'Inspect', exact: true }).click();
  await light.getByRole('button', { name: 'Try a sample' }).click();
  await light.getByRole('menuitem').first().click();
  await light.getByRole('tablist', { name: 'Message details' }).waitFor();
  await settle(light);
  await light.screenshot({ path: 'docs/inspect.png' });

  await light.getByRole('tab', { name: 'SES', exact: true }).click();
  await light
    .getByRole('navigation', { name: 'SES pages' })
    .getByRole('button', { name: 'Sending activity' })
    .click();
  await light.getByRole('region', { name: 'Sent messages' }).waitFor();
  await settle(light);
  await light.screenshot({ path: 'docs/ses.png' });

  const dark = await openPage(browser, desktop, 'dark');
  await dark.screenshot({ path: 'docs/compose-dark.png' });

  const phone = await openPage(browser, { width: 390, height: 844 }, 'light');
  await phone.screenshot({ path: 'docs/compose-phone.png' });
  await browser.close();
} finally {
  server.kill();
}
