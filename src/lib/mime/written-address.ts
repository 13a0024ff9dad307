/**
 * Address lists read as they were written: each mailbox with its own text and a note of whether
 * the lenient reading had to repair it. `parseAddressList` gives the best reading of anything;
 * this reader says where that reading was a guess, for callers that must refuse what a strict
 * reader (RFC 5322 §3.4, or SES's JavaMail) would refuse, quoting what the person wrote.
 */
import { tokenizeAddressList, type AddressToken } from './address-tokens.ts';
import { divideMailboxTokens, joinWords, readDisplayName, type Mailbox } from './address.ts';

/** A mailbox of an address list, with the text it was read from. */
export interface WrittenMailbox extends Mailbox {
  /** The entry as written, trimmed: `"Doe, John" <john@example.com>`, comments included. */
  text: string;
  /**
   * The display name as written: its words without quotes or escapes, joined by one space,
   * RFC 2047 encoded words left encoded, comments left out; empty when there is none.
   */
  writtenName: string;
  /**
   * Whether the entry is not an RFC 5322 mailbox and the reading is a repair: words beside an
   * address without angle brackets (`a b@c`), no address at all, an angle bracket that is not
   * closed (`<a@b`) or more than one, a `>` that opens nothing, a quoted string or comment that
   * is never closed, words after the `>`, or a `:` or `;` that opens or closes no group.
   */
  repaired: boolean;
}

function readEntry(input: string, tokens: readonly AddressToken[], stray: boolean): WrittenMailbox {
  const text = input.slice(tokens[0]!.start, tokens[tokens.length - 1]!.end).trim();
  const parts = tokens.filter((t) => t.kind !== 'colon' && t.kind !== 'semicolon');
  const divided = divideMailboxTokens(parts);
  // Decoded as `parseAddressList` decodes it, comments standing in for a missing name.
  const name = readDisplayName(parts, divided.words, true).decoded;
  const writtenName = joinWords(divided.words, false, false);
  const repaired = stray || parts.some((t) => t.repaired);
  if (divided.angle) {
    const angleAt = parts.indexOf(divided.angle);
    const extra = parts.some(
      (t, k) => (t.kind === 'angle' && k !== angleAt) || (k > angleAt && t.kind !== 'comment'),
    );
    const address = withoutComments(divided.address);
    return { name, address, text, writtenName, repaired: repaired || extra };
  }
  if (!repaired && (divided.address === '' || divided.words.length > 0)) {
    // Comments may sit between the parts of a bare address: `pete(his account)@silly.test`.
    const bare = commentsBetween(parts) ? bareAddress(withoutComments(text)) : undefined;
    if (bare !== undefined) {
      // Every word is part of the address, so only comments can name it.
      const fromComments = readDisplayName(parts, [], true).decoded;
      return { name: fromComments, address: bare, text, writtenName: '', repaired };
    }
  }
  const missing = divided.address === '' || divided.words.length > 0;
  return { name, address: divided.address, text, writtenName, repaired: repaired || missing };
}

function commentsBetween(tokens: readonly AddressToken[]): boolean {
  const first = tokens.findIndex((t) => t.kind !== 'comment');
  const last = tokens.findLastIndex((t) => t.kind !== 'comment');
  return tokens.some((t, k) => t.kind === 'comment' && k > first && k < last);
}

/** The address `text` is when it is one bare address and nothing else. */
function bareAddress(text: string): string | undefined {
  const tokens = tokenizeAddressList(text);
  const divided = divideMailboxTokens(tokens);
  const clean = divided.address !== '' && divided.words.length === 0 && !divided.angle;
  return clean && tokens.every((t) => !t.repaired && (t.kind === 'text' || t.kind === 'quoted'))
    ? divided.address
    : undefined;
}

/**
 * Read an address list entry by entry, group members in place of their groups, each mailbox with
 * its text as written and whether it had to be repaired (see {@link WrittenMailbox}). Entries
 * are split at commas; a `;` outside a group ends an entry only where a comma or the end follows
 * (`a@b; c@d;` is one repaired entry), and anything but comments between a group's `;` and the
 * next comma is a repaired entry of its own. Names are decoded as
 * `parseAddressList` decodes them, but an encoded word that hides an address is left as a name.
 */
export function readWrittenAddressList(input: string): WrittenMailbox[] {
  const out: WrittenMailbox[] = [];
  let entry: AddressToken[] = [];
  let stray = false;
  // Whether the entry so far could name a group: words and comments only.
  let onlyWords = true;
  let inGroup = false;
  let afterGroup = false;
  const finish = () => {
    // Comments after a group's `;` are white space (RFC 5322 §3.4 `group`), not an entry.
    const onlyComments = afterGroup && entry.every((t) => t.kind === 'comment' && !t.repaired);
    if (entry.length > 0 && !onlyComments) out.push(readEntry(input, entry, stray));
    entry = [];
    stray = false;
    onlyWords = true;
  };
  const tokens = tokenizeAddressList(input);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    if (token.kind === 'comma') {
      finish();
      afterGroup = false;
    } else if (token.kind === 'colon' && !inGroup && !afterGroup && onlyWords) {
      // The group's name is not a mailbox.
      entry = [];
      inGroup = true;
    } else if (token.kind === 'semicolon' && inGroup) {
      finish();
      inGroup = false;
      afterGroup = true;
    } else if (token.kind === 'semicolon' && !afterGroup && (!next || next.kind === 'comma')) {
      // A `;` that ends an entry, as in lists written `a@b; c@d;`, is only a separator there.
      finish();
    } else {
      if (token.kind === 'colon' || token.kind === 'semicolon') stray = true;
      if (afterGroup && token.kind !== 'comment') stray = true;
      onlyWords &&= token.kind === 'text' || token.kind === 'quoted' || token.kind === 'comment';
      entry.push(token);
    }
  }
  finish();
  return out;
}

/**
 * An address with its comments left out (RFC 5322 §3.4.1 allows CFWS around the parts of an
 * addr-spec: `<pete(his account)@silly.test(his host)>`), white space kept where it was.
 */
function withoutComments(address: string): string {
  if (!address.includes('(')) return address;
  let out = '';
  for (const token of tokenizeAddressList(address)) {
    if (token.kind === 'comment') continue;
    out += (token.spaced ? ' ' : '') + address.slice(token.start, token.end);
  }
  return out.trim();
}
