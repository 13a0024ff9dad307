import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { corpusDir, corpusSkipReason } from './support/corpus.ts';
import {
  inspectPanel,
  openInspect,
  openResultTab,
  pasteMessage,
  readWithPython,
  waitForInspection,
} from './inspect-helpers.ts';

const skip = corpusSkipReason();

/** One corpus message of each kind Inspect must understand. */
const SAMPLES = [
  { kind: 'plain', path: 'cpython-test_email/Lib/test/test_email/data/msg_01.txt' },
  { kind: 'multipart with attachments', path: 'php-mime-mail-parser/tests/mails/m0018' },
  { kind: 'nested rfc822', path: 'cpython-test_email/Lib/test/test_email/data/msg_11.txt' },
  { kind: 'malformed (no close delimiter)', path: 'sisimai-set-of-emails/maildir/bsd/arf-01.eml' },
  { kind: 'DSN with LF line ends', path: 'sisimai-set-of-emails/maildir/bsd/lhost-postfix-01.eml' },
  {
    kind: 'DSN with CRLF line ends',
    path: 'sisimai-set-of-emails/maildir/dos/lhost-postfix-01.eml',
  },
  {
    kind: 'DSN with bare CR line ends',
    path: 'sisimai-set-of-emails/maildir/mac/lhost-postfix-01.eml',
  },
  {
    kind: 'iso-2022-jp',
    path: 'mikel-mail/spec/fixtures/emails/multi_charset/japanese_iso_2022.eml',
  },
  { kind: 'ARF report', path: 'email-arf-perl/t/messages/example1.msg' },
] as const;

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Check every region against Python's reading of the same file. */
async function expectRegionsMatch(page: Page, path: string) {
  const python = readWithPython(path);
  const panel = inspectPanel(page);
  if (python.subject !== null) {
    await expect(page.getByTestId('summary-subject')).toHaveText(squash(python.subject), {
      useInnerText: true,
    });
  }
  await expect(page.getByTestId('summary-parts')).toHaveText(String(python.parts));
  await openResultTab(page, 'Structure');
  await expect(
    panel.getByRole('region', { name: 'MIME structure' }).getByRole('treeitem'),
  ).toHaveCount(python.parts);
  await openResultTab(page, 'Attachments');
  const attachments = panel.getByRole('region', { name: 'Attachments' });
  for (const filename of python.filenames) {
    await expect(attachments.getByRole('cell', { name: filename, exact: true })).toBeVisible();
  }
  await openResultTab(page, 'Diagnostics');
  const diagnostics = panel.getByRole('region', { name: 'Diagnostics' });
  await expect(diagnostics).toBeVisible();
  if (python.defects.length > 0) {
    // Python found the message broken: Inspect must say so too.
    await expect(diagnostics.getByRole('listitem').first()).toBeVisible();
  }
  if (python.dsn.length > 0) await openResultTab(page, 'Summary');
  for (const recipient of python.dsn) {
    const report = panel.getByRole('region', { name: 'Bounce report' });
    const row = report.getByRole('row').filter({ hasText: recipient.recipient });
    await expect(row).toBeVisible();
    if (recipient.status) await expect(row).toContainText(recipient.status);
  }
}

test.describe('Inspect on corpus messages', () => {
  test.skip(skip !== null, skip ?? '');

  for (const sample of SAMPLES) {
    test(`opens a ${sample.kind} message from a file and shows what Python reads`, async ({
      page,
    }) => {
      await openInspect(page);
      await page.getByLabel('Open .eml file').setInputFiles(join(corpusDir, sample.path));
      await waitForInspection(page);
      await expectRegionsMatch(page, join(corpusDir, sample.path));
    });
  }

  // Pasting goes through the clipboard, which keeps no line ends of its own: one of each ending.
  const pasted = SAMPLES.filter((s) => !s.kind.includes('CRLF') && !s.kind.includes('bare CR'));
  for (const sample of pasted) {
    test(`inspects a pasted ${sample.kind} message by itself`, async ({ page }) => {
      await openInspect(page);
      const text = new TextDecoder('latin1').decode(readFileSync(join(corpusDir, sample.path)));
      await pasteMessage(page, text);
      await waitForInspection(page);
      await expectRegionsMatch(page, join(corpusDir, sample.path));
    });
  }

  test('shows a DSN as SES would take it: recipient, status and bounce type', async ({ page }) => {
    await openInspect(page);
    await page
      .getByLabel('Open .eml file')
      .setInputFiles(join(corpusDir, 'sisimai-set-of-emails/maildir/bsd/lhost-postfix-01.eml'));
    await waitForInspection(page);
    await openResultTab(page, 'Summary');
    const report = inspectPanel(page).getByRole('region', { name: 'Bounce report' });
    const row = report.getByRole('row').filter({ hasText: 'r@p351355.pool.example.ne.jp' });
    await expect(row).toContainText('5.1.1');
    await expect(row).toContainText('failed');
    await expect(report.getByTestId('bounce-type')).toHaveText('Permanent');
    await expect(report).toContainText('does not retry');
    // The notification SES would publish, copied as a person would copy it.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await report.getByRole('button', { name: 'Copy notification JSON' }).click();
    await expect(report.getByText('Copied.')).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const notification = JSON.parse(copied) as {
      notificationType: string;
      bounce: {
        bounceType: string;
        bouncedRecipients: Array<{ emailAddress: string; status?: string }>;
      };
    };
    expect(notification.notificationType).toBe('Bounce');
    expect(notification.bounce.bounceType).toBe('Permanent');
    expect(notification.bounce.bouncedRecipients).toContainEqual(
      expect.objectContaining({ emailAddress: 'r@p351355.pool.example.ne.jp', status: '5.1.1' }),
    );
    await expect(
      inspectPanel(page).getByRole('list', { name: 'Verdicts' }).getByRole('listitem'),
    ).toContainText(['Bounce: Permanent']);
  });

  test('shows an ARF report as a complaint with its feedback type', async ({ page }) => {
    await openInspect(page);
    const path = join(corpusDir, 'email-arf-perl/t/messages/example1.msg');
    await page.getByLabel('Open .eml file').setInputFiles(path);
    await waitForInspection(page);
    await openResultTab(page, 'Summary');
    const report = inspectPanel(page).getByRole('region', { name: 'Complaint report' });
    const feedbackType = readWithPython(path).feedbackType;
    expect(feedbackType).toBe('opt-out');
    await expect(report.getByTestId('feedback-type')).toHaveText(feedbackType!);
    await expect(report).toContainText('reason COMPLAINT');
    await expect(report.getByTestId('ses-notification')).toContainText(
      '"notificationType": "Complaint"',
    );
  });

  test('splits an mbox and inspects the message picked', async ({ page }) => {
    await openInspect(page);
    await page
      .getByLabel('Open .eml file')
      .setInputFiles(join(corpusDir, 'james-mime4j/mbox/src/test/resources/test-1/mbox.rlug'));
    await waitForInspection(page);
    const list = inspectPanel(page).getByRole('table', { name: /Messages in mbox\.rlug/ });
    const rows = list.locator('tbody tr');
    await expect(rows).toHaveCount(5);
    const third = join(corpusDir, 'james-mime4j/mbox/src/test/resources/test-1/mbox.rlug-2');
    const python = readWithPython(third);
    const subject = squash(python.subject ?? '');
    // Each message is listed by its subject and sender, as a mail client lists it.
    await expect(rows.nth(2).locator('td[data-label="#"]')).toHaveText('3');
    await expect(rows.nth(2).locator('td[data-label="Subject"]')).toHaveText(subject);
    await expect(rows.nth(2).locator('td[data-label="From"]')).not.toBeEmpty();
    await rows.nth(2).getByRole('button', { name: subject }).click();
    await expect(page.getByTestId('summary-subject')).toHaveText(subject);
    await expect(rows.nth(2)).toHaveAttribute('aria-current', 'true');
  });
});

test('refuses an Outlook .msg file with a clear message', async ({ page }) => {
  await openInspect(page);
  // The compound-file signature every Outlook .msg starts with, then padding.
  const outlook = Buffer.concat([
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    Buffer.alloc(504),
  ]);
  await page.getByLabel('Open .eml file').setInputFiles({
    name: 'meeting.msg',
    mimeType: 'application/vnd.ms-outlook',
    buffer: outlook,
  });
  await expect(page.getByRole('alert')).toContainText('Outlook');
  await expect(page.getByRole('alert')).toContainText('not a MIME message');
  await expect(page.getByTestId('summary-parts')).toHaveCount(0);
});

/** A multipart message the tests build, and where each of its parts lies in the bytes. */
function builtMessage() {
  const text = 'Hello in plain text.\r\n';
  const html = '<p>Hello in <b>HTML</b>.</p>\r\n';
  const head =
    'From: Ada <ada@example.com>\r\nTo: bob@example.org\r\nSubject: Offsets\r\n' +
    'Date: Fri, 27 Nov 2026 10:00:00 +0000\r\nMessage-ID: <offsets@example.com>\r\n' +
    'MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary="b1"\r\n\r\n';
  const partText = 'Content-Type: text/plain; charset=utf-8\r\n\r\n' + text;
  const partHtml = 'Content-Type: text/html; charset=utf-8\r\n\r\n' + html;
  const raw = `${head}--b1\r\n${partText}\r\n--b1\r\n${partHtml}\r\n--b1--\r\n`;
  const textStart = raw.indexOf('Content-Type: text/plain');
  const htmlStart = raw.indexOf('Content-Type: text/html');
  return {
    raw,
    text: { start: textStart, end: textStart + partText.length },
    html: { start: htmlStart, end: htmlStart + partHtml.length },
  };
}

test('selecting a part selects its bytes, and the cursor selects the part', async ({ page }) => {
  const message = builtMessage();
  await openInspect(page);
  await page.getByLabel('Open .eml file').setInputFiles({
    name: 'offsets.eml',
    mimeType: 'message/rfc822',
    buffer: Buffer.from(message.raw),
  });
  await waitForInspection(page);
  await openResultTab(page, 'Structure');
  const tree = inspectPanel(page).getByRole('region', { name: 'MIME structure' });
  await tree.getByRole('treeitem', { name: /text\/html/ }).click();
  await expect(page.getByTestId('raw-selection')).toHaveText(
    new RegExp(`Selected bytes ${message.html.start}–${message.html.end} `),
  );
  // The editor's own selection holds exactly those bytes (every byte is ASCII here).
  const input = page.getByRole('textbox', { name: 'Raw message input' });
  await input.focus();
  const selected = await page.evaluate(() => window.getSelection()?.toString() ?? '');
  expect(selected.replace(/\n/g, '\r\n')).toBe(
    message.raw.slice(message.html.start, message.html.end),
  );

  await tree.getByRole('treeitem', { name: /text\/plain/ }).press('ArrowUp');
  await expect(tree.getByRole('treeitem', { selected: true })).toContainText(
    'multipart/alternative',
  );

  // Put the cursor on the text part's body line: the tree follows.
  await input.click();
  await page.keyboard.press('Control+Home');
  const bodyLine =
    message.raw.slice(0, message.raw.indexOf('Hello in plain')).split('\r\n').length - 1;
  for (let i = 0; i < bodyLine; i++) await page.keyboard.press('ArrowDown');
  await expect(tree.getByRole('treeitem', { selected: true })).toContainText('text/plain');
});

test('clicking a finding selects the bytes it is about', async ({ page }) => {
  await openInspect(page);
  // A bare LF line end in the middle of a CRLF message, and a line over 998 octets.
  const raw =
    'From: a@example.com\r\nTo: b@example.org\r\nSubject: Findings\r\n\r\n' +
    'x'.repeat(1200) +
    '\r\nlast line\r\n';
  await page
    .getByLabel('Open .eml file')
    .setInputFiles({ name: 'findings.eml', mimeType: 'message/rfc822', buffer: Buffer.from(raw) });
  await waitForInspection(page);
  await openResultTab(page, 'Diagnostics');
  const finding = inspectPanel(page)
    .getByRole('region', { name: 'Diagnostics' })
    .getByRole('button')
    .first();
  const label = (await finding.textContent()) ?? '';
  const range = /bytes? (\d+)(?:–(\d+))?/.exec(label);
  expect(range, label).not.toBeNull();
  await finding.click();
  const from = Number(range![1]);
  const to = range![2] === undefined ? from : Number(range![2]);
  await expect(page.getByTestId('raw-selection')).toHaveText(
    to > from ? new RegExp(`Selected bytes ${from}–${to} `) : `Cursor at byte ${from}`,
  );
});

test('the tabs behind the summary are drawn after it, each with its part of the message', async ({
  page,
}) => {
  await openInspect(page);
  await pasteMessage(
    page,
    'From: Ann <ann@example.com>\r\nTo: bob@example.com\r\nSubject: Drawn in steps\r\n' +
      'X-Drawn: yes\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nHello in steps.\r\n',
  );
  await waitForInspection(page);
  await expect(page.getByTestId('summary-subject')).toHaveText('Drawn in steps');
  // The hidden tabs are drawn too, one after another, without being chosen.
  for (const id of ['headers', 'route', 'structure', 'bodies', 'attachments', 'diagnostics']) {
    await expect(inspectPanel(page).locator(`[data-tab="${id}"]`)).not.toBeEmpty();
  }
  await expect(inspectPanel(page).locator('[data-tab="headers"]')).toContainText('X-Drawn');
  await openResultTab(page, 'Bodies');
  await expect(inspectPanel(page).locator('[data-tab="bodies"]')).toContainText('Hello in steps.');
});
