// Regenerates the README's screenshots from the built app, in Chromium:
//   npm run build && node scripts/screenshots.mjs
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const port = 4179;
const base = `http://127.0.0.1:${port}`;
const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const corpus = process.env.MAILWRIGHT_CORPUS ?? '../shared/corpus';

const server = spawn(
  'npx',
  ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
  { stdio: 'ignore' },
);
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
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await page.goto(base);
  await page.getByRole('region', { name: 'Raw message' }).waitFor();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: 'docs/compose.png' });
  await page.getByRole('region', { name: 'MIME structure' }).scrollIntoViewIfNeeded();
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'docs/compose-assembled.png' });

  const sample = `${corpus}/php-bounce-handler/eml/1.eml`;
  if (existsSync(sample)) {
    await page.getByRole('tab', { name: 'Inspect' }).click();
    await page.getByLabel('Open .eml file').setInputFiles({
      name: 'bounce.eml',
      mimeType: 'message/rfc822',
      buffer: readFileSync(sample),
    });
    await page.getByRole('region', { name: 'Diagnostics' }).waitFor();
    await page.waitForTimeout(1500);
    await page.screenshot({ path: 'docs/inspect.png' });
  }

  await page.getByRole('tab', { name: 'SES' }).click();
  await page.getByRole('region', { name: 'Identities' }).waitFor();
  await page.waitForTimeout(1000);
  await page.screenshot({ path: 'docs/ses.png' });
  await browser.close();
} finally {
  server.kill();
}
