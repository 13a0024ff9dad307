import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  flattenAddresses,
  parseAddressList,
  readWrittenAddressList,
} from '../../../src/lib/mime/index.ts';
import { propertyRuns } from '../../support/property-runs.ts';

const runs = propertyRuns();

const read = (value: string) =>
  readWrittenAddressList(value).map((m) => [m.text, m.writtenName, m.address, m.repaired]);

describe('address lists read as written', () => {
  test('each mailbox keeps its own text, comments included, and its name as written', () => {
    expect(
      read('"Doe, John" <john@example.com> (work),  =?UTF-8?B?SsO2cmc=?= <j@example.com>'),
    ).toEqual([
      ['"Doe, John" <john@example.com> (work)', 'Doe, John', 'john@example.com', false],
      ['=?UTF-8?B?SsO2cmc=?= <j@example.com>', '=?UTF-8?B?SsO2cmc=?=', 'j@example.com', false],
    ]);
    // The decoded name is the one parseAddressList gives.
    expect(readWrittenAddressList('=?UTF-8?B?SsO2cmc=?= <j@example.com>')[0]?.name).toBe('Jörg');
    expect(readWrittenAddressList('john@example.com (John Doe)')[0]?.name).toBe('John Doe');
  });

  test('groups give their members; a comment after the group is white space', () => {
    expect(read('Team: a@example.com, B <b@example.com>; (end), c@example.com')).toEqual([
      ['a@example.com', '', 'a@example.com', false],
      ['B <b@example.com>', 'B', 'b@example.com', false],
      ['c@example.com', '', 'c@example.com', false],
    ]);
    expect(read('undisclosed-recipients:;')).toEqual([]);
  });

  test('comments inside an address are left out of it (RFC 5322 §3.4.1)', () => {
    expect(read('Pete <pete(his account)@silly.test(his host)>')[0]?.[2]).toBe('pete@silly.test');
    expect(read('pete(his account)@silly.test')[0]?.slice(2)).toEqual(['pete@silly.test', false]);
    expect(readWrittenAddressList('pete(his account)@silly.test')[0]?.name).toBe('his account');
  });

  const repairs: Array<[string, string]> = [
    ['words beside an address without brackets', 'John a@example.com'],
    ['no address at all', 'John Doe'],
    ['an angle bracket never closed', 'John <a@example.com'],
    ['a > that opens nothing', 'a@example.com>'],
    ['two angle-bracketed addresses', 'A <a@example.com> <b@example.com>'],
    ['words after the >', 'A <a@example.com> junk'],
    ['a quoted string never closed', '"John <a@example.com>'],
    ['a comment never closed', 'a@example.com (John'],
    ['a ; between two mailboxes', 'a@example.com; b@example.com'],
    ['words after a group', 'G: a@example.com; b@example.com'],
  ];
  for (const [why, value] of repairs) {
    test(`${why} is a repair: ${value}`, () => {
      const entries = readWrittenAddressList(value);
      const last = entries[entries.length - 1];
      expect(last?.repaired).toBe(true);
      expect(last && value.includes(last.text)).toBe(true);
    });
  }

  test('a ; that ends an entry is only a separator', () => {
    expect(read('a@example.com;, b@example.com;').map((m) => m[2])).toEqual([
      'a@example.com',
      'b@example.com',
    ]);
  });

  test.prop(
    [
      fc.array(
        fc.constantFrom(
          'a',
          'b@c.example',
          ' ',
          '"',
          '(',
          ')',
          '<',
          '>',
          ',',
          ';',
          ':',
          '\\',
          '=?utf-8?q?x?=',
        ),
        { maxLength: 24 },
      ),
    ],
    runs,
  )(
    'every entry is a trimmed slice of the input, in order, and unrepaired entries read as parseAddressList reads them',
    (parts) => {
      const value = parts.join('');
      let from = 0;
      for (const mailbox of readWrittenAddressList(value)) {
        const at = value.indexOf(mailbox.text, from);
        expect(at).toBeGreaterThanOrEqual(0);
        expect(mailbox.text).toBe(mailbox.text.trim());
        from = at + mailbox.text.length;
        if (!mailbox.repaired && !mailbox.text.includes('(') && !mailbox.text.includes(':')) {
          expect(flattenAddresses(parseAddressList(mailbox.text))).toEqual([
            { name: mailbox.name, address: mailbox.address },
          ]);
        }
      }
    },
  );

  // A cap that quadratic work would exceed by minutes and linear work meets in well under a second.
  const hostile: Array<[string, string]> = [
    ['200,000 mailboxes', 'a@example.com, '.repeat(200_000)],
    ['one entry of 200,000 words', 'word '.repeat(200_000) + ': x'.repeat(50_000)],
    ['200,000 unclosed brackets', '<'.repeat(200_000)],
    ['200,000 open comments', '('.repeat(200_000)],
    ['200,000 colons and semicolons', 'g:;'.repeat(100_000) + ':'.repeat(100_000)],
    ['a long address with 100,000 comments', `<${'a(b)'.repeat(100_000)}@c>`],
  ];
  for (const [what, value] of hostile) {
    test(`${what} is read in linear time`, { timeout: 60_000 }, () => {
      expect(Array.isArray(readWrittenAddressList(value))).toBe(true);
      expect(Array.isArray(parseAddressList(value))).toBe(true);
    });
  }
});
