/** The large messages the browser benchmarks paste. */
import type { Page } from '@playwright/test';

/**
 * Paste a message of about `megabytes` MB (made in the page, so the benchmark does not time
 * the transfer from Node) into Inspect's raw input; returns the milliseconds from the paste to
 * the inspected tree. `wrap` runs the paste-and-wait, for a long-task recorder.
 */
export async function pasteSized(
  page: Page,
  megabytes: number,
  inspected: (page: Page) => Promise<void>,
  wrap: (action: () => Promise<void>) => Promise<void>,
): Promise<number> {
  const input = page.getByRole('textbox', { name: 'Raw message input' });
  await input.click();
  await page.evaluate((size) => {
    const line = 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0\r\n';
    const body = line.repeat(Math.ceil((size * 1024 * 1024) / line.length));
    (window as unknown as { __paste: string }).__paste =
      'From: a@example.com\r\nTo: b@example.org\r\nSubject: Pasted\r\nMIME-Version: 1.0\r\n' +
      'Content-Type: multipart/mixed; boundary="p"\r\n\r\n--p\r\nContent-Type: text/plain\r\n\r\nHi\r\n' +
      '--p\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n' +
      body +
      '--p--\r\n';
  }, megabytes);
  let took = 0;
  await wrap(async () => {
    await input.evaluate((element) => {
      const data = new DataTransfer();
      data.setData('text/plain', (window as unknown as { __paste: string }).__paste);
      (window as unknown as { __pastedAt: number }).__pastedAt = performance.now();
      element.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    });
    await inspected(page);
    took = await page.evaluate(
      () => performance.now() - (window as unknown as { __pastedAt: number }).__pastedAt,
    );
  });
  return took;
}
