// Browser tests need a Chromium. Say exactly how to get one rather than fail obscurely.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].filter(Boolean);
let found = candidates.find((path) => existsSync(path));
if (!found) {
  try {
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) found = bundled;
  } catch {
    // Playwright has no browser of its own here.
  }
}
if (!found) {
  console.error(`No Chromium found for the browser tests.
Install one of:
  - Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium
  - elsewhere:      npx playwright install chromium
or point CHROMIUM_PATH at an existing Chromium or Chrome binary.`);
  process.exit(1);
}
