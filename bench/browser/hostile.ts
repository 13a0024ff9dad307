/**
 * `npx tsx bench/browser/hostile.ts [name…]` (after `npm run build`): each class of hostile
 * content pasted into Inspect on the built site in Chromium, with the longest main-thread task
 * from the paste until the preview shows it. Figures for review, not a test.
 */
import { hostileHtmlMessages } from './hostile-messages.ts';
import { longTasksDuring, withBrowser, ORIGIN } from './page-tools.ts';

const only = process.argv.slice(2);
const scales = (process.env.SCALES ?? '1').split(',').map(Number);

await withBrowser(async (browser) => {
  for (const scale of scales) {
    for (const [name, message] of Object.entries(hostileHtmlMessages(scale))) {
      if (only.length && !only.some((word) => name.includes(word))) continue;
      const context = await browser.newContext({ serviceWorkers: 'block' });
      const page = await context.newPage();
      await page.goto(`${ORIGIN}/`);
      await page.getByRole('tab', { name: 'Inspect' }).click();
      const input = page.getByRole('textbox', { name: 'Raw message input' });
      await input.waitFor();
      await input.click();
      await page.evaluate((text) => {
        (window as unknown as { __paste: string }).__paste = text;
      }, message);
      const profiling = process.env.PROFILE ? await page.context().newCDPSession(page) : undefined;
      if (profiling) {
        await profiling.send('Profiler.enable');
        await profiling.send('Profiler.setSamplingInterval', { interval: 1000 });
        await profiling.send('Profiler.start');
      }
      const start = Date.now();
      const tasks = await longTasksDuring(page, async () => {
        await input.evaluate((element) => {
          const data = new DataTransfer();
          data.setData('text/plain', (window as unknown as { __paste: string }).__paste);
          element.dispatchEvent(
            new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
          );
        });
        await page.getByTestId('summary-subject').filter({ hasText: 'Hostile' }).waitFor({
          timeout: 300_000,
        });
        // The preview has rendered once its status line is up.
        await page.waitForFunction(
          () => document.querySelector('iframe')?.contentDocument?.body?.childElementCount !== 0,
          undefined,
          { timeout: 300_000 },
        );
      });
      if (profiling) {
        const { profile } = await profiling.send('Profiler.stop');
        printHotspots(profile);
      }
      console.log(
        `${name} ×${scale} (${(message.length / 1e6).toFixed(2)} MB): longest task ${tasks.longest.toFixed(0)} ms, ` +
          `${tasks.over50} over 50 ms, ${((Date.now() - start) / 1000).toFixed(1)} s to shown`,
      );
      await context.close();
    }
  }
});

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

// Self time by function, from the sampling profile, top ten.
function printHotspots(profile: {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  (profile.samples ?? []).forEach((id, index) => {
    const frame = byId.get(id)!.callFrame;
    const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas?.[index] ?? 0) / 1000);
  });
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.PROFILE) || 12);
  for (const [key, ms] of top) console.log(`    ${ms.toFixed(0).padStart(6)} ms  ${key}`);
}
