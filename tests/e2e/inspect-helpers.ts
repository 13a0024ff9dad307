/**
 * Driving the Inspect workspace from Playwright, and Python's `email` package as the independent
 * reading of each corpus message the tests open.
 */
import { execFileSync } from 'node:child_process';
import { expect, type Locator, type Page } from '@playwright/test';

/** Open the app on the Inspect workspace and wait until it is ready for input. */
export async function openInspect(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Inspect' }).click();
  await expect(page.getByRole('textbox', { name: 'Raw message input' })).toBeVisible();
}

/** The Inspect tab panel. */
export function inspectPanel(page: Page): Locator {
  return page.getByRole('tabpanel', { name: 'Inspect' });
}

/** Paste text into the raw input as the clipboard would deliver it. */
export async function pasteMessage(page: Page, text: string): Promise<void> {
  const input = page.getByRole('textbox', { name: 'Raw message input' });
  await input.click();
  await input.evaluate((element, pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    element.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
}

/** Wait until the summary shows a finished inspection. */
export async function waitForInspection(page: Page): Promise<void> {
  await expect(page.getByTestId('summary-parts')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Inspected' })).toBeVisible({
    timeout: 30_000,
  });
}

/** What Python's `email` package (policy.default) reads in a message. */
export interface PythonReading {
  subject: string | null;
  /** Parts as Inspect counts them: containers and nested messages included; report fields not. */
  parts: number;
  filenames: string[];
  defects: string[];
  /** For a DSN: each recipient's Final-Recipient address and Status. */
  dsn: Array<{ recipient: string; status: string | null; action: string | null }>;
  /** For an ARF report: its Feedback-Type. */
  feedbackType: string | null;
}

const PYTHON_READER = String.raw`
import sys, json, email, email.policy
def count(m):
    kind = m.get_content_type()
    if kind in ('message/delivery-status', 'message/feedback-report', 'message/rfc822-headers',
                'text/rfc822-headers', 'message/global-delivery-status'):
        return 1
    if m.is_multipart():
        return 1 + sum(count(p) for p in m.get_payload())
    return 1
raw = open(sys.argv[1], 'rb').read()
m = email.message_from_bytes(raw, policy=email.policy.default)
dsn = []
for p in m.walk():
    if p.get_content_type() == 'message/delivery-status':
        for block in p.get_payload():
            recipient = block.get('Final-Recipient')
            if recipient:
                address = str(recipient).split(';', 1)[-1].strip()
                dsn.append({'recipient': address, 'status': block.get('Status'),
                            'action': block.get('Action')})
feedback = None
for p in m.walk():
    if p.get_content_type() == 'message/feedback-report':
        payload = p.get_payload()
        block = payload[0] if isinstance(payload, list) and payload else email.message_from_string(str(payload))
        feedback = block.get('Feedback-Type')
print(json.dumps({
    'feedbackType': feedback,
    'subject': None if m['subject'] is None else str(m['subject']),
    'parts': count(m),
    'filenames': [p.get_filename() for p in m.walk() if p.get_filename()],
    'defects': [type(d).__name__ for p in m.walk() for d in p.defects],
    'dsn': dsn,
}))
`;

/** Read a message file with Python's `email` package. */
export function readWithPython(path: string): PythonReading {
  return JSON.parse(
    execFileSync('python3', ['-c', PYTHON_READER, path]).toString(),
  ) as PythonReading;
}
