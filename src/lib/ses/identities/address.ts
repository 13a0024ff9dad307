/**
 * Email addresses as SES reads them in API parameters and address headers: a mailbox is either a
 * bare `local@domain` or `Display Name <local@domain>`. Syntax errors are reported with the
 * JavaMail-style sentences SES returns (observed: "Missing final '@domain'", "Missing domain",
 * "Local address contains illegal character", "Domain contains control or whitespace").
 *
 * The mime engine reads the text (`readWrittenAddressList`); this file holds SES's policy on
 * what it read. SES refuses what the lenient reader repairs (`a b@c`, `<a@b` without its `>`),
 * answering with the entry as it was written, and writes `commonHeaders` with display names as
 * they were written (encoded words not decoded, not re-encoded).
 */
import { readWrittenAddressList, type WrittenMailbox } from '../../mime/index.ts';

/**
 * A mailbox as SES carries it: the text as given (`"Doe, John" <john@example.com>`), the display
 * name as written (unquoted, encoded words kept; empty when none) and the bare address. For an
 * entry SES refuses, the address is the whole text, so that `addressError` names what is wrong.
 */
export type SesMailbox = Pick<WrittenMailbox, 'text' | 'name' | 'address'>;

const SPECIALS_IN_LOCAL = /[()<>,;:\\"[\]]/;
// eslint-disable-next-line no-control-regex
const CONTROL_OR_SPACE = /[\x00-\x20\x7f]/;
// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * The reason SES refuses an address, or undefined when the address is acceptable. Addresses must
 * be 7-bit ASCII: SES has no SMTPUTF8 (RFC 6531), so a non-ASCII domain must be Punycode and a
 * non-ASCII local part is refused.
 */
export function addressError(address: string): string | undefined {
  if (address.length === 0) return 'Illegal address';
  const at = address.lastIndexOf('@');
  if (at < 0) return "Missing final '@domain'";
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local.length === 0) return 'Missing local name';
  if (domain.length === 0) return 'Missing domain';
  const quoted = local.startsWith('"') && local.endsWith('"') && local.length >= 2;
  if (!quoted) {
    if (CONTROL_OR_SPACE.test(local)) return 'Local address contains control or whitespace';
    if (SPECIALS_IN_LOCAL.test(local) || local.includes('@') || NON_ASCII.test(local)) {
      return 'Local address contains illegal character';
    }
    if (local.startsWith('.')) return 'Local address starts with dot';
    if (local.endsWith('.')) return 'Local address ends with dot';
    if (local.includes('..')) return 'Local address contains dot-dot';
  } else if (NON_ASCII.test(local)) {
    return 'Local address contains illegal character';
  }
  if (CONTROL_OR_SPACE.test(domain)) return 'Domain contains control or whitespace';
  if (domain.startsWith('[') && domain.endsWith(']')) return undefined;
  if (/[^A-Za-z0-9.-]/.test(domain)) return 'Domain contains illegal character';
  if (domain.startsWith('.')) return 'Domain starts with dot';
  if (domain.includes('..')) return 'Domain contains dot-dot';
  return undefined;
}

/** SES's reading of one entry: what the mime reader had to repair is taken as written. */
function sesReading(entry: WrittenMailbox, text = entry.text): SesMailbox {
  if (entry.repaired) return { text, name: '', address: entry.text };
  return { text, name: entry.writtenName, address: entry.address };
}

/**
 * Read one mailbox (`a@b` or `Name <a@b>`), as an API parameter holds it. Returns undefined when
 * the text is not a single well-formed mailbox (nothing at all, brackets that do not pair, words
 * beside a bare address, more than one entry); callers then take the text as the address.
 */
export function readSesMailbox(text: string): SesMailbox | undefined {
  const entries = readWrittenAddressList(text);
  const entry = entries[0];
  if (entries.length !== 1 || entry === undefined || entry.text !== text.trim()) return undefined;
  return entry.repaired ? undefined : sesReading(entry, text);
}

/** An address parameter as SES reads it: its mailbox, else its text (trimmed) taken as the address. */
export function readSesAddressParameter(text: string): SesMailbox {
  return readSesMailbox(text) ?? { text, name: '', address: text.trim() };
}

/**
 * The address of a Return-Path field (`<bounce@example.com>`; `<>` gives the empty address), or
 * the value as written when it holds no single address.
 */
export function readReturnPath(value: string): string {
  return readSesMailbox(value)?.address ?? value;
}

/**
 * Read an address-list header value (To, Cc, Bcc, Reply-To, From), groups included
 * (`Team: a@b, c@d;`). Entries that are not mailboxes are returned with their text as address,
 * so that address validation reports them.
 */
export function readSesAddressList(value: string): SesMailbox[] {
  return readWrittenAddressList(value).map((entry) => sesReading(entry));
}

/** The domain of an address, lower-cased (domains are case-insensitive). */
export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

/** The local part of an address, as written (local parts are case-sensitive). */
export function localPartOf(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? address : address.slice(0, at);
}

/** The address without a `+label` in its local part: `a+news@b` → `a@b`. */
export function withoutLabel(address: string): string {
  const local = localPartOf(address);
  const plus = local.indexOf('+');
  if (plus <= 0) return address;
  return `${local.slice(0, plus)}@${address.slice(address.lastIndexOf('@') + 1)}`;
}

const NEEDS_QUOTING = /[()<>@,;:\\".[\]]/;

/**
 * A mailbox as SES writes it in `commonHeaders`: the display name bare, or quoted only when it
 * contains a special character (`John Doe <john@example.com>`, `"Doe, John" <sender@example.com>`).
 */
export function formatCommonHeaderMailbox(mailbox: SesMailbox): string {
  if (mailbox.name === '') return mailbox.address;
  const name = NEEDS_QUOTING.test(mailbox.name)
    ? `"${mailbox.name.replace(/(["\\])/g, '\\$1')}"`
    : mailbox.name;
  return `${name} <${mailbox.address}>`;
}
