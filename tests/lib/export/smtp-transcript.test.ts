import { describe, expect, test } from 'vitest';
import { fc, test as propTest } from '@fast-check/vitest';
import {
  MASKED_CREDENTIAL,
  SES_SMTP_PORT,
  dotStuff,
  smtpTranscript,
} from '../../../src/lib/export/index.ts';

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
    expect(commands.slice(-4)).toEqual([
      `MAIL FROM:<bounce@example.com> SIZE=${raw.length}`,
      'RCPT TO:<b@example.com>',
      'RCPT TO:<hidden@example.com>',
      'DATA',
    ]);
    expect(transcript.before.at(-1)?.server[0]).toMatch(/^354 /);
    expect(transcript.after.map((step) => step.client).filter(Boolean)).toEqual(['QUIT']);
  });

  test('on port 587 the client starts TLS, says EHLO again and logs in before MAIL FROM', () => {
    const raw = encoder.encode('From: a@example.com\r\n\r\nhi\r\n');
    const transcript = smtpTranscript(
      { mailFrom: 'a@example.com', rcptTo: ['b@example.com'] },
      raw,
      {
        clientName: 'client.example',
      },
    );
    expect(transcript.before[0]?.note).toBe(
      `Connected to email-smtp.us-east-1.amazonaws.com port ${SES_SMTP_PORT}`,
    );
    const commands = transcript.before.map((step) => step.client).filter(Boolean);
    expect(commands.slice(0, 6)).toEqual([
      'EHLO client.example',
      'STARTTLS',
      'EHLO client.example',
      'AUTH LOGIN',
      MASKED_CREDENTIAL,
      MASKED_CREDENTIAL,
    ]);
    const replies = transcript.before.flatMap((step) => step.server);
    // STARTTLS is offered before TLS only; the login is accepted before the mail starts.
    expect(replies.filter((reply) => reply === '250-STARTTLS')).toHaveLength(1);
    expect(replies).toContain('235 Authentication successful.');
    const text = JSON.stringify(transcript.before);
    expect(text).not.toMatch(/AKIA|password/i);
  });

  test('SIZE= announces the whole message even when only its start is shown', () => {
    const whole = encoder.encode(`From: a@example.com\r\n\r\n${'x'.repeat(240_000)}\r\n`);
    const transcript = smtpTranscript(
      { mailFrom: 'a@example.com', rcptTo: ['b@example.com'] },
      whole.subarray(0, 16_384),
      { messageSize: whole.length },
    );
    const mailFrom = transcript.before.find((step) => step.client?.startsWith('MAIL FROM'));
    expect(mailFrom?.client).toBe(`MAIL FROM:<a@example.com> SIZE=${whole.length}`);
    expect(() =>
      smtpTranscript({ mailFrom: 'a@example.com', rcptTo: [] }, whole, { messageSize: 10 }),
    ).toThrow(RangeError);
  });
});
