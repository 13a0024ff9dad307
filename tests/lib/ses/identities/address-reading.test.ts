/**
 * How SES reads address lists when it sends, as a small written spec: generated entries of every
 * kind a person writes know what SES makes of them, and the reader must agree.
 *
 * - A well-formed mailbox (`a@b`, `<a@b>`, `Name <a@b>`, `"Doe, John" <a@b>`, an encoded-word
 *   name, comments around it) gives its address and its display name as written: quotes and
 *   escapes removed, encoded words left encoded, comments left out.
 * - Groups give their members; `undisclosed-recipients:;` gives nothing.
 * - Anything the lenient mime reader has to repair (`John a@b`, `<a@b` without `>`, a stray `>`,
 *   an unclosed quote or comment, words after the `>`) is taken as written: its trimmed text is
 *   its address, which `addressError` then refuses with SES's sentence.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  addressError,
  formatCommonHeaderMailbox,
  readSesAddressList,
  readReturnPath,
  readSesAddressParameter,
  type SesMailbox,
} from '../../../../src/lib/ses/identities/address.ts';
import { flattenAddresses, parseAddressList } from '../../../../src/lib/mime/index.ts';
import { readHeaderSection } from '../../../../src/lib/ses/outbound/header-section.ts';
import { describeCorpus, readCorpus } from '../../../support/corpus.ts';
import { corpusMessages } from '../../mime/corpus-messages.ts';
import { propertyRuns } from '../../../support/property-runs.ts';

const runs = propertyRuns();

/** One generated entry: its text, and what SES reads (undefined: refused as written). */
interface Entry {
  text: string;
  reading?: { name: string; address: string };
  /** An entry that swallows the rest of the list (an unclosed quote, comment or bracket). */
  last?: boolean;
}

const address = fc
  .tuple(
    fc.stringMatching(/^[a-z0-9]{1,8}([.+_-][a-z0-9]{1,5}){0,2}$/),
    fc.stringMatching(/^[a-z0-9]{1,8}(\.[a-z]{2,4}){1,2}$/),
  )
  .map(([local, domain]) => `${local}@${domain}`);

const atomName = fc
  .array(fc.stringMatching(/^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]{1,8}$/), { minLength: 1, maxLength: 3 })
  .map((words) => ({ written: words.join(' '), name: words.join(' ') }));

const quotedName = fc
  .array(fc.constantFrom('Doe', ',', ';', ':', '<', '>', '@', '(', ')', '.', '"', '\\', ' ', 'J'), {
    minLength: 1,
    maxLength: 8,
  })
  .map((parts) => parts.join('').trim())
  .filter((name) => name.length > 0)
  .map((name) => ({ written: `"${name.replace(/["\\]/g, '\\$&')}"`, name }));

const encodedName = fc
  .constantFrom(
    '=?UTF-8?B?SsO2cmc=?=',
    '=?utf-8?q?J=C3=B6rg_M=C3=BCller?=',
    '=?iso-8859-1?Q?Andr=E9?=',
  )
  .map((word) => ({ written: word, name: word }));

const displayName = fc.oneof(atomName, quotedName, encodedName);

const comment = fc
  .array(fc.constantFrom('note', ' ', 'a,b', '\\(', '\\)', '(nested)', '"', '<x@y>'), {
    minLength: 1,
    maxLength: 4,
  })
  .map((parts) => `(${parts.join('')})`);

const wellFormed: fc.Arbitrary<Entry> = fc
  .tuple(
    fc.oneof(fc.constant(undefined), displayName),
    address,
    fc.boolean(),
    fc.option(comment),
    fc.option(comment),
  )
  .map(([name, addr, bracketed, before, after]) => {
    const mailbox = name ? `${name.written} <${addr}>` : bracketed ? `<${addr}>` : addr;
    const text = [before, mailbox, after].filter((t) => t !== null).join(' ');
    return { text, reading: { name: name?.name ?? '', address: addr } };
  });

const refused: fc.Arbitrary<Entry> = fc
  .tuple(atomName, address, fc.nat(5))
  .map(([name, addr, kind]): Entry => {
    switch (kind) {
      case 0:
        return { text: `${name.written} ${addr}` }; // words without angle brackets
      case 1:
        return { text: `${addr}>` }; // a '>' that opens nothing
      case 2:
        return { text: `${name.written} <${addr}> ${name.written}` }; // words after the '>'
      case 3:
        return { text: `${name.written} <${addr}`, last: true }; // never closed
      case 4:
        return { text: `"${name.written} <${addr}>`, last: true }; // an unclosed quote
      default:
        return { text: `${addr} (${name.written}`, last: true }; // an unclosed comment
    }
  });

/** A group and its members; members read as they would alone. */
const group = fc
  .tuple(atomName, fc.array(wellFormed, { maxLength: 3 }), fc.option(comment))
  .map(([name, members, after]) => ({
    text: `${name.written}: ${members.map((m) => m.text).join(', ')};${after ? ` ${after}` : ''}`,
    members,
  }));

const list = fc
  .tuple(
    fc.array(fc.oneof(wellFormed, wellFormed, refused, group), { minLength: 1, maxLength: 5 }),
    fc.constantFrom(', ', ',', ' ,\t', ',\r\n '),
  )
  .map(([items, separator]) => {
    // Entries that swallow what follows them go last; the rest keep their order.
    const ordered = [
      ...items.filter((i) => !('last' in i && i.last)),
      ...items.filter((i) => 'last' in i && i.last).slice(0, 1),
    ];
    return { text: ordered.map((i) => i.text).join(separator), items: ordered };
  });

function expected(entry: Entry): SesMailbox {
  return entry.reading
    ? { text: entry.text, ...entry.reading }
    : { text: entry.text, name: '', address: entry.text };
}

describe('SES reads address lists as its written spec says', () => {
  test.prop([fc.oneof(wellFormed, refused)], runs)('one entry, as an API parameter', (entry) => {
    expect(readSesAddressParameter(entry.text)).toEqual(expected(entry));
    if (!entry.reading)
      expect(addressError(readSesAddressParameter(entry.text).address)).toBeDefined();
  });

  test.prop([list], runs)(
    'a header’s list: mailboxes, group members, refusals',
    ({ text, items }) => {
      const want = items.flatMap((item) =>
        'members' in item ? item.members.map(expected) : [expected(item)],
      );
      expect(readSesAddressList(text)).toEqual(want);
    },
  );

  test('hand-checked readings', () => {
    const cases: Array<[string, Array<[name: string, address: string]>]> = [
      ['"Doe, John" <john@example.com>', [['Doe, John', 'john@example.com']]],
      ['John (the) Doe <john@example.com>', [['John Doe', 'john@example.com']]],
      ['pete(his account)@silly.test(his host)', [['', 'pete@silly.test']]],
      ['Pete <pete(his account)@silly.test>', [['Pete', 'pete@silly.test']]],
      ['=?UTF-8?B?SsO2cmc=?= <j@example.com>', [['=?UTF-8?B?SsO2cmc=?=', 'j@example.com']]],
      [
        'a@example.com;, b@example.com;',
        [
          ['', 'a@example.com'],
          ['', 'b@example.com'],
        ],
      ],
      // RFC 5322 appendix A.1.3: comments after a group's ';' are white space.
      [
        'A Group(Some people) :Chris Jones <c@(Chris’s host.)public.example>, joe@example.org, John <jdoe@one.test> (my dear friend); (the end of the group)',
        [
          ['Chris Jones', 'c@public.example'],
          ['', 'joe@example.org'],
          ['John', 'jdoe@one.test'],
        ],
      ],
      ['unlisted-recipients:; (no To-header on input)', []],
      ['A <a@example.com> <b@example.com>', [['', 'A <a@example.com> <b@example.com>']]],
      ['a@example.com; b@example.com', [['', 'a@example.com; b@example.com']]],
      ['nsb (Nathaniel Borenstein)', [['', 'nsb (Nathaniel Borenstein)']]],
    ];
    for (const [value, want] of cases) {
      expect(
        readSesAddressList(value).map((m) => [m.name, m.address]),
        value,
      ).toEqual(want);
    }
  });

  test('a Return-Path gives its address; one that holds none is kept as written', () => {
    expect(readReturnPath('<bounce@example.com>')).toBe('bounce@example.com');
    expect(readReturnPath('<>')).toBe('');
    expect(readReturnPath('<bounce@example.com> (via relay)')).toBe('bounce@example.com');
    expect(readReturnPath('<bounce@example.com')).toBe('<bounce@example.com');
  });

  test('commonHeaders keep encoded names encoded and quote only what needs it', () => {
    expect(
      readSesAddressList('=?UTF-8?B?SsO2cmc=?= <j@example.com>, "Doe, John" <d@example.com>').map(
        formatCommonHeaderMailbox,
      ),
    ).toEqual(['=?UTF-8?B?SsO2cmc=?= <j@example.com>', '"Doe, John" <d@example.com>']);
  });
});

describeCorpus('SES’s reading of corpus From, To and Cc values', () => {
  test('each entry is its own text, and what SES accepts the mime engine reads alike', () => {
    const { messages } = corpusMessages();
    let values = 0;
    const failures: string[] = [];
    for (const path of messages) {
      for (const { name, value } of readHeaderSection(readCorpus(path)).headers) {
        if (!/^(from|to|cc)$/i.test(name)) continue;
        values++;
        const reading = readSesAddressList(value);
        const mime = flattenAddresses(parseAddressList(value)).map((m) => m.address);
        for (const mailbox of reading) {
          if (!value.includes(mailbox.text))
            failures.push(`${path}: ${mailbox.text} not in ${value}`);
          const accepted = addressError(mailbox.address) === undefined;
          const plain = !mailbox.text.includes('(');
          if (accepted && plain && !mime.includes(mailbox.address))
            failures.push(`${path}: ${mailbox.address} is not among mime’s ${mime.join(', ')}`);
          // Read alone, an accepted entry reads the same (an API parameter holds one).
          if (accepted) expect(readSesAddressParameter(mailbox.text).address).toBe(mailbox.address);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(values).toBeGreaterThan(1000);
  });
});
