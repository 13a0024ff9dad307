/**
 * The inputs on which the simulator's header reading and the inspector's used to disagree: a line
 * that is not a field, bare CR and LF line ends, folded values, 8-bit bytes, no blank line. Both
 * now read them with the engine's one header reader; the simulator adds SES's refusals on top.
 */
import { describe, expect, test } from 'vitest';
import { bytesToBinaryString, concatBytes, utf8Encode } from '../../../../src/lib/mime/bytes.ts';
import {
  readHeaderSection,
  rewriteHeaderSection,
} from '../../../../src/lib/ses/outbound/header-section.ts';
import { SesError } from '../../../../src/lib/ses/index.ts';
import { stampMessage } from '../../../../src/lib/ses/outbound/outgoing-message.ts';
import { prepareSend } from '../../../../src/lib/ses/outbound/validation.ts';
import { bothReadings, thrown } from '../support.ts';

const bytes = (...pieces: Array<string | number[] | Uint8Array>) =>
  concatBytes(
    pieces.map((p) =>
      typeof p === 'string' ? utf8Encode(p) : p instanceof Uint8Array ? p : new Uint8Array(p),
    ),
  );
function sesRefusal(raw: Uint8Array | string): string {
  const error = thrown(() => prepareSend({ Content: { Raw: { Data: raw } } }));
  expect(error).toBeInstanceOf(SesError);
  expect((error as SesError).v1Code).toBe('InvalidParameterValue');
  return (error as SesError).message;
}

describe('a line that is neither a field nor a continuation', () => {
  const raw = utf8Encode(
    'From: a@example.com\r\nTo: b@x.example\r\nthis is not a header\r\nCc: c@x.example\r\n\r\nbody\r\n',
  );

  test('ends the section where the inspector ends it; what follows is body', async () => {
    const { ses, inspector, section, inspection } = await bothReadings(raw);
    expect(ses).toEqual([
      ['From', 'a@example.com'],
      ['To', 'b@x.example'],
    ]);
    expect(ses).toEqual(inspector);
    const stray = bytesToBinaryString(raw).indexOf('this is not');
    expect(section.bodyStart).toBe(stray);
    expect(inspection.tree.bodyStart).toBe(stray);
    expect(section.strayLine).toEqual({ start: stray, end: stray + 'this is not a header'.length });
    expect(inspection.diagnostics.find((d) => d.code === 'header-missing-separator')?.from).toBe(
      stray,
    );
  });

  test('SES refuses the message, naming the line as the header it would be', () => {
    expect(sesRefusal(raw)).toBe("Illegal header 'this is not a header'.");
    const withSpace = 'From: a@example.com\r\nX Bad Name: v\r\nTo: b@x.example\r\n\r\nbody\r\n';
    expect(sesRefusal(withSpace)).toBe("Illegal header 'X Bad Name'.");
    const emptyName = 'From: a@example.com\r\nTo: b@x.example\r\n : value\r\n\r\nbody\r\n';
    expect(readHeaderSection(utf8Encode(emptyName)).headers[1]!.value).toBe('b@x.example : value');
    expect(sesRefusal('From: a@example.com\r\n: value\r\nTo: b@x.example\r\n\r\nb\r\n')).toBe(
      'Empty header names are illegal.',
    );
  });

  test('an HTML body with no blank line before it gives the error SES gave', () => {
    const doctype =
      '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" ' +
      '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';
    const message = `From: a@example.com\r\nTo: b@x.example\r\nContent-Type: text/html\r\n${doctype}\r\n<html></html>\r\n`;
    expect(sesRefusal(message)).toBe(
      'Illegal header \'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http\'.',
    );
  });

  test('an mbox From_ line is skipped by both readers, and SES refuses it as a header', async () => {
    const mbox = utf8Encode(
      'From sender@example.com Sat Nov 28 00:15:50 2026\nFrom: a@example.com\nTo: b@x.example\n\nhi\n',
    );
    const { ses, inspector } = await bothReadings(mbox);
    expect(ses.map(([name]) => name)).toEqual(['From', 'To']);
    expect(ses).toEqual(inspector);
    expect(sesRefusal(mbox)).toBe("Illegal header 'From sender@example.com Sat Nov 28 00'.");
  });

  test('rewriting leaves a field after the line alone: it is body', () => {
    const out = rewriteHeaderSection(raw, { remove: ['Cc'] });
    expect(out).toEqual(raw);
  });
});

describe('line ends', () => {
  test('bare CR and bare LF end a line as CRLF does, in fields and in the blank line', async () => {
    for (const blank of ['\r\n', '\n', '\r']) {
      const raw = utf8Encode(
        `From: a@example.com\rTo: b@x.example\nCc: c@x.example\r\nSubject: s\r\n${blank}body\r\n`,
      );
      const { ses, inspector, section } = await bothReadings(raw);
      expect(ses).toEqual([
        ['From', 'a@example.com'],
        ['To', 'b@x.example'],
        ['Cc', 'c@x.example'],
        ['Subject', 's'],
      ]);
      expect(ses).toEqual(inspector);
      expect(bytesToBinaryString(raw, section.bodyStart)).toBe('body\r\n');
      expect(prepareSend({ Content: { Raw: { Data: raw } } }).recipients).toEqual([
        'b@x.example',
        'c@x.example',
      ]);
    }
  });

  test('removing a field never joins a bare CR and a bare LF blank line into one line end', () => {
    const raw = utf8Encode('From: a@example.com\rX-SES-CONFIGURATION-SET: s\n\nbody\n');
    const out = rewriteHeaderSection(raw, { remove: ['X-SES-CONFIGURATION-SET'] });
    expect(bytesToBinaryString(out)).toBe('From: a@example.com\r\r\nbody\n');
    const again = readHeaderSection(out);
    expect(again.headers.map((h) => h.name)).toEqual(['From']);
    expect(again.strayLine).toBeUndefined();
    expect(bytesToBinaryString(out, again.bodyStart)).toBe('body\n');
  });
});

describe('folded values and white space', () => {
  test('continuation lines join with their white space, whatever their line ends', async () => {
    const raw = utf8Encode(
      'From: a@example.com\r\nTo: b@x.example,\r\n c@x.example\r\nSubject: one\r\n two\n\tthree\r four\r\n\r\nbody',
    );
    const { ses, inspector } = await bothReadings(raw);
    expect(ses).toEqual(inspector);
    expect(ses[2]).toEqual(['Subject', 'one two\tthree four']);
    expect(prepareSend({ Content: { Raw: { Data: raw } } }).recipients).toEqual([
      'b@x.example',
      'c@x.example',
    ]);
  });

  test('a folded line at the very top is ignored, and fields SES adds go after it', async () => {
    const raw = utf8Encode(' stray: fold\r\nFrom: a@example.com\r\nTo: b@x.example\r\n\r\nbody');
    const { ses, inspector, section } = await bothReadings(raw);
    expect(ses).toEqual(inspector);
    expect(ses.map(([name]) => name)).toEqual(['From', 'To']);
    expect(section.fieldsStart).toBe(' stray: fold\r\n'.length);
    const out = rewriteHeaderSection(raw, { prepend: [{ name: 'Feedback-ID', value: 'f' }] });
    expect(bytesToBinaryString(out)).toBe(
      ' stray: fold\r\nFeedback-ID: f\r\nFrom: a@example.com\r\nTo: b@x.example\r\n\r\nbody',
    );
    expect(readHeaderSection(out).headers[0]).toMatchObject({ name: 'Feedback-ID', value: 'f' });
  });

  test('the simulator drops the white space around a value; the inspector keeps all but one', async () => {
    const raw = utf8Encode(
      'From: a@example.com\r\nTo: b@x.example\r\nX-SES-CONFIGURATION-SET: \t Set1 \t\r\n\r\nbody',
    );
    const { section, inspection } = await bothReadings(raw);
    expect(section.headers[2]!.value).toBe('Set1');
    expect(inspection.headers[2]!.value).toBe('\t Set1 \t');
    expect(prepareSend({ Content: { Raw: { Data: raw } } }).configurationSetName).toBe('Set1');
  });
});

describe('8-bit bytes', () => {
  const cases: Array<[string, Uint8Array, string]> = [
    ['UTF-8', bytes('Subject: Grüße, voilà\r\n'), 'Grüße, voilà'],
    ['Latin-1', bytes('Subject: caf', [0xe9], ' cr', [0xe8], 'me\r\n'), 'café crème'],
    ['Windows-1252', bytes('Subject: ', [0x93], '5 ', [0x80], [0x94], '\r\n'), '“5 €”'],
  ];
  for (const [charset, subject, text] of cases) {
    test(`${charset} header bytes read as the inspector reads them, kept as they are`, async () => {
      const raw = bytes('From: a@example.com\r\nTo: b@x.example\r\n', subject, '\r\nbody\r\n');
      const { ses, inspector, section, inspection } = await bothReadings(raw);
      expect(ses).toEqual(inspector);
      expect(section.headers[2]!.value).toBe(text);
      expect(inspection.subject).toBe(text);
      expect(section.eightBit).toBe(true);
      const stamped = stampMessage(raw, {
        messageIdHeader: '<x@email.amazonses.com>',
        acceptedAt: new Date('2026-01-01T00:00:00Z'),
        feedbackId: 'f',
        outgoingIp: '192.0.2.1',
        returnPath: 'x@amazonses.com',
      });
      expect(bytesToBinaryString(stamped)).toContain(bytesToBinaryString(subject));
      expect(readHeaderSection(stamped).headers.find((h) => h.name === 'Subject')?.value).toBe(
        text,
      );
    });
  }
});

describe('a header section without a blank line', () => {
  test('ending the message: every field is read and the body is empty', async () => {
    const raw = utf8Encode('From: a@example.com\r\nTo: b@x.example\r\nSubject: s');
    const { ses, inspector, section } = await bothReadings(raw);
    expect(ses).toEqual(inspector);
    expect(ses.map(([name]) => name)).toEqual(['From', 'To', 'Subject']);
    expect(section.bodyStart).toBe(raw.length);
    expect(section.strayLine).toBeUndefined();
    expect(prepareSend({ Content: { Raw: { Data: raw } } }).recipients).toEqual(['b@x.example']);
  });

  test('followed by text: the text is body to the inspector, an illegal header to SES', async () => {
    const raw = utf8Encode('From: a@example.com\r\nTo: b@x.example\r\nHello, world.\r\n');
    const { ses, inspector } = await bothReadings(raw);
    expect(ses).toEqual(inspector);
    expect(sesRefusal(raw)).toBe("Illegal header 'Hello, world.'.");
  });

  test('a section longer than the engine reads is refused as SES refuses a long one', () => {
    const line = `X-Filler: ${'a'.repeat(900)}\r\n`;
    const raw = `From: a@example.com\r\nTo: b@x.example\r\n${line.repeat(1200)}\r\nbody`;
    expect(readHeaderSection(utf8Encode(raw)).tooLong).toBe(true);
    expect(sesRefusal(raw)).toBe('Header section too long.');
  });
});
