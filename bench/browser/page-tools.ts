/**
 * What the browser benchmarks share: the built site served by `vite preview`, Chromium, a
 * long-task recorder installed in the page, and the statistics the table prints.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';

/** Where the built site is served while the benchmarks run (BENCH_PORT moves it). */
export const PORT = Number(process.env.BENCH_PORT ?? 4199);
export const ORIGIN = `http://127.0.0.1:${PORT}`;

function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
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

/** Serve dist/, start Chromium, run `work`, and stop both whatever happens. */
export async function withBrowser<T>(work: (browser: Browser) => Promise<T>): Promise<T> {
  const server = spawn(
    'npx',
    ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'],
    { stdio: 'ignore', detached: true },
  );
  try {
    await waitForServer(`${ORIGIN}/`);
    const browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: ['--disable-gpu'],
    });
    try {
      return await work(browser);
    } finally {
      await browser.close();
    }
  } finally {
    if (server.pid) process.kill(-server.pid);
  }
}

/** The tab of Compose's assembled-message pane that shows each view. */
const TAB_OF_VIEW = { 'Raw message': 'Raw', 'MIME structure': 'MIME' } as const;

/** Show one of the assembled message's views (opening its tab). */
export async function showView(page: Page, view: keyof typeof TAB_OF_VIEW): Promise<void> {
  await page.getByRole('tab', { name: TAB_OF_VIEW[view], exact: true }).click();
  await page.getByRole('region', { name: view, exact: true }).waitFor();
}

/** A fresh page (its own profile: empty IndexedDB) on the Compose workspace, ready to type. */
export async function openApp(browser: Browser): Promise<Page> {
  // A desktop-sized window: at 1280×720 the panes' handles lie over the controls clicked.
  const context = await browser.newContext({
    serviceWorkers: 'block',
    viewport: { width: 1600, height: 1000 },
  });
  const page = await context.newPage();
  await page.goto(`${ORIGIN}/`);
  await showView(page, 'Raw message');
  await page.getByRole('region', { name: 'Raw message' }).getByText('MIME-Version').waitFor();
  return page;
}

/** Long main-thread tasks seen while `action` ran and until `done` resolved. */
export interface LongTasks {
  longest: number;
  over50: number;
}

/** Record the page's long tasks (50 ms and over) around `action`. */
export async function longTasksDuring(
  page: Page,
  action: () => Promise<unknown>,
): Promise<LongTasks> {
  await page.evaluate(() => {
    const tasks: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration);
    });
    observer.observe({ type: 'longtask', buffered: false });
    (window as unknown as { __tasks: { tasks: number[]; observer: PerformanceObserver } }).__tasks =
      { tasks, observer };
  });
  await action();
  // A task that ends as the condition is met is reported after it: give it two frames.
  return page.evaluate(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const { tasks, observer } = (
      window as unknown as { __tasks: { tasks: number[]; observer: PerformanceObserver } }
    ).__tasks;
    tasks.push(...observer.takeRecords().map((entry) => entry.duration));
    observer.disconnect();
    return { longest: Math.max(0, ...tasks), over50: tasks.filter((t) => t > 50).length };
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
