import { describe, expect, test } from 'vitest';
import { fc, test as propTest } from '@fast-check/vitest';
import { dotStuff, smtpTranscript } from '../../../src/lib/export/index.ts';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** What an SMTP server does on receipt (RFC 5321 §4.5.2): drop the end line and one leading dot. */
function unstuff(data: Uint8Array): string {
  const text = decoder.decode(data);
  expect(text.endsWith('\r\n.\r\n')).toBe(true);
  // The CRLF before the final dot is the message's own last line break.
  return text
    .slice(0, -3)
    .split('\r\n')
    .map((line) => (line.startsWith('.') ? line.slice(1) : line))
    .join('\r\n');
}

describe('dot-stuffing', () => {
  test('doubles leading dots and ends with the lone dot line', () => {
    const raw = encoder.encode('Subject: x\r\n\r\n.\r\n..two\r\nmid.dot\r\n');
    const { data, stuffedLines } = dotStuff(raw);
    expect(decoder.decode(data)).toBe('Subject: x\r\n\r\n..\r\n...two\r\nmid.dot\r\n.\r\n');
    expect(stuffedLines).toEqual([2, 3]);
  });

  propTest.prop([fc.array(fc.stringMatching(/^[.a-z ]{0,6}$/), { maxLength: 30 })])(
    'a server reads back exactly the message, and no message line ends the data',
    (lines) => {
      const message = lines.join('\r\n') + '\r\n';
      const { data } = dotStuff(encoder.encode(message));
      expect(unstuff(data)).toBe(message);
      const sent = decoder.decode(data).split('\r\n');
      expect(sent.slice(0, -2).includes('.')).toBe(false);
    },
  );
});

describe('SMTP transaction', () => {
  test('one RCPT TO per envelope recipient, Bcc included, between MAIL FROM and DATA', () => {
    const raw = encoder.encode('From: a@example.com\r\n\r\nhi\r\n');
    const transcript = smtpTranscript(
      { mailFrom: 'bounce@example.com', rcptTo: ['b@example.com', 'hidden@example.com'] },
      raw,
    );
    const commands = transcript.before.map((step) => step.client).filter(Boolean);
    expect(commands[0]).toMatch(/^EHLO /);
    expect(commands.slice(1)).toEqual([
      `MAIL FROM:<bounce@example.com> SIZE=${raw.length}`,
      'RCPT TO:<b@example.com>',
      'RCPT TO:<hidden@example.com>',
      'DATA',
    ]);
    expect(transcript.before.at(-1)?.server[0]).toMatch(/^354 /);
    expect(transcript.after.map((step) => step.client).filter(Boolean)).toEqual(['QUIT']);
  });
});
