import { test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  asciiAddress,
  buildMessage,
  inspectMessage,
  parseAddressList,
  type MimeNode,
} from '../../../src/lib/mime/index.ts';
import { propertyRuns } from '../../support/property-runs.ts';
import { leaves } from './build-support.ts';
import { draftArbitrary } from './draft-arbitrary.ts';

const NOW = new Date('2024-05-06T07:08:09Z');
const boundary = (depth: number) => `----=_Part_${depth}_roundtrip`;

/** The builder's tree without what only the builder can know (why it chose an encoding). */
function comparable(node: MimeNode): MimeNode {
  const { transferEncodingReason: _reason, ...rest } = node;
  return { ...rest, children: node.children.map(comparable) };
}

/**
 * Mailboxes compared as a reader sees them: the display name, and the address in ASCII. A quoted
 * name is taken as written, so a name that only looks like an encoded word stays as it is.
 */
const mailboxes = (written: string[]) =>
  written
    .flatMap((value) => parseAddressList(value, { decodeQuoted: false }))
    .map((entry) => ({ name: entry.name, address: 'address' in entry ? entry.address : '' }));
const expectedMailboxes = (list: Array<{ name: string; address: string }>) =>
  list.map((m) => ({ name: m.name, address: asciiAddress(m.address) }));

/** Text bodies are written with CRLF line ends (RFC 5322 §2.3). */
const crlf = (s: string) => s.replace(/\r\n|\r|\n/g, '\r\n');

describe('inspectMessage(buildMessage(draft).raw)', () => {
  test.prop([draftArbitrary], propertyRuns(300))('gives back the draft and the builder’s own tree', async ({ draft: d, from, to, cc }) => {
    const built = buildMessage(d, { now: NOW, boundary });
    const inspection = await inspectMessage(built.raw);
    // The root spans the whole message, the final CRLF included: every byte belongs to it.
    expect(inspection.tree.end).toBe(built.raw.length);
    expect(inspection.tree).toEqual(comparable(built.tree));
    // A subject is one line: the builder writes each line break in it as a space.
    expect(inspection.subject ?? '').toBe((d.subject ?? '').replace(/\r\n|\r|\n/g, ' '));
    // When the builder adds an empty text part (a draft with no body), it is read back as such.
    // A one-part message ends with the CRLF the builder appends as the last line's terminator;
    // it is part of the body's bytes, so the body reads back with it.
    // (Base64 decoding skips line breaks, so there the terminator is not content.)
    const single = built.tree.children.length === 0 && built.tree.transferEncoding !== 'base64';
    const body = (text: string) => (single && text && !text.endsWith('\r\n') ? `${text}\r\n` : text);
    const emptyText = leaves(built.tree).some((n) => n.contentType === 'text/plain' && !n.filename);
    const text = d.text === undefined ? (emptyText ? '' : undefined) : crlf(d.text);
    expect(inspection.text).toBe(text === undefined ? undefined : body(text));
    expect(inspection.html).toBe(d.html === undefined ? undefined : body(crlf(d.html)));
    // Inline parts go into the related group, before the other attachments: compare as sets.
    const key = (a: { filename?: string; content: Uint8Array }) =>
      `${a.filename}:${Array.from(a.content).join(',')}`;
    expect(inspection.attachments.map(key).sort()).toEqual(d.attachments!.map(key).sort());
    for (const a of inspection.attachments) expect(a.size).toBe(a.content.length);
    expect(mailboxes(inspection.to)).toEqual(expectedMailboxes(to));
    expect(mailboxes(inspection.from === undefined ? [] : [inspection.from])).toEqual(
      expectedMailboxes([from]),
    );
    const header = (name: string) =>
      inspection.headers.filter((h) => h.name.toLowerCase() === name).map((h) => h.value);
    expect(mailboxes(header('cc'))).toEqual(expectedMailboxes(cc));
    expect(header('bcc')).toEqual([]);
    // Inline parts keep the Content-ID the draft gave them.
    const ids = (list: Array<{ filename?: string; contentId?: string }>) =>
      list.map((a) => `${a.filename}:${a.contentId ?? ''}`).sort();
    expect(ids(inspection.attachments)).toEqual(ids(d.attachments!));
    expect(inspection.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
  }); // prettier-ignore
});
