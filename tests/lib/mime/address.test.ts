import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  addressProblem,
  asciiAddress,
  decodeEncodedWords,
  domainToAscii,
  flattenAddresses,
  formatMailbox,
  parseAddressList,
  type AddressEntry,
} from '../../../src/lib/mime/index.ts';
import { describeCorpus } from '../../support/corpus.ts';
import { readVectors } from '../../support/vectors.ts';
import { propertyRuns } from '../../support/property-runs.ts';

const runs = propertyRuns();

describe('addresses', () => {
  test('writes IDN domains as punycode and keeps ASCII domains as typed', () => {
    expect(domainToAscii('bücher.example')).toBe('xn--bcher-kva.example');
    expect(asciiAddress('Zoe@Example.COM')).toBe('Zoe@Example.COM');
    expect(formatMailbox({ name: 'Zoë', address: 'zoe@bücher.example' })).toBe(
      '=?UTF-8?Q?Zo=C3=AB?= <zoe@xn--bcher-kva.example>',
    );
  });

  test('quotes display names with specials and leaves plain ones bare', () => {
    expect(formatMailbox({ name: 'Doe, John "JD"', address: 'j@x.example' })).toBe(
      '"Doe, John \\"JD\\"" <j@x.example>',
    );
    expect(formatMailbox({ name: 'John Doe', address: 'j@x.example' })).toBe(
      'John Doe <j@x.example>',
    );
    expect(formatMailbox({ name: '', address: 'j@x.example' })).toBe('j@x.example');
  });

  test('reads a bare address that merely starts like an encoded word as an address', () => {
    expect(flattenAddresses(parseAddressList('=?a.a@a.aa'))).toEqual([
      { name: '', address: '=?a.a@a.aa' },
    ]);
    // A real encoded word stays display text: it never becomes an address.
    expect(flattenAddresses(parseAddressList('=?utf-8?q?a@b.example?='))).toEqual([
      { name: 'a@b.example', address: '' },
    ]);
  });

  test('says why an address cannot go through SES', () => {
    expect(addressProblem('a@b.example')).toBeUndefined();
    expect(addressProblem('"a b"@b.example')).toBeUndefined();
    expect(addressProblem('no-domain')).toMatch(/@domain/);
    expect(addressProblem('jürgen@b.example')).toMatch(/SMTPUTF8/);
    expect(addressProblem('a@-bad-.example')).toMatch(/not a valid domain/);
    expect(addressProblem('a b@c.example')).toMatch(/quoting/);
  });

  test.prop([fc.string({ unit: 'binary', maxLength: 200 })], runs)(
    'never throws or hangs on any input',
    (input) => {
      const entries = parseAddressList(input);
      for (const mailbox of flattenAddresses(entries)) {
        expect(typeof mailbox.address).toBe('string');
        expect(typeof addressProblem(mailbox.address) === 'string' || mailbox.address !== '').toBe(
          true,
        );
      }
    },
  );

  const nameArb = fc.string({ unit: 'grapheme', maxLength: 60 }).map((s) =>
    s
      .replace(/[\r\n\t]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
  const addressArb = fc.emailAddress();
  test.prop([nameArb, addressArb], runs)(
    'a formatted mailbox parses back to itself',
    (name, address) => {
      const formatted = formatMailbox({ name, address });
      expect(formatted).toMatch(/^[\x20-\x7e]*$/);
      const parsed = flattenAddresses(parseAddressList(formatted));
      expect(parsed).toEqual([{ name, address: asciiAddress(address) }]);
    },
  );
});

/** Walk an extracted expression like `["0"].group["1"].name` over the parsed result. */
function evaluate(entries: AddressEntry[], path: string): unknown {
  let value: unknown = entries;
  for (const step of path.match(/\.\w+|\["\d+"\]/g) ?? []) {
    const key = step.startsWith('.') ? step.slice(1) : step.slice(2, -2);
    value = (value as Record<string, unknown> | undefined)?.[key];
  }
  return value;
}

describeCorpus('address vectors', () => {
  const postal = readVectors(
    'postal-mime',
    '_extracted',
    'test',
    'address-parser-test.vectors.json',
  );
  for (const record of postal) {
    test(`postal-mime: ${record.test}: ${record.expr.replace(/^postal-mime\.addressParser\(\$0(, \$1)?\)/, '')}`, () => {
      const options = record.args[1] as { flatten?: boolean } | string | undefined;
      let entries = parseAddressList(record.args[0] as string);
      if (typeof options === 'object' && options.flatten) entries = flattenAddresses(entries);
      const path = record.expr.replace(/^postal-mime\.addressParser\(\$0(, \$1)?\)/, '');
      if (path.endsWith('.includes($1)')) {
        expect(evaluate(entries, path.replace('.includes($1)', ''))).toContain(record.args[1]);
      } else if (path.endsWith('.trim()')) {
        expect(String(evaluate(entries, path.replace('.trim()', ''))).trim()).toBe(record.expected);
      } else if (record.assertion === 'ok') {
        expect(evaluate(entries, path)).toBeTruthy();
      } else {
        expect(evaluate(entries, path)).toEqual(record.expected);
      }
    });
  }

  test('names decoded in addresses match the encoded-word decoder', () => {
    expect(flattenAddresses(parseAddressList('=?UTF-8?B?w7Vobg==?= <a@b.example>'))[0]!.name).toBe(
      decodeEncodedWords('=?UTF-8?B?w7Vobg==?='),
    );
  });
});
