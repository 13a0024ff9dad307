/**
 * Driving the HTML preview's test page (tests/e2e/harness) from Playwright.
 */
import { expect, type Page } from '@playwright/test';
import { HARNESS_ORIGIN, HARNESS_URL, type HarnessMessage } from '../harness/harness-api.ts';

export { HARNESS_ORIGIN, HARNESS_URL, type HarnessMessage };

/** Opens the test page and waits until it can take messages. */
export async function openHarness(page: Page): Promise<void> {
  await page.goto(HARNESS_URL);
  await page.waitForFunction(() => 'previewHarness' in window);
}

/** Shows messages (one preview each) and waits until every frame shows its message. */
export async function show(page: Page, messages: HarnessMessage[]): Promise<void> {
  await page.evaluate(async (list) => {
    const harness = (window as unknown as { previewHarness: { show(m: unknown): Promise<void> } })
      .previewHarness;
    await harness.show(list);
  }, messages);
}

/** The iframe element of the n-th preview. */
export function previewFrame(page: Page, index = 0) {
  return page.locator('iframe[title="HTML preview"]').nth(index);
}

/**
 * Evaluates a function against the n-th preview's document from the page: the frame allows the
 * same origin but no scripts, so the page reaches in and nothing runs inside the frame.
 */
export async function inFrame<T, A>(
  page: Page,
  index: number,
  fn: (document: Document, arg: A) => T,
  arg: A,
): Promise<T> {
  const frameDocument = await page.evaluateHandle((at) => {
    const frame = document.querySelectorAll('iframe[title="HTML preview"]')[at] as
      HTMLIFrameElement | undefined;
    const found = frame?.contentDocument;
    if (!found) throw new Error(`No preview document at index ${at}.`);
    return found;
  }, index);
  try {
    return (await frameDocument.evaluate(fn as never, arg as never)) as T;
  } finally {
    await frameDocument.dispose();
  }
}

/** Waits until every preview on the page shows its current message. */
export async function expectSettled(page: Page): Promise<void> {
  await expect(page.locator('.html-preview[data-state="loading"]')).toHaveCount(0);
}

/**
 * Lets the page render twice: by then any image, stylesheet or font the preview would load has
 * been requested (the frame's load event already covered those that block it).
 */
export async function afterRendering(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0))),
      ),
  );
}

/** Clicks an element inside the n-th preview at its centre, as a person would. */
export async function clickInFrame(page: Page, index: number, selector: string): Promise<void> {
  const frameBox = await previewFrame(page, index).boundingBox();
  const box = await inFrame(
    page,
    index,
    (doc, target) => {
      const rect = doc.querySelector(target)!.getBoundingClientRect();
      return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
    },
    selector,
  );
  if (!frameBox) throw new Error('The preview frame is not visible.');
  await page.mouse.click(frameBox.x + box.x, frameBox.y + box.y);
}
