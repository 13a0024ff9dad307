/**
 * Email addresses as SES reads them in API parameters and address headers: a mailbox is either a
 * bare `local@domain` or `Display Name <local@domain>`. Syntax errors are reported with the
 * JavaMail-style sentences SES returns (observed: "Missing final '@domain'", "Missing domain",
 * "Local address contains illegal character", "Domain contains control or whitespace").
 *
 * Sending reads addresses here rather than with the mime engine's lenient parser on purpose: SES
 * refuses what that parser repairs (`a b@c`, `<a@b` without its `>`), answers with the address
 * as it was written, and writes `commonHeaders` without re-encoding display names. Mail read
 * afterwards (receiving, feedback reports) goes through the mime engine.
 */

/** A mailbox: what a person wrote, its display name and its address. */
export interface SesMailbox {
  /** The text as given, e.g. `"Doe, John" <john@example.com>`. */
  text: string;
  /** The display name without quotes, when there is one. */
  name?: string;
  /** The bare address, `local@domain`. */
  address: string;
}

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

/** Split a string at top-level commas (outside quotes, comments and angle brackets). */
function splitTopLevel(text: string, separators: string): string[] {
  const parts: string[] = [];
  let depthParen = 0;
  let inQuote = false;
  let inAngle = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inQuote) {
      if (c === '"') inQuote = false;
      continue;
    }
    if (c === '"') inQuote = true;
    else if (c === '(') depthParen++;
    else if (c === ')') depthParen = Math.max(0, depthParen - 1);
    else if (c === '<') inAngle = true;
    else if (c === '>') inAngle = false;
    else if (depthParen === 0 && !inAngle && c !== undefined && separators.includes(c)) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function stripComments(text: string): string {
  let out = '';
  let depth = 0;
  let inQuote = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (c === '\\' && (inQuote || depth > 0)) {
      if (depth === 0) out += c + (text[i + 1] ?? '');
      i++;
      continue;
    }
    if (!inQuote && c === '(') depth++;
    else if (!inQuote && c === ')' && depth > 0) depth--;
    else if (depth === 0) {
      if (c === '"') inQuote = !inQuote;
      out += c;
    }
  }
  return out;
}

function unquote(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')) {
    return trimmed.slice(1, -1).replace(/\\(.)/g, '$1');
  }
  return trimmed.replace(/\s+/g, ' ');
}

/**
 * Read one mailbox (`a@b` or `Name <a@b>`). Returns undefined when the text is not a single
 * mailbox (unbalanced brackets, or nothing at all).
 */
export function readSesMailbox(text: string): SesMailbox | undefined {
  const clean = stripComments(text).trim();
  if (clean.length === 0) return undefined;
  const open = clean.lastIndexOf('<');
  if (open >= 0) {
    const close = clean.indexOf('>', open);
    if (close < 0 || clean.slice(close + 1).trim().length > 0) return undefined;
    const address = clean.slice(open + 1, close).trim();
    const name = unquote(clean.slice(0, open));
    return name.length > 0 ? { text, name, address } : { text, address };
  }
  if (clean.includes('>')) return undefined;
  return { text, address: clean };
}

/**
 * Read an address-list header value (To, Cc, Bcc, Reply-To, From), groups included
 * (`Team: a@b, c@d;`). Entries that are not mailboxes are returned with their text as address,
 * so that address validation reports them.
 */
export function readSesAddressList(value: string): SesMailbox[] {
  const out: SesMailbox[] = [];
  for (const rawPart of splitTopLevel(value, ',')) {
    let part = rawPart;
    const groupColon = splitTopLevel(part, ':');
    if (groupColon.length > 1 && !part.trimStart().startsWith('<')) {
      part = groupColon.slice(1).join(':');
    }
    part = part.replace(/;\s*$/, '');
    if (part.trim().length === 0) continue;
    const mailbox = readSesMailbox(part.trim());
    out.push(mailbox ?? { text: part.trim(), address: part.trim() });
  }
  return out;
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
  if (mailbox.name === undefined) return mailbox.address;
  const name = NEEDS_QUOTING.test(mailbox.name)
    ? `"${mailbox.name.replace(/(["\\])/g, '\\$1')}"`
    : mailbox.name;
  return `${name} <${mailbox.address}>`;
}
