/**
 * Random drafts for property tests: non-ASCII and emoji names and subjects, long lines, lone CR
 * and LF, trailing spaces, '=' signs, binary attachments with non-ASCII names.
 */
import { fc } from '@fast-check/vitest';
import type { Draft, DraftAttachment } from '../../../src/lib/mime/index.ts';

/** Text that hits the encoders' edge cases. */
const awkwardText = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.constantFrom(
        '\r',
        '\n',
        '\r\n',
        ' ',
        '  \n',
        '\t',
        '=',
        '=3D',
        '=\r\n',
        '.',
        'From ',
        '--',
        '😀',
        'é',
      ),
      fc.integer({ min: 60, max: 400 }).map((n) => 'x'.repeat(n)),
      fc.integer({ min: 20, max: 120 }).map((n) => 'Ü'.repeat(n)),
    ),
    { maxLength: 20 },
  )
  .map((pieces) => pieces.join(''));

/** A display name as a person types it: one line, single spaces. */
export const displayName = fc
  .oneof(
    fc.string({ unit: 'grapheme', maxLength: 30 }),
    fc.constantFrom(
      'Doe, John',
      'O\'Brien "OB"',
      'Zoë Ångström',
      '山田 太郎',
      '😀 Party',
      '=?UTF-8?Q?x?=',
    ),
  )
  .map((name) => name.replace(/\s+/g, ' ').trim());

const domain = fc.oneof(
  fc.domain(),
  fc.constantFrom('bücher.example', 'münchen.example', '例え.jp'),
);
const localPart = fc.oneof(
  fc.constantFrom('a', 'zoe', 'first.last', 'user+tag', "o'brien"),
  fc.stringMatching(/^[a-z0-9]{1,12}$/),
);

/** A mailbox with its parts, as the draft writes it. */
export const mailbox = fc
  .record({ name: displayName, local: localPart, domain })
  .map(({ name, local, domain: host }) => ({
    name,
    address: `${local}@${host}`,
    written: name ? `${JSON.stringify(name)} <${local}@${host}>` : `${local}@${host}`,
  }));

const attachment: fc.Arbitrary<DraftAttachment> = fc.record({
  filename: fc.oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
    fc.constantFrom(
      'résumé.pdf',
      'データ.bin',
      '😀 photo.png',
      'a b;c"d.txt',
      'x'.repeat(120) + '.zip',
    ),
  ),
  contentType: fc.constantFrom('application/octet-stream', 'image/png', 'application/pdf'),
  content: fc.uint8Array({ maxLength: 3000 }),
  inline: fc.boolean(),
});

/** A draft and the mailboxes it names, for checking what a parser reads back. */
export const draftArbitrary = fc
  .record({
    from: mailbox,
    to: fc.array(mailbox, { minLength: 1, maxLength: 3 }),
    cc: fc.array(mailbox, { maxLength: 2 }),
    bcc: fc.array(mailbox, { maxLength: 2 }),
    subject: fc.oneof(fc.string({ unit: 'grapheme', maxLength: 120 }), awkwardText),
    text: fc.option(awkwardText, { nil: undefined }),
    html: fc.option(
      awkwardText.map((t) => `<p>${t}</p>`),
      { nil: undefined },
    ),
    attachments: fc.array(attachment, { maxLength: 3 }),
  })
  .map((r) => {
    const attachments = r.attachments.map((a, i) =>
      a.inline ? { ...a, contentId: `part${i}@mailwright.example` } : a,
    );
    const draft: Draft = {
      from: r.from.written,
      to: r.to.map((m) => m.written),
      cc: r.cc.map((m) => m.written),
      bcc: r.bcc.map((m) => m.written),
      subject: r.subject,
      attachments,
      ...(r.text !== undefined ? { text: r.text } : {}),
      ...(r.html !== undefined ? { html: r.html } : {}),
    };
    return { draft, from: r.from, to: r.to, cc: r.cc };
  });

/** Line ends as a reader sees them: every CRLF, CR and LF as LF. */
export function lines(text: string): string {
  return text.replace(/\r\n|\r|\n/g, '\n');
}
