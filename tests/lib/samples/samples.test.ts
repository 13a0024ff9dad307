import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { inspectMessage } from '../../../src/lib/mime/index.ts';
import { splitMbox } from '../../../src/lib/mime/mbox.ts';
import { classifyFile } from '../../../src/lib/inspect-view/file-kind.ts';
import { INSPECT_SAMPLES, NEWSLETTER_DKIM_RECORD } from '../../../src/lib/samples/index.ts';

const bytesOf = (id: string) =>
  new TextEncoder().encode(INSPECT_SAMPLES.find((sample) => sample.id === id)!.text);

/** Debian's python3-dkim (dkimpy) lives with the system Python. */
const PYTHON = ['/usr/bin/python3', 'python3'].find(
  (python) => spawnSync(python, ['-c', 'import dkim'], { stdio: 'ignore' }).status === 0,
);

describe('Inspect samples', () => {
  test('there are at least five, each with a title, a one-line description and a file name', () => {
    expect(INSPECT_SAMPLES.length).toBeGreaterThanOrEqual(5);
    expect(new Set(INSPECT_SAMPLES.map((sample) => sample.id)).size).toBe(INSPECT_SAMPLES.length);
    for (const sample of INSPECT_SAMPLES) {
      expect(sample.title).toMatch(/\S/);
      expect(sample.description).not.toMatch(/\n/);
      expect(sample.fileName).toMatch(/\.(eml|mbox)$/);
    }
  });

  test('each loads with the exact bytes of its file, 7-bit and CRLF (the mbox: LF)', () => {
    for (const sample of INSPECT_SAMPLES) {
      const file = readFileSync(
        new URL(`../../../src/lib/samples/messages/${sample.fileName}`, import.meta.url),
      );
      const bytes = new TextEncoder().encode(sample.text);
      expect(Buffer.from(bytes).equals(file), sample.id).toBe(true);
      expect(
        bytes.every((byte) => byte < 0x80),
        sample.id,
      ).toBe(true);
      const text = sample.text;
      if (sample.id === 'mbox') expect(text).not.toContain('\r');
      else expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    }
  });

  test('the SES bounce reads as a permanent bounce with its Action, though Action comes first', async () => {
    const inspection = await inspectMessage(bytesOf('ses-bounce'));
    expect(inspection.report).toMatchObject({
      kind: 'bounce',
      bounceType: 'Permanent',
      bounceSubType: 'General',
      recipients: [
        { emailAddress: 'bounce@simulator.amazonses.com', action: 'failed', status: '5.1.1' },
      ],
    });
  });

  test('the ARF sample reads as an abuse complaint', async () => {
    const inspection = await inspectMessage(bytesOf('arf-complaint'));
    expect(inspection.report).toMatchObject({ kind: 'complaint', feedbackType: 'abuse' });
  });

  test('the newsletter has its two inline images referenced from the HTML', async () => {
    const inspection = await inspectMessage(bytesOf('newsletter-dkim'));
    const inline = inspection.attachments.filter((attachment) => attachment.contentId);
    expect(inline.map((attachment) => attachment.filename)).toEqual(['logo.png', 'banner.png']);
    for (const attachment of inline) {
      expect(inspection.html).toContain(`cid:${attachment.contentId!.replace(/[<>]/g, '')}`);
      expect(Array.from(attachment.content.subarray(1, 4))).toEqual([0x50, 0x4e, 0x47]); // PNG
    }
    expect(inspection.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  test.skipIf(!PYTHON)(
    'the newsletter’s DKIM signature verifies with the published key (dkimpy)',
    () => {
      const record = /"(.*)"/.exec(NEWSLETTER_DKIM_RECORD)![1]!;
      const script = [
        'import sys, dkim',
        `record = ${JSON.stringify(record)}.encode()`,
        'def dns(name, timeout=5):',
        "    return record if name == b'sample2026._domainkey.news.example.org.' else None",
        'message = sys.stdin.buffer.read()',
        "print('pass' if dkim.verify(message, dnsfunc=dns) else 'fail')",
        'tampered = message.replace(b"three new green teas", b"three new black teas")',
        "print('pass' if dkim.verify(tampered, dnsfunc=dns) else 'fail')",
      ].join('\n');
      const result = spawnSync(PYTHON!, ['-c', script], {
        input: bytesOf('newsletter-dkim'),
        encoding: 'utf8',
      });
      expect(result.stderr).toBe('');
      expect(result.stdout.trim().split('\n')).toEqual(['pass', 'fail']);
    },
  );

  test('the international sample decodes its names, subject and attachment file names', async () => {
    const inspection = await inspectMessage(bytesOf('international'));
    expect(inspection.subject).toBe('Rechnung № 42 für März – 請求書とメモ');
    expect(inspection.from).toContain('Zoë Ångström');
    expect(inspection.attachments.map((attachment) => attachment.filename)).toEqual([
      'Rechnung № 42 – Øresund.pdf',
      '会議のメモ.txt',
      'Αγορές März.csv',
    ]);
    expect(inspection.text).toContain('Rechnung № 42 für März');
  });

  test('the mbox holds four messages, two of them bounces of different types', async () => {
    const bytes = bytesOf('mbox');
    expect(classifyFile(bytes.subarray(0, 16))).toBe('mbox');
    const messages = splitMbox(bytes);
    expect(messages).toHaveLength(4);
    const reports = await Promise.all(
      messages.map(async (message) => (await inspectMessage(message.raw)).report),
    );
    expect(reports.map((report) => (report?.kind === 'bounce' ? report.bounceType : null))).toEqual(
      [null, 'Permanent', 'Transient', null],
    );
  });
});
