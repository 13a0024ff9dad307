import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/**
 * Browser tests run against the built app served by `vite preview`. Chromium comes from
 * $CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own download.
 */
function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return undefined;
}

const port = 4173;
const harnessPort = 4174;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    acceptDownloads: true,
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: chromiumPath(),
          args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-sync'],
        },
      },
    },
  ],
  webServer: [
    {
      command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
      url: `http://127.0.0.1:${port}`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      // The HTML preview's test page (tests/e2e/harness): the real component under the app's
      // CSP, served by the dev server so it never ships in dist/.
      command: `npx vite --config tests/e2e/harness/vite.config.ts --host 127.0.0.1 --port ${harnessPort} --strictPort`,
      url: `http://127.0.0.1:${harnessPort}/tests/e2e/harness/preview.html`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
});
