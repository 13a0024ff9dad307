/**
 * Keystroke → updated raw view, in a real browser: the Compose workspace with a 100 KB HTML body,
 * one character typed at a time at the start of the HTML, timed from the keydown to the moment
 * the raw view's DOM shows the rebuilt message (and to the next frame after it). Prints medians;
 * asserts nothing. Run with `npm run bench:browser` (it builds first).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';

const PORT = 4199;
const SAMPLES = 60;
const HTML_BYTES = 100 * 1024;

function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/** A newsletter-like HTML body of about `bytes` bytes: paragraphs, links and table rows. */
function largeHtml(bytes: number): string {
  const rows: string[] = ['<!doctype html>', '<html><body>', '<h1>Monthly digest</h1>'];
  for (let i = 0; rows.join('\n').length < bytes; i++) {
    rows.push(
      `<p>Item ${i}: a short paragraph about something worth reading, with <a href="https://example.com/articles/${i}">a link</a> and some <b>bold</b> words.</p>`,
      `<table><tr><td>Row ${i}</td><td align="right">${(i * 3.7).toFixed(2)}</td></tr></table>`,
    );
  }
  rows.push('</body></html>');
  return rows.join('\n');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function waitForServer(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The preview server did not start at ${url}.`);
}

async function measure(page: Page): Promise<{ dom: number[]; frame: number[]; timing: string }> {
  const html = page.getByRole('textbox', { name: 'HTML body', exact: true });
  await html.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(largeHtml(HTML_BYTES));
  const raw = page.getByRole('region', { name: 'Raw message' });
  // Bring the HTML part into the raw view, so each keystroke changes lines on screen.
  await page
    .getByRole('region', { name: 'MIME structure' })
    .getByRole('button', { name: /^text\/html/ })
    .click();
  await page.waitForTimeout(500);
  await html.click();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.evaluate(() => {
    const state = { started: 0, dom: [] as number[], frame: [] as number[] };
    (window as unknown as { __keystroke: typeof state }).__keystroke = state;
    const editor = document.querySelector('[aria-label="HTML body"]')!;
    editor.addEventListener('keydown', () => (state.started = performance.now()), true);
    const content = document.querySelector('[aria-label="Assembled message"]')!;
    new MutationObserver(() => {
      if (!state.started) return;
      const started = state.started;
      state.started = 0;
      state.dom.push(performance.now() - started);
      requestAnimationFrame(() => state.frame.push(performance.now() - started));
    }).observe(content, { subtree: true, childList: true, characterData: true });
  });
  await expectRaw(raw);
  for (let i = 0; i < SAMPLES; i++) {
    await page.keyboard.press(i % 2 ? 'Backspace' : 'x');
    await page.waitForFunction(
      (count) =>
        (window as unknown as { __keystroke: { frame: number[] } }).__keystroke.frame.length >
        count,
      i,
      { timeout: 10_000 },
    );
  }
  const timing = (await raw.getByText(/assembled in/).textContent()) ?? '';
  const result = await page.evaluate(() => {
    const { dom, frame } = (
      window as unknown as { __keystroke: { dom: number[]; frame: number[] } }
    ).__keystroke;
    return { dom, frame };
  });
  return { ...result, timing };
}

async function expectRaw(raw: ReturnType<Page['getByRole']>): Promise<void> {
  await raw.getByText('Content-Type: text/html', { exact: false }).first().waitFor();
}

async function main(): Promise<void> {
  const server: ChildProcess = spawn(
    'npx',
    ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'],
    { stdio: 'ignore', detached: true },
  );
  try {
    await waitForServer(`http://127.0.0.1:${PORT}/`);
    const browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: ['--disable-gpu'],
    });
    try {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${PORT}/`);
      await page.getByRole('region', { name: 'Raw message' }).getByText('MIME-Version').waitFor();
      const { dom, frame, timing } = await measure(page);
      const format = (value: number) => `${value.toFixed(1)} ms`;
      console.log(
        `Keystroke → raw view, ${HTML_BYTES / 1024} KB HTML body, ${dom.length} keystrokes`,
      );
      console.log(
        `  DOM updated:   median ${format(median(dom))}, p90 ${format(percentile(dom, 90))}`,
      );
      console.log(
        `  next frame:    median ${format(median(frame))}, p90 ${format(percentile(frame, 90))}`,
      );
      console.log(`  last build (buildMessage): ${timing.replace('assembled in ', '')}`);
      console.log('  budget (SPEC): 16 ms at the median');
    } finally {
      await browser.close();
    }
  } finally {
    if (server.pid) process.kill(-server.pid);
  }
}

await main();
