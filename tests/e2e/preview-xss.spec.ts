/**
 * Every XSS vector of the shared corpus (H5SC and payloadbox's list) rendered through the real
 * preview in Chromium: each payload in a frame of its own, and each batch of payloads together in
 * one document updated in place. Nothing may run, nothing may be requested, and the sanitized
 * documents must hold none of the constructs the corpus manifest lists.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { scriptingLeftoversIn } from '../lib/html/leftovers.ts';
import { corpusDir, corpusSkipReason, readCorpusText } from './support/corpus.ts';
import { HARNESS_ORIGIN, afterRendering, openHarness, show } from './support/preview.ts';

interface Payload {
  source: string;
  html: string;
}

// Binary or non-markup attachments of H5SC, which say nothing about an HTML sanitizer.
const SKIPPED_ATTACHMENTS = new Set(['test.wbxml']);

function loadPayloads(): Payload[] {
  const payloads: Payload[] = [];
  const items = JSON.parse(readCorpusText('h5sc', '_extracted', 'items.json')) as {
    records: Array<{ id: number; data_expanded: string }>;
  };
  for (const item of items.records) {
    payloads.push({ source: `h5sc item ${item.id}`, html: item.data_expanded });
  }
  payloads.push({ source: 'h5sc vectors.txt', html: readCorpusText('h5sc', 'vectors.txt') });
  for (const name of readdirSync(join(corpusDir, 'h5sc', 'attachments')).sort()) {
    if (SKIPPED_ATTACHMENTS.has(name)) continue;
    payloads.push({ source: `h5sc ${name}`, html: readCorpusText('h5sc', 'attachments', name) });
  }
  const list = readCorpusText('payloadbox-xss-payload-list', 'Intruder', 'xss-payload-list.txt');
  const seen = new Set<string>();
  list.split('\n').forEach((line, index) => {
    const html = line.replace(/\r$/, '');
    if (html.trim() === '' || seen.has(html)) return;
    seen.add(html);
    payloads.push({ source: `payloadbox line ${index + 1}`, html });
  });
  return payloads;
}

/** Previews per batch: each payload gets a frame (and a fresh document) of its own. */
const BATCH = 48;

interface Watch {
  dialogs: string[];
  /** alert()/confirm()/prompt() calls the sandbox refused: only a running script makes them. */
  modalCalls: string[];
  leaving: string[];
  sameOrigin: string[];
  /** Violations of the frame's own policy: something the sanitizer let through tried to act. */
  frameCsp: string[];
  /**
   * Chromium reports inline handlers and `<base>` against the page's CSP even while parsing into
   * an inert DOMParser document (nothing runs there); counted, not failed.
   */
  inertParseReports: number;
  pageErrors: string[];
}

// Directives only the frame's policy has (the app's policy allows more or says it otherwise).
const FRAME_DIRECTIVE =
  /"(?:script-src 'none'|default-src 'none'|img-src data: blob:|font-src data: blob:|style-src 'unsafe-inline'|media-src 'none'|connect-src 'none'|frame-src 'none'|child-src 'none'|worker-src 'none')"/;

const FRAME_DOCUMENT = /^\/preview-frame(-remote)?\.html$/;

function watch(page: Page): Watch {
  const seen: Watch = {
    dialogs: [],
    modalCalls: [],
    leaving: [],
    sameOrigin: [],
    frameCsp: [],
    inertParseReports: 0,
    pageErrors: [],
  };
  page.on('dialog', (dialog) => {
    seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    const text = message.text();
    if (/Ignored call to '(alert|confirm|prompt|print)/i.test(text)) seen.modalCalls.push(text);
    else if (FRAME_DIRECTIVE.test(text)) seen.frameCsp.push(text);
    else if (/Content Security Policy/i.test(text)) seen.inertParseReports++;
  });
  page.on('pageerror', (error) => seen.pageErrors.push(error.message));
  page.on('request', (request) => {
    const url = request.url();
    if (/^(data|blob|about):/i.test(url)) return;
    // The page loading the app's own frame document into a preview, before the email is in it.
    if (request.isNavigationRequest() && FRAME_DOCUMENT.test(new URL(url).pathname)) return;
    (url.startsWith(HARNESS_ORIGIN) ? seen.sameOrigin : seen.leaving).push(url);
  });
  return seen;
}

/** Nothing ran, nothing was requested after the page's own assets, no policy was violated. */
function expectNothingHappened(seen: Watch, assetRequests: number): void {
  expect(seen.dialogs).toEqual([]);
  expect(seen.modalCalls).toEqual([]);
  expect(seen.pageErrors).toEqual([]);
  expect(seen.leaving).toEqual([]);
  expect(seen.sameOrigin.slice(assetRequests)).toEqual([]);
  expect(seen.frameCsp).toEqual([]);
}

/**
 * Constructs the corpus manifest says a sanitized document must not hold, per preview, found by
 * the same checks the unit tests run with jsdom, here on the documents Chromium rendered.
 */
async function findLeftovers(page: Page): Promise<string[]> {
  const perFrame = await page.evaluate<Array<string[] | null>>(
    `Array.from(document.querySelectorAll('iframe[title="HTML preview"]'), (frame) =>
      frame.contentDocument ? (${scriptingLeftoversIn.toString()})(frame.contentDocument, true) : null)`,
  );
  return perFrame.flatMap((problems, index) =>
    (problems ?? ['no document']).map((problem) => `preview ${index}: ${problem}`),
  );
}

test('every corpus XSS payload renders inert: no script, no dialog, no request', async ({
  page,
}) => {
  const skip =
    corpusSkipReason() ??
    corpusSkipReason('payloadbox-xss-payload-list', 'Intruder', 'xss-payload-list.txt');
  test.skip(skip !== null, skip ?? '');
  test.setTimeout(600_000);

  const limit = Number(process.env.MAILWRIGHT_XSS_LIMIT ?? Infinity);
  const payloads = loadPayloads().slice(0, limit);
  const started = Date.now();
  const seen = watch(page);
  await openHarness(page);
  const before = await page.evaluate(() => {
    (window as unknown as { mailwrightSentinel: string }).mailwrightSentinel = 'intact';
    return {
      // Indexed names are the page's child frames, which come and go with the previews.
      globals: Object.getOwnPropertyNames(window)
        .filter((name) => !/^\d+$/.test(name))
        .sort(),
      title: document.title,
      url: location.href,
    };
  });
  const assetRequests = seen.sameOrigin.length;
  const leftovers: string[] = [];
  const check = async (describe: (index: number) => string) => {
    await afterRendering(page);
    for (const problem of await findLeftovers(page)) {
      leftovers.push(`${describe(Number(/preview (\d+)/.exec(problem)?.[1]))}: ${problem}`);
    }
  };

  // 1. The H5SC vectors each in a fresh document (a new key per payload reloads the frame).
  const h5sc = payloads.filter((payload) => payload.source.startsWith('h5sc'));
  for (let start = 0; start < h5sc.length; start += BATCH) {
    const batch = h5sc.slice(start, start + BATCH);
    await show(
      page,
      batch.map((payload, offset) => ({ html: payload.html, key: `fresh-${start + offset}` })),
    );
    await check((index) => batch[index]?.source ?? '?');
  }
  // 2. Every payload alone in its own preview, swapped into the frame in place as an editor
  //    would; 3. each batch of payloads together in one document.
  for (let start = 0; start < payloads.length; start += BATCH) {
    const batch = payloads.slice(start, start + BATCH);
    await show(
      page,
      batch.map((payload, offset) => ({ html: payload.html, key: `slot-${offset}` })),
    );
    await check((index) => batch[index]?.source ?? '?');
    await show(page, [
      { html: batch.map((payload) => payload.html).join('\n'), key: 'slot-0' },
      ...batch
        .slice(1)
        .map((payload, offset) => ({ html: payload.html, key: `slot-${offset + 1}` })),
    ]);
    await check((index) => (index === 0 ? `batch at ${start}` : (batch[index]?.source ?? '?')));
  }

  const after = await page.evaluate(() => ({
    // Indexed names are the page's child frames, which come and go with the previews.
    globals: Object.getOwnPropertyNames(window)
      .filter((name) => !/^\d+$/.test(name))
      .sort(),
    title: document.title,
    url: location.href,
    sentinel: (window as unknown as { mailwrightSentinel: string }).mailwrightSentinel,
  }));
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `XSS corpus: ${payloads.length} payloads (${h5sc.length} also in fresh documents) in ` +
      `${seconds.toFixed(1)} s; dialogs ${seen.dialogs.length}, modal calls ${seen.modalCalls.length}, ` +
      `requests leaving ${seen.leaving.length}, same-origin requests after load ` +
      `${seen.sameOrigin.length - assetRequests}, frame CSP violations ${seen.frameCsp.length}, ` +
      `leftovers ${leftovers.length}; app-CSP reports from inert parsing ${seen.inertParseReports}`,
  );

  if (Number.isFinite(limit)) console.warn(`NOTE: only ${limit} payloads (MAILWRIGHT_XSS_LIMIT).`);
  else expect(payloads.length).toBeGreaterThan(6_500);
  expectNothingHappened(seen, assetRequests);
  expect(leftovers).toEqual([]);
  expect(after).toEqual({ ...before, sentinel: 'intact' });

  // The page still answers: a control responds and the preview still renders.
  await show(page, [{ html: '<p id="alive">Still here</p>', key: 'after' }]);
  const dark = page.getByRole('button', { name: 'Dark mode' });
  await dark.click();
  await expect(dark).toHaveAttribute('aria-pressed', 'true');
  await expect(page.frameLocator('iframe[title="HTML preview"]').locator('#alive')).toHaveText(
    'Still here',
  );
});

// What a review of the preview found, each as the attacker wrote it.
const SVG_PART = Buffer.from(
  `<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4" onload="alert(1)"><script>alert(2)</script><rect width="4" height="4"/></svg>`,
).toString('base64');
const ESCAPED_MARKUP =
  '\\3C /style\\3E \\3C a id=injected rel=opener href=https://evil.example/ target=_blank\\3E popup\\3C /a\\3E \\3C meta http-equiv=refresh content=0;url=data:text/html,spoof\\3E \\3C iframe src=data:text/html,spoof\\3E ';
const REVIEW_VECTORS: Array<{ source: string; html: string; svg?: boolean }> = [
  {
    source: 'inline SVG part with script',
    html: '<img id="svg" src="cid:art@example.test" alt="">',
    svg: true,
  },
  {
    source: '</style> decoded from CSS escapes in a data: URL',
    html: `<style>.a { background: url("data:image/png,${ESCAPED_MARKUP}"); }</style><p class="a">x</p>`,
  },
  {
    source: '</style> decoded from CSS escapes in image-set()',
    html: `<style>.b { background-image: image-set("data:image/png,${ESCAPED_MARKUP}" 1x); }</style><p class="b">x</p>`,
  },
  {
    source: 'fragment link',
    html: '<a id="frag" href="#section2">Section 2</a><h2 id="section2">Section 2</h2>',
  },
];

test('the vectors found in review render inert', async ({ page }) => {
  const seen = watch(page);
  await openHarness(page);
  const assetRequests = seen.sameOrigin.length;
  await show(
    page,
    REVIEW_VECTORS.map((vector, index) => ({
      html: vector.html,
      key: `review-${index}`,
      inlineParts: vector.svg
        ? [{ contentId: 'art@example.test', contentType: 'image/svg+xml', base64: SVG_PART }]
        : [],
    })),
  );
  await afterRendering(page);
  const leftovers = (await findLeftovers(page)).map((problem) => {
    const index = Number(/preview (\d+)/.exec(problem)?.[1]);
    return `${REVIEW_VECTORS[index]?.source ?? '?'}: ${problem}`;
  });
  const frames = await page.evaluate(() =>
    Array.from(document.querySelectorAll('iframe[title="HTML preview"]'), (frame) => {
      const doc = (frame as HTMLIFrameElement).contentDocument!;
      return {
        injected: doc.querySelectorAll('#injected, iframe, meta[http-equiv="refresh"]').length,
        svg: doc.getElementById('svg')?.getAttribute('src')?.slice(0, 30) ?? null,
        fragment: doc.getElementById('frag')?.getAttribute('href') ?? null,
      };
    }),
  );
  expect(leftovers).toEqual([]);
  expect(frames.map((frame) => frame.injected)).toEqual([0, 0, 0, 0]);
  expect(frames[0]!.svg).toBe('data:image/svg+xml;base64,PHN2');
  expect(frames[3]!.fragment).toBe('#section2');
  expectNothingHappened(seen, assetRequests);
});
