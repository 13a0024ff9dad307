/**
 * Drafts written to break the builder: over-long and odd addresses, control characters, runs of
 * spaces, envelope overrides that try to inject SMTP commands, names that look like encoded words,
 * and misuse. Every message is checked for legal lines, and the names read back by Python's
 * `email` as an independent reader.
 */
import { fc, test as propertyTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { smtpTranscript } from '../../../src/lib/export/smtp-transcript.ts';
import { buildMessage, inspectMessage, type Draft } from '../../../src/lib/mime/index.ts';
import { hasPython, parseWithPython } from '../../support/python-email.ts';
import { propertyRuns } from '../../support/property-runs.ts';
import { expectWellFormed } from './build-support.ts';

const now = new Date(Date.UTC(2026, 0, 1));
const build = (draft: Draft) => buildMessage(draft, { now });
const text = (raw: Uint8Array) => new TextDecoder().decode(raw);
const head = (raw: Uint8Array) => text(raw).split('\r\n\r\n')[0]!;

describe('addresses SMTP cannot carry are refused, not written', () => {
  const cases: Array<[string, string]> = [
    ['a local part over 64 octets', `${'l'.repeat(65)}@x.example`],
    ['a domain over 255 octets', `a@${['d', 'e', 'f', 'g'].map((c) => c.repeat(63)).join('.')}.example`],
    ['a domain label over 63 octets', `a@${'d'.repeat(64)}.example`],
    ['a NUL in a quoted local part', '"a\u0000b"@x.example'],
    ['a control character in a quoted local part', '"a\u0007b"@x.example'],
  ]; // prettier-ignore
  for (const [what, address] of cases) {
    test(what, () => {
      const message = build({ from: 'a@x.example', to: [address, 'ok@x.example'], text: 't' });
      expect(message.diagnostics.some((d) => d.code === 'invalid-address')).toBe(true);
      expectWellFormed(message);
      expect(head(message.raw)).toContain('To: ok@x.example');
      expect(text(message.raw)).not.toContain(address);
      expect(message.envelope.rcptTo).toEqual(['ok@x.example']);
    });
  }

  test('the longest addresses SMTP allows are written and folded within 998', () => {
    const longest = `${'l'.repeat(64)}@${['d'.repeat(63), 'e'.repeat(63), 'f'.repeat(63), 'g'.repeat(61)].join('.')}`;
    const quoted = `"${'a b '.repeat(15)}x"@x.example`;
    const message = build({ from: `a@x.example`, to: [longest, quoted], text: 't' });
    expect(message.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expectWellFormed(message);
    expect(message.envelope.rcptTo).toEqual([longest, quoted]);
  });
});

describe('folding keeps every header line legal', () => {
  test('runs of spaces in a subject and a custom header fold and unfold to the value', async () => {
    for (const run of [200, 1500, 1900]) {
      const subject = `a${' '.repeat(run)}b c`;
      const message = build({
        from: 'a@x.example',
        to: ['b@x.example'],
        subject,
        headers: [{ name: 'X-Spaces', value: `x${' '.repeat(run)}y` }],
        text: 't',
      });
      expectWellFormed(message);
      expect((await inspectMessage(message.raw)).subject).toBe(subject);
      const headers = (await inspectMessage(message.raw)).headers;
      expect(headers.find((h) => h.name === 'X-Spaces')?.value).toBe(`x${' '.repeat(run)}y`);
    }
  });

  test('a quoted stretch of a Subject longer than a line still folds at its spaces', async () => {
    // Found by the property below: quotes mean nothing in an unstructured field, and a quoted
    // run of 422 octets glued to 601 more made one 1,024-octet line.
    const subject = `"${'w'.repeat(300)}${' '.repeat(120)}"${'w'.repeat(600)}a`;
    const message = build({ from: 'a@x.example', to: ['b@x.example'], subject, text: 't' });
    expectWellFormed(message);
    expect((await inspectMessage(message.raw)).subject).toBe(subject);
  });

  propertyTest.prop(
    [
      fc.array(fc.oneof(fc.constant(' '.repeat(120)), fc.string({ maxLength: 20 }), fc.constant('w'.repeat(300))), { maxLength: 12 }),
      fc.stringMatching(/^[a-z]{1,64}$/),
    ],
    propertyRuns(100),
  )('any subject and local part give lines within 998', (pieces, local) => {
    const message = build({ from: `${local}@x.example`, to: [`"${local} ${local}"@x.example`], subject: pieces.join(''), text: 't' });
    expectWellFormed(message);
  }); // prettier-ignore
});

describe('the envelope override cannot inject SMTP commands', () => {
  const attacks = [
    'a\r\nRCPT TO:<victim@example.com>@example.com',
    'a@example.com>\r\nRCPT TO:<victim@example.com',
    'a@example.com\nDATA',
    'a\u0000@example.com',
  ];
  for (const attack of attacks) {
    test(JSON.stringify(attack), () => {
      const message = build({
        from: 'a@x.example',
        to: ['b@x.example'],
        text: 't',
        envelope: { mailFrom: attack, rcptTo: [attack, 'c@x.example'] },
      });
      expect(message.diagnostics.map((d) => d.code)).toContain('envelope-refused');
      expect(message.envelope).toEqual({ mailFrom: 'a@x.example', rcptTo: ['c@x.example'] });
      const lines = smtpTranscript(message.envelope, message.raw).before.map((e) => e.client);
      expect(lines.filter((l) => l?.startsWith('RCPT TO'))).toEqual(['RCPT TO:<c@x.example>']);
      expect(lines.join('\n')).not.toContain('victim');
    });
  }

  test('an address the lenient parser would make up is refused', () => {
    const message = build({
      from: 'a@x.example',
      text: 't',
      envelope: {
        rcptTo: ['x <a@b.example> <victim@example.com>', 'victim@example.com, c@x.example'],
      },
    });
    expect(message.diagnostics.filter((d) => d.code === 'envelope-refused')).toHaveLength(2);
    expect(message.envelope.rcptTo).toEqual([]);
  });

  test('a transcript refuses an envelope with a line break', () => {
    const raw = new TextEncoder().encode('Subject: x\r\n\r\nx\r\n');
    expect(() => smtpTranscript({ mailFrom: 'a@b\r\nDATA', rcptTo: [] }, raw)).toThrow(RangeError);
    expect(() => smtpTranscript({ mailFrom: 'a@b', rcptTo: ['c@d>\nQUIT'] }, raw)).toThrow(
      RangeError,
    );
  });
});

describe('misuse is a RangeError with a plain sentence', () => {
  const misuse: Array<[string, unknown]> = [
    ['To as a string', { from: 'a@x.example', to: 'b@x.example' }],
    ['Subject as a number', { from: 'a@x.example', subject: 42 }],
    ['a header without a value', { from: 'a@x.example', headers: [{ name: 'X-A' }] }],
    ['rcptTo as a string', { from: 'a@x.example', envelope: { rcptTo: 'b@x.example' } }],
    ['attachments as an object', { from: 'a@x.example', attachments: {} }],
    ['text as an array', { from: 'a@x.example', text: ['x'] }],
  ];
  for (const [what, draft] of misuse) {
    test(what, () => {
      expect(() => buildMessage(draft as Draft, { now })).toThrow(RangeError);
      expect(() => buildMessage(draft as Draft, { now })).toThrow(/^The |^Every /);
    });
  }
});

describe('only what needs encoding is encoded', () => {
  test('a file named like an encoded word keeps its name (RFC 2231)', async () => {
    const filename = '=?utf-8?q?x?=.txt';
    const message = build({ from: 'a@x.example', attachments: [{ filename, content: Uint8Array.of(1) }] });
    expect((await inspectMessage(message.raw)).attachments[0]?.filename).toBe(filename);
    if (hasPython()) expect(parseWithPython([message.raw])[0]!.parts.map((p) => p.filename)).toContain(filename);
  }); // prettier-ignore

  test('a subject that starts with U+FEFF keeps it', async () => {
    const subject = '\ufeffHello';
    const message = build({ from: 'a@x.example', subject, text: 't' });
    expect((await inspectMessage(message.raw)).subject).toBe(subject);
    if (hasPython()) expect(parseWithPython([message.raw])[0]!.headers).toContainEqual(['Subject', subject]);
  }); // prettier-ignore

  test.runIf(hasPython())('long ASCII names and words are written as they are', () => {
    const name = `${'Averyveryverylongfirstname'.repeat(5)} Smith`;
    const subject = `Order ${'x'.repeat(300)} shipped`;
    const quoted = `Doe, ${'Jane '.repeat(30)}`.trim();
    const message = build({ from: `${name} <a@x.example>`, to: [`"${quoted}" <b@x.example>`], subject, text: 't' });
    expect(head(message.raw)).not.toContain('=?');
    expectWellFormed(message);
    const headers = parseWithPython([message.raw])[0]!.headers;
    expect(headers).toContainEqual(['From', `${name} <a@x.example>`]);
    expect(headers).toContainEqual(['To', `"${quoted}" <b@x.example>`]);
    expect(headers).toContainEqual(['Subject', subject]);
  }); // prettier-ignore
});
