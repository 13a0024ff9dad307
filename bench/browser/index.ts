/**
 * `npm run bench:browser`: the page's budgets, measured on the built site in Chromium and printed
 * as one table (keep it in BENCHMARKS.md). Asserts nothing: timings stay out of tests.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { FIRST_VISIT_BUDGET_KIB, firstVisitKib } from '../bundle-size.ts';
import { keystrokesInSubject, keystrokesWithLargeHtml, type KeystrokeTimes } from './keystroke.ts';
import { largeMessage } from '../workload.ts';
import { pasteSized } from './messages.ts';
import {
  longTasksDuring,
  median,
  openApp,
  ORIGIN,
  percentile,
  showView,
  withBrowser,
  type LongTasks,
} from './page-tools.ts';

/** `npm run bench:browser -- attach` runs only the measures whose name holds "attach". */
const only = process.argv[2];
const want = (name: string) => !only || name.includes(only);
const folder = mkdtempSync(join(tmpdir(), 'mailwright-bench-'));
const rows: [string, string, string][] = [];
const ms = (value: number) => `${value.toFixed(1)} ms`;

function row(what: string, value: string, budget: string): void {
  rows.push([what, value, budget]);
  console.error(`  ${what}: ${value}`);
}

function keystrokeRow(what: string, times: KeystrokeTimes): void {
  row(
    `${what}: keystroke → raw, median / p90`,
    `${ms(median(times.dom))} / ${ms(percentile(times.dom, 90))}`,
    '16 ms median',
  );
}

function taskRow(what: string, tasks: LongTasks): void {
  row(
    `${what}: longest task, tasks over 50 ms`,
    `${tasks.over50 ? ms(tasks.longest) : '< 50 ms'}, ${tasks.over50}`,
    'none over 50 ms',
  );
}

async function timeToInteractive(browser: Browser): Promise<number> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${ORIGIN}/`);
  // Interactive: the draft is open, the raw message assembled, and Subject accepts typing.
  const handle = await page.waitForFunction(
    () => {
      const raw = document.querySelector('[aria-label="Raw message"]');
      const subject = document.querySelector<HTMLInputElement>(
        'input[aria-label="Subject"], #subject',
      );
      return raw?.textContent?.includes('MIME-Version') && (subject ? !subject.disabled : true)
        ? performance.now()
        : 0;
    },
    undefined,
    { polling: 'raf' },
  );
  const value = (await handle.jsonValue()) as number;
  await context.close();
  return value;
}

async function attachLarge(page: Page): Promise<LongTasks> {
  const path = join(folder, 'big.bin');
  const big = Buffer.alloc(20 * 1024 * 1024);
  for (let i = 0; i < big.length; i += 4096) big[i] = i % 251;
  writeFileSync(path, big);
  await showView(page, 'MIME structure');
  return longTasksDuring(page, async () => {
    await page.getByLabel('Attach files').setInputFiles(path);
    await page
      .getByRole('region', { name: 'MIME structure' })
      .getByRole('button', { name: /application\/octet-stream 2\d\.\d MB/ })
      .waitFor({ timeout: 120_000 });
  });
}

async function exportLarge(page: Page): Promise<LongTasks> {
  return longTasksDuring(page, async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export .eml' }).click(),
    ]);
    await download.path();
  });
}

async function openInspect(browser: Browser): Promise<Page> {
  const page = await openApp(browser);
  await page.getByRole('tab', { name: 'Inspect' }).click();
  await page.getByRole('textbox', { name: 'Raw message input' }).waitFor();
  return page;
}

async function inspected(page: Page): Promise<void> {
  await page.getByTestId('summary-parts').waitFor({ timeout: 180_000 });
  await page.getByRole('status').filter({ hasText: 'Inspected' }).waitFor({ timeout: 180_000 });
}

async function openLarge(page: Page): Promise<LongTasks> {
  const path = join(folder, 'large.eml');
  writeFileSync(path, largeMessage());
  return longTasksDuring(page, async () => {
    await page.getByLabel('Open .eml file').setInputFiles(path);
    await inspected(page);
  });
}

async function main(): Promise<void> {
  const kib = firstVisitKib();
  row(
    'first visit, JavaScript gzip',
    kib === undefined ? 'no dist/' : `${kib.toFixed(1)} KiB`,
    `${FIRST_VISIT_BUDGET_KIB} KiB (aim 120)`,
  );
  await withBrowser(async (browser) => {
    if (want('tti')) {
      const ttis: number[] = [];
      for (let i = 0; i < 5; i++) ttis.push(await timeToInteractive(browser));
      row('time to interactive (local, median of 5)', ms(median(ttis)), '');
    }
    if (want('html')) {
      const page = await openApp(browser);
      keystrokeRow('100 KB HTML body', await keystrokesWithLargeHtml(page, 100 * 1024));
      await page.context().close();
    }
    if (want('attach')) {
      const page = await openApp(browser);
      taskRow('attach 20 MB', await attachLarge(page));
      keystrokeRow('20 MB attachment', await keystrokesInSubject(page));
      taskRow('export with 20 MB attached', await exportLarge(page));
      await page.context().close();
    }
    if (want('open')) {
      const page = await openInspect(browser);
      taskRow('open 25 MB in Inspect', await openLarge(page));
      await page.context().close();
    }
    for (const megabytes of want('paste') ? [2, 25] : []) {
      const page = await openInspect(browser);
      const tasks: LongTasks[] = [];
      const took = await pasteSized(page, megabytes, inspected, async (action) => {
        tasks.push(await longTasksDuring(page, action));
      });
      row(`paste ${megabytes} MB → tree`, ms(took), '');
      taskRow(`paste ${megabytes} MB`, tasks[0]!);
      await page.context().close();
    }
  });
  const width = Math.max(...rows.map(([what]) => what.length));
  console.log(`| ${'measure'.padEnd(width)} | value | budget |`);
  console.log(`| ${'-'.repeat(width)} | --- | --- |`);
  for (const [what, value, budget] of rows) {
    console.log(`| ${what.padEnd(width)} | ${value} | ${budget} |`);
  }
}

await main();
