/**
 * Addresses (RFC 5322 §3.4): a lenient parser for what people type and what real mail holds
 * (groups, comments, quoted names, encoded words, missing brackets), and a formatter that writes
 * only 7-bit text: display names quoted or RFC 2047-encoded, IDN domains as punycode (SES has no
 * SMTPUTF8).
 */
import {
  looksLikeEncodedWord,
  decodeEncodedWords,
  encodeWordRun,
  needsEncoding,
} from './encoded-word.ts';
import {
  MAX_DOMAIN_LABEL_OCTETS,
  MAX_DOMAIN_OCTETS,
  MAX_LINE_OCTETS,
  MAX_LOCAL_PART_OCTETS,
} from './limits.ts';
import { tokenizeAddressList, type AddressToken } from './address-tokens.ts';

/** One mailbox: a display name (possibly empty) and an address (empty when none was found). */
export interface Mailbox {
  name: string;
  address: string;
}

/** A named group of mailboxes (RFC 5322 §3.4 `group`). */
export interface AddressGroup {
  name: string;
  group: Mailbox[];
}

/** An entry of an address list. */
export type AddressEntry = Mailbox | AddressGroup;

/** Groups nest no deeper than this when parsing (RFC 5322 has none; hostile input may). */
const MAX_GROUP_DEPTH = 4;

type Token = AddressToken;

/** How to read an address list. */
export interface AddressParseOptions {
  /**
   * Decode RFC 2047 words inside quoted strings too. RFC 2047 §5 forbids them there, but mail
   * in the wild has them and readers decode them; default true. The builder turns it off, since a
   * person who types `"=?x?="` means it literally.
   */
  decodeQuoted?: boolean;
}

/**
 * Join name words, with a space where the source had one (or between quoted pieces); runs of
 * unquoted words are RFC 2047-decoded, quoted ones only when `decodeQuoted` is set.
 */
export function joinWords(
  tokens: readonly Token[],
  decode: boolean,
  decodeQuoted: boolean,
): string {
  let out = '';
  let run = '';
  for (const token of tokens) {
    const space = (out || run) && (token.spaced || token.kind === 'quoted') ? ' ' : '';
    if (token.kind === 'quoted') {
      run += space;
      out += decode ? decodeEncodedWords(run) : run;
      run = '';
      out += decode && decodeQuoted ? decodeEncodedWords(token.value) : token.value;
    } else {
      run += space + token.value;
    }
  }
  out += decode ? decodeEncodedWords(run) : run;
  return out.trim();
}

/** How one mailbox's tokens divide into its address and the words of its display name. */
export interface MailboxTokens {
  /** The address: the first angle's inside, else a bare address found among the words. */
  address: string;
  /** The first angle-bracketed token, when there is one. */
  angle?: Token;
  /** The words (text and quoted) left for the display name. */
  words: Token[];
}

/**
 * Find the address among one mailbox's tokens: the first `<…>`; else a quoted local part with its
 * domain (`"user@host"@example.com`); else the last unquoted word holding an '@' that is not an
 * encoded word.
 */
export function divideMailboxTokens(tokens: readonly Token[]): MailboxTokens {
  const angleAt = tokens.findIndex((token) => token.kind === 'angle');
  const words = tokens.filter((token) => token.kind === 'text' || token.kind === 'quoted');
  if (angleAt >= 0) return { address: tokens[angleAt]!.value, angle: tokens[angleAt]!, words };
  // A quoted local part: `"user@host"@example.com`.
  const at = words.findIndex(
    (t, k) =>
      t.kind === 'quoted' &&
      words[k + 1]?.kind === 'text' &&
      !words[k + 1]!.spaced &&
      words[k + 1]!.value.startsWith('@'),
  );
  if (at >= 0) {
    const address = `"${words[at]!.value}"${words[at + 1]!.value}`;
    return {
      address,
      words: words.filter((_, k) => k !== at && k !== at + 1),
    };
  }
  // No brackets: the last unquoted word holding an '@' is the address.
  for (let k = words.length - 1; k >= 0; k--) {
    const word = words[k]!;
    if (word.kind === 'text' && word.value.includes('@') && !ENCODED_WORD.test(word.value)) {
      return {
        address: word.value,
        words: words.filter((_, j) => j !== k),
      };
    }
  }
  return { address: '', words };
}

/**
 * The display name of one mailbox, undecoded and decoded: its words, or when it has none, its
 * comments (`john@example.com (John Doe)`, an old form many senders still write).
 */
export function readDisplayName(
  tokens: readonly Token[],
  words: readonly Token[],
  decodeQuoted: boolean,
): { name: string; decoded: string } {
  const name = joinWords(words, false, false);
  if (name) return { name, decoded: joinWords(words, true, decodeQuoted) };
  const comments = tokens.filter((token) => token.kind === 'comment').map((t) => t.value);
  if (!comments.length) return { name, decoded: joinWords(words, true, decodeQuoted) };
  const fromComments = comments.join(' ').trim();
  return { name: fromComments, decoded: decodeEncodedWords(fromComments) };
}

function toMailbox(tokens: Token[], options: Required<AddressParseOptions>): Mailbox[] {
  const { address, words } = divideMailboxTokens(tokens);
  const { name, decoded } = readDisplayName(tokens, words, options.decodeQuoted);
  if (!address && decoded !== name && /<[^<>]*@[^<>]*>/.test(decoded)) {
    // An encoded word that hides a whole address: parse what it says, but never turn a bare
    // encoded address into a real one (that is how spoofed senders are made).
    return flattenAddresses(parseList(decoded, MAX_GROUP_DEPTH, options)).filter((m) => m.address);
  }
  return [{ name: decoded, address }];
}

function parseList(
  input: string,
  depth: number,
  options: Required<AddressParseOptions>,
): AddressEntry[] {
  return parseTokenList(tokenizeAddressList(input), depth, options);
}

function parseTokenList(
  tokens: readonly Token[],
  depth: number,
  options: Required<AddressParseOptions>,
): AddressEntry[] {
  const entries: AddressEntry[] = [];
  let current: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === 'comma' || token.kind === 'semicolon') {
      if (current.length) entries.push(...toMailbox(current, options));
      current = [];
    } else if (token.kind === 'colon' && depth < MAX_GROUP_DEPTH) {
      // A group: its name is what came before the colon; members run to the matching ';'.
      const words = current.filter((t) => t.kind === 'text' || t.kind === 'quoted');
      const name = joinWords(words, true, options.decodeQuoted);
      current = [];
      let level = 1;
      let j = i + 1;
      const start = j;
      for (; j < tokens.length; j++) {
        if (tokens[j]!.kind === 'colon') level++;
        if (tokens[j]!.kind === 'semicolon' && --level === 0) break;
      }
      const inner = tokens.slice(start, j);
      const members = flattenAddresses(parseTokenList(groupMembers(inner), depth + 1, options));
      entries.push({ name, group: members });
      i = j;
    } else {
      current.push(token);
    }
  }
  if (current.length) entries.push(...toMailbox(current, options));
  return entries;
}

/**
 * A group's member tokens as they read on their own: a word that was only `>` (now empty) leaves
 * no token, its white space passing to the next one, as if the members were read afresh.
 */
function groupMembers(tokens: readonly Token[]): Token[] {
  const members: Token[] = [];
  let spaced = false;
  for (const token of tokens) {
    if (token.kind === 'text' && token.value === '') {
      spaced ||= token.spaced;
      continue;
    }
    members.push(spaced && !token.spaced ? { ...token, spaced } : token);
    spaced = false;
  }
  return members;
}

/**
 * Parse an address list leniently. Never throws: what cannot be understood becomes a mailbox with
 * an empty address (and the text as its name), which `addressProblem` then rejects.
 */
export function parseAddressList(input: string, options: AddressParseOptions = {}): AddressEntry[] {
  return parseList(input, 0, { decodeQuoted: options.decodeQuoted ?? true });
}

/** The mailboxes of an address list, with group members in place of their groups. */
export function flattenAddresses(entries: readonly AddressEntry[]): Mailbox[] {
  const mailboxes: Mailbox[] = [];
  for (const entry of entries) {
    // One by one: a group of 200,000 members spread into `push` overflows the call stack.
    if ('group' in entry) for (const member of entry.group) mailboxes.push(member);
    else mailboxes.push(entry);
  }
  return mailboxes;
}

/**
 * The longest word of a display name written as it is: what fits a line of 998 (RFC 5322 §2.1.1)
 * after `Reply-To: ` and before a group's `:`. Longer words would make a line too long, so they
 * are encoded (encoded words can be split); shorter ones need no encoding, and encoding them
 * only makes readers put them back together differently.
 */
const LONGEST_UNFOLDABLE = MAX_LINE_OCTETS - 'Reply-To: '.length - 2;

/** RFC 5322 §3.2.3 atext. */
/** A whole RFC 2047 encoded word: such a word is display text, never an address. */
const ENCODED_WORD = /^=\?[^?\s]+\?[QqBb]\?[^?\s]*\?=$/;
const ATEXT = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+$/;

/** Whether a local part is a dot-atom (RFC 5322 §3.4.1) and may be written unquoted. */
function isDotAtom(text: string): boolean {
  return text.split('.').every((part) => ATEXT.test(part));
}

/**
 * The ASCII (punycode) form of a domain (RFC 5891 via the WHATWG URL parser), or undefined when it
 * is not a valid host name. ASCII domains are returned unchanged (case kept).
 */
export function domainToAscii(domain: string): string | undefined {
  const known = asciiDomains.get(domain);
  if (known !== undefined || asciiDomains.has(domain)) return known;
  const result = toAsciiDomain(domain);
  // A bounded memo: the same few domains recur in every build of a draft.
  if (asciiDomains.size >= DOMAIN_MEMO_SIZE) asciiDomains.clear();
  asciiDomains.set(domain, result);
  return result;
}

const DOMAIN_MEMO_SIZE = 512;
const asciiDomains = new Map<string, string | undefined>();

function toAsciiDomain(domain: string): string | undefined {
  if (/^\[[^\]]+\]$/.test(domain)) return domain; // address literal, RFC 5321 §4.1.3

  if (/^[\x21-\x7e]+$/.test(domain)) {
    return /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)(\.(?!-)[A-Za-z0-9-]{1,63}(?<!-))*\.?$/.test(domain)
      ? domain
      : undefined;
  }
  try {
    const host = new URL(`http://${domain}/`).hostname;
    return toAsciiDomain(host) === host ? host : undefined;
  } catch {
    return undefined;
  }
}

/** Why an address cannot be sent through SES, or undefined when it can. */
export function addressProblem(address: string): string | undefined {
  if (!address) return 'it has no address';
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) return "it is missing the '@domain' part";
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x08\x0a-\x1f\x7f]/.test(address))
    return 'it holds a control character (such as NUL or a line break), which no address may';
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(local))
    return 'its local part has non-ASCII characters (SES has no SMTPUTF8)';
  if (local.length > MAX_LOCAL_PART_OCTETS)
    return `its local part is over ${MAX_LOCAL_PART_OCTETS} octets (RFC 5321 §4.5.3.1.1)`;
  const quoted = /^"([^"\\\r\n]|\\.)*"$/.test(local);
  if (!quoted && !isDotAtom(local))
    return 'its local part has characters that need quoting or are not allowed';
  const ascii = domainToAscii(domain);
  if (ascii === undefined) {
    return domain.split('.').some((label) => label.length > MAX_DOMAIN_LABEL_OCTETS)
      ? `a label of its domain is over ${MAX_DOMAIN_LABEL_OCTETS} octets (RFC 1035 §2.3.4)`
      : `"${domain}" is not a valid domain`;
  }
  if (ascii.length > MAX_DOMAIN_OCTETS)
    return `its domain is over ${MAX_DOMAIN_OCTETS} octets (RFC 5321 §4.5.3.1.2)`;
  return undefined;
}

/** The address with its domain in ASCII (punycode), as it goes into headers and the envelope. */
export function asciiAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 0) return address;
  return address.slice(0, at + 1) + (domainToAscii(address.slice(at + 1)) ?? address.slice(at + 1));
}

/**
 * Format a display name for a header: as is when it is a run of atoms, as a quoted string when it
 * has specials, as RFC 2047 encoded words when it is not ASCII.
 */
export function formatDisplayName(name: string): string {
  // Encoded words also split what could not be folded: an atom or a quoted string too long for a
  // folded line (RFC 5322 §2.1.1).
  if (needsEncoding(name) || looksLikeEncodedWord(name)) return encodeWordRun(name);
  const words = name.split(' ');
  if (words.every((word) => ATEXT.test(word))) {
    return words.some((word) => word.length > LONGEST_UNFOLDABLE) ? encodeWordRun(name) : name;
  }
  const quoted = `"${name.replace(/["\\]/g, '\\$&')}"`;
  return quoted.length > LONGEST_UNFOLDABLE ? encodeWordRun(name) : quoted;
}

/** Format a mailbox as 7-bit header text: `Name <local@domain>` or `local@domain`. */
export function formatMailbox(mailbox: Mailbox): string {
  const address = asciiAddress(mailbox.address);
  const name = mailbox.name.trim();
  return name ? `${formatDisplayName(name)} <${address}>` : address;
}
