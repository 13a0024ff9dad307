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

/** Characters that end an unquoted word: white space and the list's own punctuation. */
const TOKEN_END = new Uint8Array(128);
for (const c of ' \t\r\n"(<,;:') TOKEN_END[c.charCodeAt(0)] = 1;

interface Token {
  kind: 'text' | 'quoted' | 'comment' | 'angle' | 'comma' | 'semicolon' | 'colon';
  value: string;
  /** Whether white space came right before this token. */
  spaced: boolean;
}

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let spaced = false;
  while (i < input.length) {
    const char = input[i]!;
    if (char === ' ' || char === '\t' || char === '\r' || char === '\n') {
      spaced = true;
      i++;
    } else if (char === '"') {
      let value = '';
      i++;
      while (i < input.length && input[i] !== '"') {
        if (input[i] === '\\' && i + 1 < input.length) i++;
        value += input[i];
        i++;
      }
      i++;
      tokens.push({ kind: 'quoted', value: value, spaced });
      spaced = false;
    } else if (char === '(') {
      let depth = 1;
      let value = '';
      i++;
      while (i < input.length && depth > 0) {
        const c = input[i]!;
        if (c === '\\' && i + 1 < input.length) {
          value += input[i + 1];
          i += 2;
          continue;
        }
        if (c === '(') depth++;
        if (c === ')') depth--;
        if (depth > 0) value += c;
        i++;
      }
      tokens.push({ kind: 'comment', value: value, spaced });
      spaced = false;
    } else if (char === '<') {
      const close = input.indexOf('>', i + 1);
      const end = close < 0 ? input.length : close;
      tokens.push({ kind: 'angle', value: input.slice(i + 1, end).trim(), spaced });
      spaced = false;
      i = end + 1;
    } else if (char === ',' || char === ';' || char === ':') {
      tokens.push({
        kind: char === ',' ? 'comma' : char === ';' ? 'semicolon' : 'colon',
        value: char,
        spaced,
      });
      spaced = false;
      i++;
    } else {
      // Every other character starts a word, so the loop always advances.
      const start = i;
      for (let code = input.charCodeAt(i); i < input.length; code = input.charCodeAt(++i)) {
        if (code < 128 && TOKEN_END[code] === 1) break;
      }
      const value = input.slice(start, i);
      // A '>' without its '<' is noise.
      tokens.push({ kind: 'text', value: value.replace(/>/g, ''), spaced });
      spaced = false;
    }
  }
  return tokens;
}

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
function joinWords(tokens: Token[], decode: boolean, decodeQuoted: boolean): string {
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

function toMailbox(tokens: Token[], options: Required<AddressParseOptions>): Mailbox[] {
  const angle = tokens.find((token) => token.kind === 'angle');
  const comments = tokens.filter((token) => token.kind === 'comment').map((t) => t.value);
  let words = tokens.filter((token) => token.kind === 'text' || token.kind === 'quoted');
  let address = angle ? angle.value : '';
  if (!angle) {
    // A quoted local part: `"user@host"@example.com`.
    const at = words.findIndex(
      (t, k) =>
        t.kind === 'quoted' &&
        words[k + 1]?.kind === 'text' &&
        !words[k + 1]!.spaced &&
        words[k + 1]!.value.startsWith('@'),
    );
    if (at >= 0) {
      address = `"${words[at]!.value}"${words[at + 1]!.value}`;
      words = words.filter((_, k) => k !== at && k !== at + 1);
    } else {
      // No brackets: the last unquoted word holding an '@' is the address.
      let index = -1;
      for (let k = words.length - 1; k >= 0; k--) {
        const word = words[k]!;
        if (word.kind === 'text' && word.value.includes('@') && !ENCODED_WORD.test(word.value)) {
          index = k;
          break;
        }
      }
      if (index >= 0) {
        address = words[index]!.value;
        words = words.filter((_, k) => k !== index);
      }
    }
  }
  let name = joinWords(words, false, false);
  let decoded = joinWords(words, true, options.decodeQuoted);
  if (!name && comments.length) {
    name = comments.join(' ').trim();
    decoded = decodeEncodedWords(name);
  }
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
  const tokens = tokenize(input);
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
      const members = flattenAddresses(parseTokens(inner, depth + 1, options));
      entries.push({ name, group: members });
      i = j;
    } else {
      current.push(token);
    }
  }
  if (current.length) entries.push(...toMailbox(current, options));
  return entries;
}

/** Re-serialise tokens so a group's members can be parsed by the same code. */
function parseTokens(
  tokens: Token[],
  depth: number,
  options: Required<AddressParseOptions>,
): AddressEntry[] {
  const text = tokens
    .map((t) => {
      const lead = t.spaced ? ' ' : '';
      if (t.kind === 'quoted') return `${lead}"${t.value.replace(/["\\]/g, '\\$&')}"`;
      if (t.kind === 'comment') return `${lead}(${t.value.replace(/[()\\]/g, '\\$&')})`;
      if (t.kind === 'angle') return `${lead}<${t.value}>`;
      return lead + t.value;
    })
    .join('');
  return parseList(text, depth, options);
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
