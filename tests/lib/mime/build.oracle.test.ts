import { fc } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { largeDraft, tinyDraft } from '../../../bench/workload.ts';
import { buildMessage, type Draft } from '../../../src/lib/mime/index.ts';
import { hasPython, parseWithPython, type PythonReport } from '../../support/python-email.ts';
import { draftArbitrary, lines } from './draft-arbitrary.ts';

const now = new Date(Date.UTC(2026, 5, 30, 23, 59, 59));

/** Hand-picked drafts for the features the random ones reach rarely. */
const handPicked: Draft[] = [
  largeDraft(),
  tinyDraft(),
  {
    from: '"O\'Brien, Seán" <sean@münchen.example>',
    to: ['Team: a@x.example, "Doe, Jane" <jane@x.example>;'],
    replyTo: ['=?UTF-8?Q?not_decoded_by_us?= <r@x.example>'],
    subject: 'x'.repeat(200) + ' — ' + '😀'.repeat(30),
    text: 'line with trailing space \nlone\rCR and = signs =3D\n' + 'long '.repeat(100),
    html: '<p>' + 'Ünïcödé '.repeat(50) + '</p>',
    attachments: [
      { filename: 'x'.repeat(150) + '.txt', content: new TextEncoder().encode('plain\n') },
      { filename: 'Ɣ'.repeat(60) + '.pdf', content: Uint8Array.of(0, 13, 10, 255) },
      { filename: 'a "quoted"; name.bin', content: new Uint8Array(0) },
    ],
    headers: [
      { name: 'X-SES-MESSAGE-TAGS', value: 'campaign=welcome, team=growth' },
      { name: 'List-Unsubscribe', value: '<mailto:unsubscribe@x.example?subject=unsubscribe>' },
      { name: 'X-Long', value: 'word '.repeat(60) },
    ],
  },
  {
    from: 'a@x.example',
    to: ['b@x.example'],
    subject: '日本語の件名です。とても長い件名になるかもしれません。',
    text: 'Только кириллица, много строк.\n'.repeat(40),
  },
];

const random = fc
  .sample(draftArbitrary, { seed: 20261127, numRuns: 60 })
  .map((sample) => sample.draft);

/**
 * Python's text of a part, compared line by line. A single-part message ends with the CRLF that
 * SMTP adds anyway, which Python (rightly) counts as the body's last line end.
 */
function pythonText(text: string | null, expected: string, singlePart: boolean): string {
  const body = lines(text ?? '');
  return singlePart && body === `${expected}\n` ? expected : body;
}

/** Bytes as base64, so a megabyte compares in one string comparison. */
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe.skipIf(!hasPython())('Python email oracle (policy=default)', () => {
  const drafts = [...handPicked, ...random];
  const messages = drafts.map((draft) => buildMessage(draft, { now }));
  let reports: PythonReport[] = [];
  test('parses every built message without a single defect', () => {
    reports = parseWithPython(messages.map((m) => m.raw));
    const defects = reports.flatMap((report, index) =>
      report.defects.map((d) => ({ index, ...d })),
    );
    expect(defects).toEqual([]);
  });

  test('reads back the same subject and the same decoded content', () => {
    reports.forEach((report, index) => {
      const draft = drafts[index]!;
      const subject = report.headers.find(([name]) => name === 'Subject')?.[1];
      expect(subject?.trim()).toBe(
        lines(draft.subject ?? '')
          .replace(/\n/g, ' ')
          .trim(),
      );
      expect(report.headers.some(([name]) => name.toLowerCase() === 'bcc')).toBe(false);
      const texts = report.parts.filter(
        (p) => p.disposition === null && p.contentType.startsWith('text/'),
      );
      const bodies = [draft.text, draft.html].filter((b): b is string => b !== undefined);
      const expected = bodies.length ? bodies.map(lines) : draft.attachments?.length ? [] : [''];
      const single = messages[index]!.tree.children.length === 0;
      expect(texts.map((p, k) => pythonText(p.text, expected[k] ?? '', single))).toEqual(expected);
      const ordered = (draft.attachments ?? [])
        .map((a) => ({ a, related: a.inline && draft.html !== undefined }))
        .sort((x, y) => Number(y.related) - Number(x.related))
        .map(({ a }) => a);
      const files = report.parts.filter((p) => p.disposition !== null);
      expect(files.map((p) => ({ filename: p.filename, content: b64(p.content) }))).toEqual(
        ordered.map((a) => ({ filename: a.filename, content: b64(a.content) })),
      );
    });
  });

  test('flags an RFC 2047 name= fallback, which is why it is not the default', () => {
    const draft: Draft = {
      from: 'a@x.example',
      to: ['b@x.example'],
      subject: 's',
      attachments: [{ filename: 'résumé.pdf', content: new Uint8Array(1) }],
    };
    const [legacy] = parseWithPython([
      buildMessage(draft, { now, filenameFallback: 'rfc2047' }).raw,
    ]);
    expect(legacy!.defects.map((d) => d.message)).toContain('encoded word inside quoted string');
    expect(legacy!.parts.find((p) => p.disposition === 'attachment')?.filename).toBe('résumé.pdf');
  });
});
