import { describe, expect, test } from 'vitest';
import {
  addressError,
  formatCommonHeaderMailbox,
  readSesAddressList,
  readSesMailbox,
  withoutLabel,
} from '../../../../src/lib/ses/identities/address.ts';

describe('address syntax, with SES’s (JavaMail) sentences', () => {
  const cases: Array<[string, string | undefined]> = [
    ['user@example.com', undefined],
    ['first.last+tag@sub.example.co.uk', undefined],
    ['"quoted user"@example.com', undefined],
    ['user@[192.0.2.1]', undefined],
    ['userexample.com', "Missing final '@domain'"],
    ['user@', 'Missing domain'],
    ['@example.com', 'Missing local name'],
    ['us er@example.com', 'Local address contains control or whitespace'],
    ['us(er@example.com', 'Local address contains illegal character'],
    ['张伟@example.com', 'Local address contains illegal character'],
    ['.user@example.com', 'Local address starts with dot'],
    ['user.@example.com', 'Local address ends with dot'],
    ['us..er@example.com', 'Local address contains dot-dot'],
    ['user@exa mple.com', 'Domain contains control or whitespace'],
    ['user@exämple.com', 'Domain contains illegal character'],
    ['user@.example.com', 'Domain starts with dot'],
    ['user@example..com', 'Domain contains dot-dot'],
    ['', 'Illegal address'],
  ];
  for (const [address, expected] of cases) {
    test(`${JSON.stringify(address)} → ${expected ?? 'accepted'}`, () => {
      expect(addressError(address)).toBe(expected);
    });
  }
});

describe('mailboxes and address lists', () => {
  test('a display name is read with or without quotes', () => {
    expect(readSesMailbox('"Doe, John" <john@example.com>')).toEqual({
      text: '"Doe, John" <john@example.com>',
      name: 'Doe, John',
      address: 'john@example.com',
    });
    expect(readSesMailbox('John Doe <john@example.com>')?.name).toBe('John Doe');
    expect(readSesMailbox('john@example.com (John)')?.address).toBe('john@example.com');
    expect(readSesMailbox('John <john@example.com')).toBeUndefined();
  });

  test('lists split at top-level commas only, groups opened', () => {
    expect(
      readSesAddressList('"Doe, Jane" <jane@example.com>, mary@example.com').map((m) => m.address),
    ).toEqual(['jane@example.com', 'mary@example.com']);
    expect(
      readSesAddressList('Team: a@example.com, b@example.com;, c@example.com').map(
        (m) => m.address,
      ),
    ).toEqual(['a@example.com', 'b@example.com', 'c@example.com']);
    expect(readSesAddressList('undisclosed-recipients:;')).toEqual([]);
  });

  test('names are quoted in commonHeaders only when they must be', () => {
    expect(
      formatCommonHeaderMailbox({ text: '', name: 'John Doe', address: 'john@example.com' }),
    ).toBe('John Doe <john@example.com>');
    expect(
      formatCommonHeaderMailbox({ text: '', name: 'Doe, John', address: 'sender@example.com' }),
    ).toBe('"Doe, John" <sender@example.com>');
    expect(
      formatCommonHeaderMailbox({
        text: '',
        name: 'recipient@example.com',
        address: 'recipient@example.com',
      }),
    ).toBe('"recipient@example.com" <recipient@example.com>');
  });

  test('a +label is removed from the local part only', () => {
    expect(withoutLabel('bounce+x@simulator.amazonses.com')).toBe('bounce@simulator.amazonses.com');
    expect(withoutLabel('+x@example.com')).toBe('+x@example.com');
    expect(withoutLabel('a@b+c.example')).toBe('a@b+c.example');
  });
});
