/**
 * Random header sections (fields, folded lines, lines that are not fields, 8-bit bytes, CRLF, LF
 * and bare CR line ends, with or without a blank line and a body): the simulator reads them as
 * `inspectMessage` does, and rewriting changes only the fields it names.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { bytesToBinaryString, concatBytes, utf8Encode } from '../../../../src/lib/mime/bytes.ts';
import type { HeaderField } from '../../../../src/lib/mime/types.ts';
import {
  readHeaderSection,
  rewriteHeaderSection,
  type HeaderRewrite,
} from '../../../../src/lib/ses/outbound/header-section.ts';
import { propertyRuns } from '../../../support/property-runs.ts';
import { bothReadings } from '../support.ts';

const runs = propertyRuns();
const NAMES = ['From', 'To', 'Cc', 'Subject', 'Message-ID', 'Date', 'X-SES-CONFIGURATION-SET'];

const lineEnd = fc.constantFrom('\r\n', '\n', '\r');
/** Value bytes: printable ASCII, spaces and tabs, and 8-bit bytes; never CR or LF. */
const valueBytes = fc
  .array(fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.constant(0x09), fc.integer({ min: 0x80, max: 0xff })), { maxLength: 24 })
  .map((list) => new Uint8Array(list)); // prettier-ignore
const name = fc.oneof(fc.constantFrom(...NAMES), fc.constantFrom(...NAMES).map((n) => n.toLowerCase()), fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,10}$/)); // prettier-ignore

const line = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(name, fc.constantFrom(':', ': ', ' :', ':\t'), valueBytes).map(([n, sep, v]) => concatBytes([utf8Encode(n + sep), v])) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(' ', '\t'), valueBytes).map(([ws, v]) => concatBytes([utf8Encode(ws), v])) },
  { weight: 1, arbitrary: fc.constantFrom('not a field', 'Bad Name: v', ': empty name', 'From someone Sat Nov 28 00:15:50 2026').map(utf8Encode) },
); // prettier-ignore

/** A message: lines with their line ends, then maybe a blank line and a body. */
const message = fc
  .record({
    lines: fc.array(fc.tuple(line, lineEnd), { maxLength: 12 }),
    blank: fc.option(lineEnd),
    body: fc.uint8Array({ maxLength: 40 }),
  })
  .map(({ lines, blank, body }) =>
    concatBytes([
      ...lines.flatMap(([l, end]) => [l, utf8Encode(end)]),
      ...(blank === null ? [] : [utf8Encode(blank), body]),
    ]),
  );

const rewrite: fc.Arbitrary<HeaderRewrite> = fc.record({
  remove: fc.subarray(NAMES),
  replace: fc.subarray(NAMES).map((names) => names.map((n) => ({ name: n, value: `new ${n}` }))),
  prepend: fc.array(fc.record({ name: fc.constantFrom('Feedback-ID', 'X-Added'), value: fc.constant('v') }), { maxLength: 2 }),
}); // prettier-ignore

describe('the header section over random input', () => {
  test.prop([message], runs)(
    'is read as inspectMessage reads the top-level header block',
    async (raw) => {
      const { ses, inspector, section, inspection } = await bothReadings(raw);
      expect(ses).toEqual(inspector);
      expect(section.bodyStart).toBe(inspection.tree.bodyStart);
      for (const h of section.headers) {
        expect(h.start < h.valueStart && h.valueStart <= h.end && h.end <= raw.length).toBe(true);
      }
    },
  );

  test.prop([message, rewrite], runs)(
    'rewriting changes the named fields only and keeps every other byte',
    (raw, spec) => {
      const before = readHeaderSection(raw);
      const out = rewriteHeaderSection(raw, spec);
      const after = readHeaderSection(out);
      expect(bytesToBinaryString(out, after.bodyStart)).toBe(
        bytesToBinaryString(raw, before.bodyStart),
      );
      expect(after.strayLine === undefined).toBe(before.strayLine === undefined);
      // The fields SES means to have: prepended, then the replacements of absent fields, then
      // the message's own in order with removals dropped and replacements in place (once).
      const remove = new Set(spec.remove!.map((n) => n.toLowerCase()));
      const replace = new Map(spec.replace!.map((h) => [h.name.toLowerCase(), h]));
      const present = new Set(before.headers.map((h) => h.name.toLowerCase()));
      const expected: HeaderField[] = [
        ...spec.prepend!,
        ...spec.replace!.filter((h) => !present.has(h.name.toLowerCase())),
      ];
      const done = new Set<string>();
      const untouched: string[] = [];
      for (const h of before.headers) {
        const key = h.name.toLowerCase();
        const replacement = replace.get(key);
        if (replacement && !done.has(key))
          expected.push({ name: h.name, value: replacement.value });
        if (replacement) done.add(key);
        else if (!remove.has(key)) {
          expected.push({ name: h.name, value: h.value });
          untouched.push(bytesToBinaryString(raw, h.start, h.end));
        }
      }
      expect(after.headers.map((h) => ({ name: h.name, value: h.value }))).toEqual(expected);
      // Each field left alone keeps its bytes, line end included.
      const kept = after.headers
        .slice(
          spec.prepend!.length +
            spec.replace!.filter((h) => !present.has(h.name.toLowerCase())).length,
        )
        .filter((h) => !replace.has(h.name.toLowerCase()))
        .map((h) => bytesToBinaryString(out, h.start, h.end));
      expect(kept).toEqual(untouched);
    },
  );
});
