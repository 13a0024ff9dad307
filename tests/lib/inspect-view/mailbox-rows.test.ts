import { describe, expect, test } from 'vitest';
import {
  formatListDate,
  mailboxRow,
  sortMailboxRows,
  type MailboxReportKind,
} from '../../../src/lib/inspect-view/mailbox-rows.ts';
import { splitMbox } from '../../../src/lib/mime/mbox.ts';

const mbox = (text: string) => splitMbox(new TextEncoder().encode(text));

describe('mailboxRow', () => {
  test('names a message by its decoded subject, sender and date', () => {
    const [message] = mbox(
      'From MAILER-DAEMON Fri Jul  8 12:08:34 2011\n' +
        'From: Ann <ann@example.com>\nSubject: =?utf-8?Q?Gr=C3=BC=C3=9Fe?=\n' +
        'Date: Fri, 8 Jul 2011 23:30:00 -0400\n\nHello\n',
    );
    expect(mailboxRow(message!, 0)).toEqual({
      index: 0,
      subject: 'Grüße',
      from: 'Ann <ann@example.com>',
      date: Date.UTC(2011, 6, 9, 3, 30),
    });
  });

  test('says when there is no subject, and falls back to the separator without headers', () => {
    const [bare, none] = mbox(
      'From a@b Thu Jan  1 00:00:00 2026\nFrom: a@b.example\n\nx\n\n' +
        'From someone Thu Jan  1 00:00:00 2026\nnot a header\n',
    );
    expect(mailboxRow(bare!, 0)).toEqual({
      index: 0,
      subject: '(no subject)',
      from: 'a@b.example',
    });
    expect(mailboxRow(none!, 1).subject).toBe('From someone Thu Jan  1 00:00:00 2026');
  });
});

describe('sortMailboxRows', () => {
  const rows = [
    { index: 0, subject: 'beta', from: 'Zed', date: 300 },
    { index: 1, subject: 'Alpha', from: 'amy', date: 100 },
    { index: 2, subject: 'gamma', from: 'Bob' },
    { index: 3, subject: 'alpha', from: 'carl', date: 200 },
  ];
  const order = (
    key: Parameters<typeof sortMailboxRows>[1],
    descending = false,
    reports: MailboxReportKind[] = [],
  ) => sortMailboxRows(rows, key, descending, reports).map((row) => row.index);

  test('sorts by subject and sender without regard to case, ties in file order', () => {
    expect(order('subject')).toEqual([1, 3, 0, 2]);
    expect(order('subject', true)).toEqual([2, 0, 1, 3]);
    expect(order('from')).toEqual([1, 2, 3, 0]);
  });

  test('sorts by date, undated messages last either way', () => {
    expect(order('date')).toEqual([1, 3, 0, 2]);
    expect(order('date', true)).toEqual([0, 3, 1, 2]);
  });

  test('sorts by report kind, messages that are no report last', () => {
    const reports: MailboxReportKind[] = ['', 'Transient', 'Permanent', ''];
    expect(order('report', false, reports)).toEqual([2, 1, 0, 3]);
    expect(order('report', true, reports)).toEqual([1, 2, 0, 3]);
  });

  test('gives the file order back', () => {
    expect(order('index')).toEqual([0, 1, 2, 3]);
    expect(order('index', true)).toEqual([3, 2, 1, 0]);
  });
});

describe('formatListDate', () => {
  test('writes the day and time in the zone asked for', () => {
    expect(formatListDate(Date.UTC(2026, 2, 2, 9, 2), { timeZone: 'UTC', locale: 'en-GB' })).toBe(
      '2 Mar 2026, 09:02',
    );
  });
});
