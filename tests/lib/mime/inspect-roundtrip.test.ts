import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  buildMessage,
  inspectMessage,
  type Draft,
  type MimeNode,
} from '../../../src/lib/mime/index.ts';

const NOW = new Date('2024-05-06T07:08:09Z');
const boundary = (depth: number) => `----=_Part_${depth}_roundtrip`;

/** The builder's tree without what only the builder can know (why it chose an encoding). */
function comparable(node: MimeNode): MimeNode {
  const { transferEncodingReason: _reason, ...rest } = node;
  return { ...rest, children: node.children.map(comparable) };
}

const word = fc.stringMatching(/^[A-Za-z0-9]{1,10}$/);
const text = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', 'é', '€', '😀', '東', '=', '.', '\n', '\r\n', '\t', '-'), maxLength: 300 }); // prettier-ignore
const name = fc.string({ unit: fc.constantFrom('A', 'n', ' ', 'ü', 'Ω', '"', ',', '😀'), minLength: 1, maxLength: 20 }).filter((s) => s.trim() === s && s.length > 0 && !s.includes('  ')); // prettier-ignore
const address = fc.tuple(word, word).map(([local, domain]) => `${local}@${domain}.example`);
/** A mailbox as a person types it: a name with specials is quoted (RFC 5322 §3.2.4). */
const mailbox = fc.tuple(fc.option(name, { nil: undefined }), address).map(([n, a]) => {
  if (!n) return a;
  return /[",]/.test(n) ? `"${n.replace(/(["\\])/g, '\\$1')}" <${a}>` : `${n} <${a}>`;
});
const attachment = fc.record({
  filename: fc.tuple(name, fc.constantFrom('.bin', '.png', '.txt', '.pdf')).map(([n, e]) => n + e),
  content: fc.uint8Array({ maxLength: 400 }),
  contentType: fc.constantFrom('application/octet-stream', 'image/png', 'application/pdf'),
  inline: fc.boolean(),
}); // prettier-ignore

const draft: fc.Arbitrary<Draft> = fc
  .record({
    from: mailbox,
    to: fc.array(mailbox, { minLength: 1, maxLength: 3 }),
    subject: fc.option(
      text.map((s) => s.replace(/[\r\n]/g, ' ')),
      { nil: undefined },
    ),
    text: fc.option(text, { nil: undefined }),
    html: fc.option(
      text.map((s) => `<p>${s}</p>`),
      { nil: undefined },
    ),
    attachments: fc.array(attachment, { maxLength: 3 }),
  })
  .map((d) => {
    const out: Draft = { from: d.from, to: d.to, attachments: d.attachments };
    if (d.subject !== undefined) out.subject = d.subject;
    if (d.text !== undefined) out.text = d.text;
    if (d.html !== undefined) out.html = d.html;
    return out;
  });

const leaves = (node: MimeNode): MimeNode[] =>
  node.children.length ? node.children.flatMap(leaves) : [node];

/** Text bodies are written with CRLF line ends (RFC 5322 §2.3). */
const crlf = (s: string) => s.replace(/\r\n|\r|\n/g, '\r\n');

describe('inspectMessage(buildMessage(draft).raw)', () => {
  test.prop([draft], { numRuns: 300 })('gives back the draft and the builder’s own tree', async (d) => {
    const built = buildMessage(d, { now: NOW, boundary });
    const inspection = await inspectMessage(built.raw);
    // The root spans the whole message, the final CRLF included: every byte belongs to it.
    expect(inspection.tree.end).toBe(built.raw.length);
    expect(inspection.tree).toEqual(comparable(built.tree));
    expect(inspection.subject ?? '').toBe(d.subject ?? '');
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
    expect(inspection.to).toEqual(d.to);
    expect(inspection.from).toBe(d.from);
    expect(inspection.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
  }); // prettier-ignore
});
