/**
 * Keystroke → updated raw view: one character typed at a time, timed from the keydown to the
 * moment the raw view's DOM shows the rebuilt message (and to the next frame after it).
 */
import type { Page } from '@playwright/test';
import { showView } from './page-tools.ts';

const SAMPLES = 60;

/** A newsletter-like HTML body of about `bytes` bytes: paragraphs, links and table rows. */
export function largeHtml(bytes: number): string {
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

/** Keydown → raw DOM and → next frame, in milliseconds, one entry per keystroke. */
export interface KeystrokeTimes {
  dom: number[];
  frame: number[];
}

type Probe = { started: number; dom: number[]; frame: number[] };

/** Time `SAMPLES` keystrokes (a character, then Backspace) into whatever has focus. */
export async function timeKeystrokes(page: Page): Promise<KeystrokeTimes> {
  await page.evaluate(() => {
    const probe: Probe = { started: 0, dom: [], frame: [] };
    (window as unknown as { __keystroke: Probe }).__keystroke = probe;
    document.addEventListener('keydown', () => (probe.started = performance.now()), true);
    // The raw view's text (the message pane's tab list carries the same name).
    const content = document.querySelector('[role="textbox"][aria-label="Assembled message"]')!;
    new MutationObserver(() => {
      if (!probe.started) return;
      const started = probe.started;
      probe.started = 0;
      probe.dom.push(performance.now() - started);
      requestAnimationFrame(() => probe.frame.push(performance.now() - started));
    }).observe(content, { subtree: true, childList: true, characterData: true });
  });
  for (let i = 0; i < SAMPLES; i++) {
    await page.keyboard.press(i % 2 ? 'Backspace' : 'x');
    await page.waitForFunction(
      (count) => (window as unknown as { __keystroke: Probe }).__keystroke.frame.length > count,
      i,
      { timeout: 30_000 },
    );
  }
  return page.evaluate(() => {
    const { dom, frame } = (window as unknown as { __keystroke: Probe }).__keystroke;
    return { dom, frame };
  });
}

/** Typing at the start of a 100 KB HTML body, with its part in the raw view. */
export async function keystrokesWithLargeHtml(page: Page, bytes: number): Promise<KeystrokeTimes> {
  const html = page.getByRole('textbox', { name: 'HTML body', exact: true });
  await html.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(largeHtml(bytes));
  // Bring the HTML part into the raw view, so each keystroke changes lines on screen.
  await showView(page, 'MIME structure');
  await page
    .getByRole('region', { name: 'MIME structure' })
    .getByRole('button', { name: /^text\/html/ })
    // By keyboard: the panes' resize handle may lie over the button's centre.
    .press('Enter');
  await showView(page, 'Raw message');
  await page
    .getByRole('region', { name: 'Raw message' })
    .getByText('Monthly digest', { exact: false })
    .first()
    .waitFor();
  await html.focus();
  await page.keyboard.press('ControlOrMeta+Home');
  return timeKeystrokes(page);
}

/** Typing at the end of Subject with a large attachment in the draft. */
export async function keystrokesInSubject(page: Page): Promise<KeystrokeTimes> {
  const subject = page.getByRole('textbox', { name: 'Subject', exact: true });
  await subject.fill('Typing beside a large attachment');
  await showView(page, 'Raw message');
  await page
    .getByRole('region', { name: 'Raw message' })
    .getByText('Subject: Typing beside a large attachment')
    .waitFor({ timeout: 60_000 });
  await subject.press('End');
  return timeKeystrokes(page);
}
