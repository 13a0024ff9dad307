// Local override: the shared machine's port 4173 may be serving another worktree's build.
import base from './playwright.config.ts';
import { defineConfig } from '@playwright/test';
const port = 4183;
export default defineConfig({
  ...base,
  testDir: '/work/mw-compose',
  outputDir: '/work/mw-compose/test-results',
  use: { ...base.use, baseURL: `http://127.0.0.1:${port}` },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    cwd: '/work/mw-compose',
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
