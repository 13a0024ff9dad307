import { describe, expect, test } from 'vitest';
import { mailboxLabel } from '../../../src/lib/inspect-view/mailbox-labels.ts';
import { splitMbox } from '../../../src/lib/mime/mbox.ts';

const options = { timeZone: 'UTC', locale: 'en-GB' };
const mbox = (text: string) => splitMbox(new TextEncoder().encode(text));

describe('mailboxLabel', () => {
  test('names a message by subject, sender and day, numbered from 1', () => {
    const [message] = mbox(
      'From MAILER-DAEMON Fri Jul  8 12:08:34 2011\n' +
        'From: Ann <ann@example.com>\nSubject: =?utf-8?Q?Gr=C3=BC=C3=9Fe?=\n' +
        'Date: Fri, 8 Jul 2011 23:30:00 -0400\n\nHello\n',
    );
    expect(mailboxLabel(message!, 0, options)).toBe('1. Grüße — Ann <ann@example.com>, 9 Jul 2011');
  });

  test('says when there is no subject, and cuts a long one', () => {
    const [bare, long] = mbox(
      'From a@b Thu Jan  1 00:00:00 2026\nFrom: a@b.example\n\nx\n\n' +
        `From a@b Thu Jan  1 00:00:00 2026\nSubject: ${'word '.repeat(40)}\n\nx\n`,
    );
    expect(mailboxLabel(bare!, 0, options)).toBe('1. (no subject) — a@b.example');
    const label = mailboxLabel(long!, 1, options);
    expect(label).toMatch(/^2\. (word ){15}word…$/);
    expect(label.length).toBe('2. '.length + 80);
  });

  test('falls back to the separator line when the message has no headers to go by', () => {
    const [message] = mbox('From someone Thu Jan  1 00:00:00 2026\nnot a header\n');
    expect(mailboxLabel(message!, 4, options)).toBe('5. From someone Thu Jan  1 00:00:00 2026');
  });
});
