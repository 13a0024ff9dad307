/** The large messages the browser benchmarks open and paste. */
import type { Page } from '@playwright/test';

/** A 25 MB message: headers, a text part and an 18 MB attachment in base64 lines of 76. */
export function largeMessage(): Buffer {
  const attachment = Buffer.alloc(18 * 1024 * 1024);
  for (let i = 0; i < attachment.length; i++) attachment[i] = (i * 7919) & 0xff;
  const base64 = attachment.toString('base64').replace(/.{76}/g, '$&\r\n');
  const head =
    'From: Big Sender <big@example.com>\r\nTo: you@example.org\r\nSubject: A very large message\r\n' +
    'Date: Fri, 27 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n' +
    'Content-Type: multipart/mixed; boundary="big"\r\n\r\n--big\r\n' +
    'Content-Type: text/plain; charset=us-ascii\r\n\r\n' +
    'Padding text.\r\n'.repeat(100_000) +
    '\r\n--big\r\nContent-Type: application/octet-stream; name="big.bin"\r\n' +
    'Content-Disposition: attachment; filename="big.bin"\r\nContent-Transfer-Encoding: base64\r\n\r\n';
  return Buffer.concat([Buffer.from(head), Buffer.from(base64), Buffer.from('\r\n--big--\r\n')]);
}

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
