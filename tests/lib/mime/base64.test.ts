import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  BASE64_MAX_LINE,
  decodeBase64,
  encodeBase64,
  encodeBase64Lines,
  type DecodeIssue,
} from '../../../src/lib/mime/index.ts';
import { describeCorpus } from '../../support/corpus.ts';
import { latin1, readVectors, untag } from '../../support/vectors.ts';
import { checkSinglePartText } from './vector-checks.ts';
import { propertyRuns } from '../../support/property-runs.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const runs = propertyRuns();

/** Bytes as a view at some offset into a larger buffer, as attachments often arrive. */
const viewOfBytes = (maxLength: number) =>
  fc.tuple(fc.uint8Array({ maxLength }), fc.integer({ min: 0, max: 7 })).map(([bytes, offset]) => {
    const buffer = new Uint8Array(offset + bytes.length + 5).fill(0xff);
    buffer.set(bytes, offset);
    return buffer.subarray(offset, offset + bytes.length);
  });

describe('base64', () => {
  test.prop([viewOfBytes(2000)], runs)(
    'round-trips any bytes in lines of at most 76 characters',
    (bytes) => {
      const encoded = latin1(encodeBase64Lines(bytes));
      const lines = encoded.split('\r\n');
      lines.forEach((line, index) => {
        expect(line).toMatch(/^[A-Za-z0-9+/]*={0,2}$/);
        if (index < lines.length - 1) expect(line.length).toBe(BASE64_MAX_LINE);
        else expect(line.length).toBeLessThanOrEqual(BASE64_MAX_LINE);
      });
      expect(encoded.replace(/\r\n/g, '')).toBe(Buffer.from(bytes).toString('base64'));
      expect(decodeBase64(encoded)).toEqual(bytes);
      expect(decodeBase64(encodeBase64Lines(bytes))).toEqual(bytes);
    },
  );

  test.prop([viewOfBytes(500), fc.integer({ min: 1, max: 19 })], {
    ...runs,
  })('writes any shorter line length it is asked for', (bytes, groups) => {
    const encoded = latin1(encodeBase64Lines(bytes, groups * 4));
    const lines = encoded.split('\r\n');
    lines.slice(0, -1).forEach((line) => expect(line.length).toBe(groups * 4));
    expect(encoded.replace(/\r\n/g, '')).toBe(Buffer.from(bytes).toString('base64'));
  });

  test('refuses a line length that cannot hold whole groups', () => {
    expect(() => encodeBase64Lines(new Uint8Array(3), 75)).toThrow(RangeError);
  });

  test('skips line breaks silently and reports other stray characters', () => {
    const issues: DecodeIssue[] = [];
    expect(latin1(decodeBase64('Zm9v\r\nYmFy', issues))).toBe('foobar');
    expect(issues).toEqual([]);
    expect(latin1(decodeBase64('Zm9v!YmFy', issues))).toBe('foobar');
    expect(issues.map((i) => i.code)).toEqual(['base64-invalid-characters']);
  });
});

describeCorpus('base64 vectors', () => {
  const encoder = readVectors(
    'postal-mime',
    '_extracted',
    'test',
    'base64-encoder-test.vectors.json',
  );
  for (const record of encoder) {
    test(`postal-mime: ${record.test}`, () => {
      const encoded = encodeBase64(untag(record.args[0]) as Uint8Array);
      if (record.expr.endsWith('.endsWith($1)'))
        expect(encoded.endsWith(record.args[1] as string)).toBe(true);
      else expect(encoded).toBe(record.expected);
    });
  }

  const decoder = readVectors(
    'postal-mime',
    '_extracted',
    'test',
    'base64-decoder-test.vectors.json',
  );
  for (const record of decoder) {
    // Excluded: records about attachments and HTML parts of multipart messages test postal-mime's
    // message walking (the inspector's job), not base64.
    if (!/\.text(\.trim\(\)|\.includes\(\$1\))?$/.test(record.expr)) continue;
    if (/multipart/i.test(latin1(untag(record.args[0]) as Uint8Array))) continue;
    test(`postal-mime: ${record.test}`, () =>
      checkSinglePartText(record, (body) => decodeBase64(body)));
  }

  const emailjs = readVectors(
    'emailjs-mime-codec',
    '_extracted',
    'src',
    'mimecodec-unit.vectors.json',
  );
  for (const record of emailjs) {
    // Excluded: two-argument forms convert from a legacy charset, which is not base64.
    if (record.args.length !== 1) continue;
    const input = untag(record.args[0]);
    if (record.expr === 'mimecodec.base64Encode($0)') {
      test(`emailjs encode: ${record.test}`, () => {
        const bytes = typeof input === 'string' ? utf8(input) : (input as Uint8Array);
        expect(encodeBase64(bytes)).toBe(record.expected);
      });
    }
    if (record.expr === 'mimecodec.base64Decode($0)') {
      test(`emailjs decode: ${record.test}`, () => {
        expect(new TextDecoder().decode(decodeBase64(input as string))).toBe(record.expected);
      });
    }
  }
});
