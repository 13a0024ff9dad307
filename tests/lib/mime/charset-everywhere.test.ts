import { describe, expect, test } from 'vitest';
import {
  decodeCharset,
  decodeEncodedWords,
  parseHeaderValue,
  resolveCharset,
  type DecodeIssue,
} from '../../../src/lib/mime/index.ts';
import { inspectMessage } from '../../../src/lib/mime/inspect.ts';

const HEAD =
  'From: a@example.com\r\nTo: b@example.com\r\nDate: Mon, 1 May 2023 10:00:00 +0000\r\n' +
  'Message-ID: <1@example.com>\r\n';
const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

describe('UTF-7 wherever a charset is named', () => {
  test('is a known charset', () => {
    for (const label of ['utf-7', 'UTF7', '"unicode-1-1-utf-7"', 'x-utf-7']) {
      const issues: DecodeIssue[] = [];
      expect(resolveCharset(label).known).toBe(true);
      expect(decodeCharset(ascii('+ZeVnLIqe-'), label, issues)).toBe('日本語');
      expect(issues).toEqual([]);
    }
  });

  test('decodes encoded words and RFC 2231 parameters', () => {
    const issues: DecodeIssue[] = [];
    expect(decodeEncodedWords('=?utf-7?Q?Hi_+AOk-?=', issues)).toBe('Hi é');
    expect(parseHeaderValue("attachment; filename*=utf-7''%2BAOk-.txt", issues).params).toEqual({
      filename: 'é.txt',
    });
    expect(issues).toEqual([]);
  });

  test('in a subject, decodes without a charset diagnostic', async () => {
    const inspection = await inspectMessage(`${HEAD}Subject: =?utf-7?Q?Hi_+AOk-?=\r\n\r\nhi`);
    expect(inspection.subject).toBe('Hi é');
    expect(inspection.diagnostics).toEqual([]);
  });
});

describe('text bodies', () => {
  test('report a corrupt transfer encoding instead of hiding it', async () => {
    const raw =
      `${HEAD}Subject: s\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      'Content-Transfer-Encoding: base64\r\n\r\naGVs*bG8gd29ybGQ=\r\n';
    const inspection = await inspectMessage(raw);
    expect(inspection.text).toBe('hello world');
    const found = inspection.diagnostics.filter((d) => d.code === 'body-encoding-malformed');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/base64/i);
  });

  test('report an unknown charset once', async () => {
    const raw = `${HEAD}Subject: s\r\nContent-Type: text/plain; charset=x-nonesuch\r\nContent-Transfer-Encoding: 8bit\r\n\r\nhi\x80`;
    const inspection = await inspectMessage(ascii(raw));
    expect(inspection.text).toBe('hi€');
    expect(inspection.diagnostics.map((d) => d.code)).toEqual(['charset-unsupported']);
  });
});
