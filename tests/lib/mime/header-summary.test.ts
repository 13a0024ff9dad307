import { describe, expect, test } from 'vitest';
import { inspectMessage, summariseHeaders } from '../../../src/lib/mime/index.ts';
import { parseMailDate } from '../../../src/lib/mime/mail-date.ts';
import { describeCorpus, readCorpus } from '../../support/corpus.ts';
import { corpusMessages } from './corpus-messages.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('summariseHeaders', () => {
  test('decodes the subject and the sender, and reads the date', () => {
    const summary = summariseHeaders(
      bytes(
        'From: =?utf-8?Q?J=C3=BCrgen_M=C3=BCller?= <jurgen@example.com>, bob@example.com\r\n' +
          'Subject: =?utf-8?B?w5xiZXJibGljaw==?=\r\n  and more\r\n' +
          'Date: Fri, 8 Jul 2011 12:08:34 +0200 (CEST)\r\n\r\nBody: not a header\r\n',
      ),
    );
    expect(summary).toEqual({
      subject: 'Überblick and more',
      from: 'Jürgen Müller <jurgen@example.com>',
      date: Date.UTC(2011, 6, 8, 10, 8, 34),
    });
  });

  test('leaves out what a message does not have or cannot be read', () => {
    expect(summariseHeaders(bytes('Date: yesterday\n\nhi\n'))).toEqual({});
    expect(summariseHeaders(bytes('no headers here\r\n'))).toEqual({});
    expect(summariseHeaders(new Uint8Array())).toEqual({});
    expect(summariseHeaders(bytes('Subject:\r\nFrom: \r\n\r\n'))).toEqual({ subject: '' });
  });

  test('keeps a From that names no mailbox as written', () => {
    expect(summariseHeaders(bytes('From: undisclosed\r\n\r\n')).from).toBe('undisclosed');
  });
});

describeCorpus('summariseHeaders on corpus messages', () => {
  test('agrees with inspectMessage on subject, sender and date', async () => {
    const { messages } = corpusMessages();
    let compared = 0;
    for (const path of messages.filter((_, index) => index % 3 === 0)) {
      const raw = readCorpus(path);
      const summary = summariseHeaders(raw);
      const inspection = await inspectMessage(raw);
      const context = `${path}: `;
      expect(context + (summary.subject ?? '∅')).toBe(
        context + (inspection.subject === undefined ? '∅' : squash(inspection.subject)),
      );
      if (inspection.from) expect(context + summary.from).toBe(context + inspection.from);
      const date = inspection.date === undefined ? undefined : parseMailDate(inspection.date);
      expect(context + String(summary.date)).toBe(context + String(date?.time));
      compared++;
    }
    expect(compared).toBeGreaterThan(500);
  });
});
