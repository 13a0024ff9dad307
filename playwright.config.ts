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

// E2E_PORT and E2E_HARNESS_PORT move the servers, so two checkouts can run their tests at once.
// A server already on a port is never reused: it may be another checkout's, serving other code,
// so the run stops with "... is already used" instead of silently testing the wrong build.
const port = Number(process.env.E2E_PORT ?? 4173);
const harnessPort = Number(process.env.E2E_HARNESS_PORT ?? 4174);

const launchOptions = {
  executablePath: chromiumPath(),
  args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-sync'],
};

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
    // The production build registers a service worker; tests that count requests or reload after
    // a change must see the network, so only the offline spec lets it run.
    serviceWorkers: 'block',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: /offline\.spec\.ts/,
      use: { ...devices['Desktop Chrome'], launchOptions },
    },
    {
      name: 'offline',
      testMatch: /offline\.spec\.ts/,
      use: { ...devices['Desktop Chrome'], launchOptions, serviceWorkers: 'allow' },
    },
  ],
  webServer: [
    {
      command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
      url: `http://127.0.0.1:${port}`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      // The HTML preview's test page (tests/e2e/harness): the real component under the app's
      // CSP, served by the dev server so it never ships in dist/.
      command: `npx vite --config tests/e2e/harness/vite.config.ts --host 127.0.0.1 --port ${harnessPort} --strictPort`,
      url: `http://127.0.0.1:${harnessPort}/tests/e2e/harness/preview.html`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
