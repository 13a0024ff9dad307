import { test } from '@fast-check/vitest';
import PostalMime from 'postal-mime';
import { describe, expect } from 'vitest';
import { asciiAddress, buildMessage } from '../../../src/lib/mime/index.ts';
import { expectWellFormed, leaves, nodeContent } from './build-support.ts';
import { propertyRuns } from '../../support/property-runs.ts';
import { draftArbitrary, lines } from './draft-arbitrary.ts';

const runs = propertyRuns(150);
const now = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/**
 * A text body as postal-mime 4.0 returns it, compared line by line. postal-mime keeps the CRLF
 * that precedes a boundary delimiter as the body's last line end (RFC 2046 §5.1.1 gives it to
 * the delimiter), and a single-part message ends with the CRLF that SMTP would add anyway; so one
 * extra final line end is its reading of the exact body. The exact bytes are checked through the
 * tree offsets below and by Python's `email` in the oracle test.
 */
function readBody(value: string | undefined, expected: string): string {
  const body = lines(value ?? '');
  return body === `${expected}\n` ? expected : body;
}

describe('buildMessage on random drafts', () => {
  test.prop([draftArbitrary], runs)(
    'writes well-formed 7-bit mail that postal-mime reads back exactly',
    async ({ draft, from, to, cc }) => {
      const message = buildMessage(draft, { now });
      expectWellFormed(message);
      expect(message.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(text(message.raw)).not.toMatch(/^Bcc:/im);

      const parsed = await PostalMime.parse(message.raw);
      expect((parsed.subject ?? '').trim()).toBe(lines(draft.subject!).replace(/\n/g, ' ').trim());
      expect(parsed.from).toMatchObject({ name: from.name, address: asciiAddress(from.address) });
      const recipients = (list: typeof parsed.to) =>
        (list ?? []).map((m) => ({ name: m.name, address: 'address' in m ? m.address : '' }));
      expect(recipients(parsed.to)).toEqual(
        to.map((m) => ({ name: m.name, address: asciiAddress(m.address) })),
      );
      expect(recipients(parsed.cc)).toEqual(
        cc.map((m) => ({ name: m.name, address: asciiAddress(m.address) })),
      );
      if (draft.text !== undefined)
        expect(readBody(parsed.text, lines(draft.text))).toBe(lines(draft.text));
      if (draft.html !== undefined)
        expect(readBody(parsed.html, lines(draft.html))).toBe(lines(draft.html));
      // Inline parts of the HTML come first (inside multipart/related), then the attachments.
      const ordered = (draft.attachments ?? [])
        .map((a) => ({ a, related: a.inline && draft.html !== undefined }))
        .sort((x, y) => Number(y.related) - Number(x.related))
        .map(({ a }) => a);
      expect(
        parsed.attachments.map((a) => ({
          filename: a.filename,
          content: new Uint8Array(a.content as ArrayBuffer),
        })),
      ).toEqual(ordered.map((a) => ({ filename: a.filename, content: a.content })));

      // Every leaf's offsets point at bytes that decode to what the draft holds.
      const expected = [
        ...(draft.text !== undefined ? [lines(draft.text).replace(/\n/g, '\r\n')] : []),
        ...(draft.html !== undefined ? [lines(draft.html).replace(/\n/g, '\r\n')] : []),
      ];
      // A draft with no body at all still gets an empty text part.
      if (!expected.length && !draft.attachments?.length) expected.push('');
      const parts = leaves(message.tree);
      // A single-part message ends with the CRLF that ends its last line (RFC 5322 §2.3): as
      // Python's email reads it, that CRLF belongs to a body sent as text (7bit or
      // quoted-printable); a base64 body decodes to its content alone.
      const terminated = (value: string) =>
        message.tree.children.length === 0 &&
        message.tree.transferEncoding !== 'base64' &&
        value !== '' &&
        !value.endsWith('\r\n')
          ? `${value}\r\n`
          : value;
      expected.forEach((value, index) =>
        expect(text(nodeContent(message, parts[index]!))).toBe(terminated(value)),
      );
      parts.slice(expected.length).forEach((node, index) => {
        expect(node.filename).toBe(ordered[index]!.filename);
        expect(nodeContent(message, node)).toEqual(ordered[index]!.content);
      });
    },
  );

  test.prop([draftArbitrary], { ...runs, numRuns: Math.ceil(runs.numRuns / 5) })(
    'is deterministic',
    ({ draft }) => {
      expect(buildMessage(draft, { now }).raw).toEqual(
        buildMessage(structuredClone(draft), { now }).raw,
      );
    },
  );
});
