/**
 * Small inputs that once made a reader quadratic (or worse), each at a size where quadratic work
 * takes minutes and linear work well under a second. The timeout is a generous cap, not a
 * measurement: a regression makes the test fail instead of merely slow.
 */
import { describe, expect, test } from 'vitest';
import { buildMessage } from '../../../src/lib/mime/build.ts';
import { inspectMessage } from '../../../src/lib/mime/inspect.ts';
import {
  MAX_ADDRESS_FIELD_CHARS,
  MAX_HEADER_BLOCK_BYTES,
  MAX_NESTING_DEPTH,
  MAX_PARAMETER_BYTES,
} from '../../../src/lib/mime/limits.ts';
import { parseMailDate } from '../../../src/lib/mime/mail-date.ts';
import { splitMbox } from '../../../src/lib/mime/mbox.ts';
import type { Inspection } from '../../../src/lib/mime/types.ts';
import * as hostile from '../../support/hostile-inputs.ts';

/** Far above what linear work needs on a busy machine; far below what quadratic work takes. */
const CAP_MS = 30_000;
const encoder = new TextEncoder();
const codes = (inspection: Inspection) => inspection.diagnostics.map((d) => d.code);

describe('readers stay linear on hostile input', () => {
  test(
    '80,000 header fields of one name',
    async () => {
      const inspection = await inspectMessage(hostile.sameNameFields(80_000));
      expect(inspection.headers).toHaveLength(80_000);
      const received = await inspectMessage(hostile.sameNameFields(80_000, 'Received'));
      expect(received.headers).toHaveLength(80_000);
    },
    CAP_MS,
  );

  test(
    '400,000 unclosed comment openers in Received and in Date',
    async () => {
      const inspection = await inspectMessage(hostile.unclosedDateComments(400_000));
      expect(inspection.headers.map((h) => h.name)).toEqual(['Received', 'Date', 'From']);
      expect(parseMailDate('('.repeat(1_000_000))).toBeUndefined();
      // Comments still come out, nested ones included, and an unclosed one stays text.
      expect(parseMailDate('Mon, (a (b) c) 1 May 2023 10:00:00 +0000 (UTC')?.time).toBe(
        Date.UTC(2023, 4, 1, 10),
      );
    },
    CAP_MS,
  );

  test(
    'an RFC 2231 value of 124,000 characters is read, cut and reported',
    async () => {
      const inspection = await inspectMessage(hostile.longRfc2231Value(124_000));
      expect(codes(inspection)).toContain('parameter-too-long');
      expect(inspection.attachments[0]?.filename).toBe('A'.repeat(MAX_PARAMETER_BYTES));
    },
    CAP_MS,
  );

  test(
    'a display name of 256,000 `=?` fragments, inspected and built',
    async () => {
      const inspection = await inspectMessage(hostile.encodedWordFragmentsMessage(256_000));
      expect(inspection.headers.map((h) => h.name)).toEqual(['From', 'To']);
      const built = buildMessage(
        {
          from: `${hostile.encodedWordFragments(256_000)} <a@example.com>`,
          to: ['b@example.com'],
          text: 'x',
        },
        { now: new Date(0) },
      );
      expect(built.raw.length).toBeGreaterThan(256_000);
    },
    CAP_MS,
  );

  test(
    'a single header line of 26 MB is read up to the header limit',
    async () => {
      const raw = encoder.encode(`From: ${'a,'.repeat(13_000_000)}\r\nTo: b@example.com\r\n\r\nx`);
      const inspection = await inspectMessage(raw);
      expect(codes(inspection)).toContain('header-too-large');
      expect(codes(inspection)).toContain('address-field-too-long');
      const from = inspection.headers.find((h) => h.name === 'From');
      expect(from?.value.length).toBeLessThanOrEqual(MAX_HEADER_BLOCK_BYTES);
      expect(from?.value.length).toBeGreaterThan(MAX_ADDRESS_FIELD_CHARS);
      // The line after the cut one is body, not a header.
      expect(inspection.headers.map((h) => h.name)).toEqual(['From']);
    },
    CAP_MS,
  );

  test(
    `${MAX_NESTING_DEPTH - 1} nested multiparts whose boundaries are prefixes of each other`,
    async () => {
      const raw = encoder.encode(hostile.nestedPrefixBoundaries(MAX_NESTING_DEPTH - 1, 8_000_000));
      const inspection = await inspectMessage(raw);
      let depth = 0;
      for (let node = inspection.tree; node.children.length > 0; node = node.children[0]!) depth++;
      expect(depth).toBe(MAX_NESTING_DEPTH - 1);
      expect(codes(inspection)).toContain('boundary-in-content');
    },
    CAP_MS,
  );

  test(
    `${MAX_NESTING_DEPTH - 1} nested prefix boundaries over 16 MB: one pass, each line reported once`,
    async () => {
      const depth = MAX_NESTING_DEPTH - 1;
      const text = hostile.nestedPrefixBoundaries(depth, 16_000_000);
      const lines = text.split(`--${'b'.repeat(depth)}x\r\n`).length - 1;
      const inspection = await inspectMessage(encoder.encode(text));
      const found = inspection.diagnostics.filter((d) => d.code === 'boundary-in-content');
      // The listed findings, then one note that counts the rest: each content line once, however
      // many boundaries it begins with, and each inner delimiter line, which begins with its
      // parent's boundary.
      const more = Number(/^(\d+) more/.exec(found[found.length - 1]!.message)?.[1]);
      expect(found.length - 1 + more).toBe(lines + 2 * (depth - 1));
    },
    CAP_MS,
  );

  test(
    'mbox files whose messages never end their headers, and of bare `From ` lines',
    () => {
      expect(splitMbox(encoder.encode(hostile.mboxUnendedHeaders(40_000)))).toHaveLength(40_000);
      expect(splitMbox(encoder.encode(hostile.mboxBareFromLines(400_000)))).toHaveLength(400_000);
    },
    CAP_MS,
  );
});
