import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { formatMbox, isMbox, splitMbox } from '../../../src/lib/mime/mbox.ts';
import { corpusPath, describeCorpus, readCorpus } from '../../support/corpus.ts';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const bytes = (text: string) => encoder.encode(text);
const text = (raw: Uint8Array) => decoder.decode(raw);

/** Python's `mailbox.mbox` as the independent reading of each file: postmark and message bytes. */
function pythonMbox(path: string): Array<{ postmark: string; raw: Uint8Array }> {
  const script = [
    'import mailbox, sys, json, base64',
    'box = mailbox.mbox(sys.argv[1], create=False)',
    'out = []',
    'for key in box.keys():',
    '    box._file.seek(box._toc[key][0])',
    '    postmark = box._file.readline().rstrip(b"\\r\\n").decode("latin-1")',
    '    out.append([postmark, base64.b64encode(box.get_bytes(key)).decode()])',
    'print(json.dumps(out))',
  ].join('\n');
  const json = execFileSync('python3', ['-c', script, path], { maxBuffer: 64 << 20 }).toString();
  return (JSON.parse(json) as Array<[string, string]>).map(([postmark, b64]) => ({
    postmark,
    raw: new Uint8Array(Buffer.from(b64, 'base64')),
  }));
}

const MBOX_FILES = [
  'james-mime4j/mbox/src/test/resources/test-1/mbox.rlug',
  'mimekit/UnitTests/TestData/mbox/content-length.mbox.txt',
  'mimekit/UnitTests/TestData/mbox/issue1189.mbox.txt',
  'mimekit/UnitTests/TestData/mbox/simple.mbox.txt',
  'sisimai-set-of-emails/mailbox/mbox-0',
  'sisimai-set-of-emails/mailbox/mbox-1',
  'cpython-test_email/Lib/test/test_email/data/mailbox_01.mbox',
];

describeCorpus('splitMbox on the corpus mbox files', () => {
  for (const file of MBOX_FILES) {
    it(`splits ${file} where Python's mailbox module does, byte for byte`, () => {
      const file_ = readCorpus(file);
      const ours = splitMbox(file_, { quoting: 'none' });
      const theirs = pythonMbox(corpusPath(file));
      expect(ours.map((m) => m.postmark)).toEqual(theirs.map((m) => m.postmark));
      ours.forEach((message, index) => {
        const expected = theirs[index]!.raw;
        // Python only recognises "\n" as the empty line that precedes a separator, so in a CRLF
        // file it keeps the "\r\n" that RFC 4155 says belongs to the separator.
        const same =
          Buffer.compare(Buffer.from(message.raw), Buffer.from(expected)) === 0 ||
          Buffer.compare(
            Buffer.concat([message.raw, Buffer.from('\r\n')]),
            Buffer.from(expected),
          ) === 0;
        expect(same, `message ${index} of ${file}`).toBe(true);
        expect(isMbox(file_)).toBe(true);
      });
    });
  }

  it('matches the messages mime4j extracts from mbox.rlug (which keep the empty line)', () => {
    const folder = 'james-mime4j/mbox/src/test/resources/test-1/';
    const messages = splitMbox(readCorpus(folder, 'mbox.rlug'));
    expect(messages).toHaveLength(5);
    messages.forEach((message, index) => {
      expect(text(message.raw) + '\n').toBe(text(readCorpus(folder, `mbox.rlug-${index}`)));
      expect(message.postmark).toBe('From news@gmane.org Tue Mar 04 03:33:20 2003');
    });
  });

  it('treats every From line as a separator, after a byte-order mark too, as MimeKit does', () => {
    // MimeKit's TestUnmungedFromLines expects four messages, marked alternately.
    const messages = splitMbox(readCorpus('mimekit/UnitTests/TestData/mbox/unmunged.mbox.txt'));
    expect(messages.map((m) => m.postmark.trimEnd())).toEqual([
      'From -',
      'From Russia with love',
      'From -',
      'From Russia with love',
    ]);
    expect(text(messages[0]!.raw)).toMatch(/^From: Jeffrey Stedfast/);
  });

  it('gives byte ranges that point at each message in the file', () => {
    const file = readCorpus('sisimai-set-of-emails/mailbox/mbox-0');
    for (const message of splitMbox(file, { quoting: 'none' })) {
      expect(file.slice(message.contentStart, message.end)).toEqual(message.raw);
      expect(text(file.slice(message.start, message.contentStart))).toBe(message.postmark + '\r\n');
    }
  });
});

describe('splitMbox', () => {
  it('unquotes one level of >From in mboxrd and only single quotes in mboxo', () => {
    const file = bytes(
      'From a@example.com Mon Jan  1 00:00:00 2024\nSubject: x\n\n>From here\n>>From there\n\n',
    );
    expect(text(splitMbox(file)[0]!.raw)).toBe('Subject: x\n\nFrom here\n>From there\n');
    expect(text(splitMbox(file, { quoting: 'mboxo' })[0]!.raw)).toBe(
      'Subject: x\n\nFrom here\n>>From there\n',
    );
    expect(text(splitMbox(file, { quoting: 'none' })[0]!.raw)).toBe(
      'Subject: x\n\n>From here\n>>From there\n',
    );
  });

  it('keeps a From line inside a body whose Content-Length covers it', () => {
    const body = 'line one\nFrom the desk of someone\nline three\n';
    const file = bytes(
      `From a Mon Jan  1 00:00:00 2024\nContent-Length: ${body.length}\n\n${body}\n` +
        'From b Mon Jan  1 00:00:01 2024\nSubject: second\n\nbye\n',
    );
    const trusted = splitMbox(file);
    expect(trusted.map((m) => m.postmark)).toEqual([
      'From a Mon Jan  1 00:00:00 2024',
      'From b Mon Jan  1 00:00:01 2024',
    ]);
    expect(text(trusted[0]!.raw)).toBe(`Content-Length: ${body.length}\n\n${body}`);
    expect(splitMbox(file, { respectContentLength: false })).toHaveLength(3);
  });

  it('ignores a Content-Length that does not land on a separator', () => {
    const file = bytes(
      'From a Mon Jan  1 00:00:00 2024\nContent-Length: 3\n\nhello\nFrom b x\n\nbye\n',
    );
    expect(splitMbox(file).map((m) => text(m.raw))).toEqual([
      'Content-Length: 3\n\nhello\n',
      '\nbye\n',
    ]);
  });

  it('keeps text before the first separator rather than dropping it', () => {
    const messages = splitMbox(bytes('Subject: loose\n\nbody\n\nFrom b x\nSubject: y\n\nz\n'));
    expect(messages.map((m) => [m.postmark, text(m.raw)])).toEqual([
      ['', 'Subject: loose\n\nbody\n'],
      ['From b x', 'Subject: y\n\nz\n'],
    ]);
  });

  it('handles CRLF and bare CR line ends', () => {
    const crlf = splitMbox(
      bytes('From a x\r\nSubject: 1\r\n\r\nA\r\n\r\nFrom b y\r\nSubject: 2\r\n'),
    );
    expect(crlf.map((m) => text(m.raw))).toEqual(['Subject: 1\r\n\r\nA\r\n', 'Subject: 2\r\n']);
    const cr = splitMbox(bytes('From a x\rSubject: 1\r\rA\r\rFrom b y\rSubject: 2\r'));
    expect(cr.map((m) => text(m.raw))).toEqual(['Subject: 1\r\rA\r', 'Subject: 2\r']);
  });

  it('returns nothing for an empty file and refuses an unknown quoting', () => {
    expect(splitMbox(new Uint8Array())).toEqual([]);
    expect(isMbox(bytes('Subject: no\n'))).toBe(false);
    expect(() => splitMbox(bytes('From x\n'), { quoting: 'mboxq' as never })).toThrow(RangeError);
  });

  const line = fc.oneof(
    fc.constantFrom('From me', '>From you', '>>From them', '', 'From', 'Subject: s'),
    fc.string({ unit: fc.constantFrom('a', ' ', '>', 'F', 'r', 'o', 'm', 'é'), maxLength: 12 }),
  );
  const message = fc
    .array(line, { minLength: 1, maxLength: 12 })
    .map((lines) => bytes(lines.join('\n') + '\n'));

  test.prop([fc.array(message, { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\r\n')])(
    'reads back exactly what formatMbox wrote',
    (messages, lineBreak) => {
      const raws =
        lineBreak === '\n'
          ? messages
          : messages.map((raw) => bytes(text(raw).replaceAll('\n', '\r\n')));
      const split = splitMbox(
        formatMbox(
          raws.map((raw) => ({ raw })),
          lineBreak,
        ),
        {
          respectContentLength: false,
        },
      );
      expect(split.map((m) => text(m.raw))).toEqual(raws.map(text));
    },
  );
});
