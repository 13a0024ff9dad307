/**
 * The message's own header fields as Inspect shows them: every field in order with its raw and
 * decoded value, the addresses read by postal-mime's parser, and the header rules of RFC 5322
 * §3.6 (required and unique fields) and RFC 2047 (encoded words) checked.
 */
import { addressParser } from 'postal-mime';
import type { DecodeIssue } from './decode-issue.ts';
import { looksLikeEncodedWord, decodeEncodedWords } from './encoded-word.ts';
import type { RawHeaderField } from './header-block.ts';
import type { DiagnosticLog } from './inspect-diagnostics.ts';
import { MAX_ADDRESS_FIELD_CHARS, MAX_ENCODED_WORD_LENGTH } from './limits.ts';
import { parseHeaderValue } from './params.ts';

/** Fields that may appear at most once (RFC 5322 §3.6, the table's "max number" column). */
const UNIQUE_FIELDS = [
  'date', 'from', 'sender', 'reply-to', 'to', 'cc', 'bcc',
  'message-id', 'in-reply-to', 'references', 'subject',
]; // prettier-ignore

/** Fields that hold address lists, read with postal-mime's parser. */
const ADDRESS_FIELDS = new Set(['from', 'sender', 'reply-to', 'to', 'cc', 'bcc', 'return-path']);

const ENCODED_WORD = /=\?[^?\s]+\?[A-Za-z]\?[^?]*\?=/g;

/** A header field with its decoded value. */
export interface DecodedHeader {
  name: string;
  value: string;
  decoded: string;
}

/** Decode RFC 2047 words in a value, reporting malformed or over-long ones for the field. */
export function decodeHeaderValue(field: RawHeaderField, log: DiagnosticLog): string {
  if (!field.value.includes('=?')) return field.value;
  for (const match of field.value.matchAll(ENCODED_WORD)) {
    if (match[0].length > MAX_ENCODED_WORD_LENGTH) {
      log.add(
        'warning',
        'encoded-word-too-long',
        `An encoded word in ${field.name} is ${match[0].length} characters; RFC 2047 §2 allows ${MAX_ENCODED_WORD_LENGTH}.`,
        field.start,
        field.end,
      );
    }
  }
  const issues: DecodeIssue[] = [];
  const decoded = decodeEncodedWords(field.value, issues);
  for (const issue of issues) {
    log.add(
      'warning',
      issue.code === 'unknown-charset' ? 'charset-unsupported' : 'encoded-word-malformed',
      `${field.name}: ${issue.message}`,
      field.start,
      field.end,
    );
  }
  return decoded;
}

/** Fields whose parameters may be RFC 2231-encoded (RFC 2231 §1). */
const PARAMETERISED = new Set(['content-type', 'content-disposition']);

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * A Content-Type or Content-Disposition value with its parameters decoded (RFC 2231 sections
 * joined and charset-decoded, RFC 2047 words undone) and written back plainly.
 */
function decodeParameters(value: string): string {
  const parsed = parseHeaderValue(value);
  const params = Object.entries(parsed.params).map(([name, text]) =>
    TOKEN.test(text) ? `${name}=${text}` : `${name}="${text.replace(/(["\\])/g, '\\$1')}"`,
  );
  return [parsed.value, ...params].join('; ');
}

/** Every field in order, duplicates kept, with its decoded value. */
export function decodeHeaders(
  fields: readonly RawHeaderField[],
  log: DiagnosticLog,
): DecodedHeader[] {
  return fields.map((field) => ({
    name: field.name,
    value: field.value,
    decoded:
      PARAMETERISED.has(field.name.toLowerCase()) && field.value.includes('*')
        ? decodeParameters(field.value)
        : decodeHeaderValue(field, log),
  }));
}

/** Report missing Date, From and Message-ID, and unique fields that appear more than once. */
export function checkHeaderRules(fields: readonly RawHeaderField[], log: DiagnosticLog): void {
  const byName = new Map<string, RawHeaderField[]>();
  for (const field of fields) {
    const lower = field.name.toLowerCase();
    const list = byName.get(lower);
    // Appended in place: copying the list for each field made 20,000 fields of one name quadratic.
    if (list) list.push(field);
    else byName.set(lower, [field]);
    if (ADDRESS_FIELDS.has(lower) && field.value.length > MAX_ADDRESS_FIELD_CHARS) {
      log.add('warning', 'address-field-too-long', `${field.name} is ${field.value.length} characters long; only the addresses in its first ${MAX_ADDRESS_FIELD_CHARS} are read.`, field.start, field.end);
    }
  }
  const end = fields.length > 0 ? fields[fields.length - 1]!.end : 0;
  if (!byName.has('date')) {
    log.add('error', 'missing-date', 'The message has no Date header, which RFC 5322 §3.6 requires.', 0, end);
  }
  if (!byName.has('from')) {
    log.add('error', 'missing-from', 'The message has no From header, which RFC 5322 §3.6 requires; SES refuses it.', 0, end);
  }
  if (!byName.has('message-id')) {
    log.add('warning', 'missing-message-id', 'The message has no Message-ID header, which RFC 5322 §3.6.4 says every message should have.', 0, end);
  }
  for (const name of UNIQUE_FIELDS) {
    const found = byName.get(name);
    if (!found || found.length < 2) continue;
    log.add(
      'error',
      'duplicate-header',
      `${found[1]!.name} appears ${found.length} times; RFC 5322 §3.6 allows it once.`,
      found[1]!.start,
      found[1]!.end,
    );
  }
} // prettier-ignore

/**
 * A mailbox written the way a person types it: `Name <a@b.example>` or `a@b.example`. A name is
 * quoted when it has specials, or when it would otherwise read as an encoded word: inside quotes
 * `=?…?=` is literal text (RFC 2047 §5), so the written mailbox reads back as shown.
 */
export function formatMailbox(name: string, address: string): string {
  if (!name) return address;
  const quote = /[()<>[\]:;@\\,."]/.test(name) || looksLikeEncodedWord(name);
  const quoted = quote ? `"${name.replace(/(["\\])/g, '\\$1')}"` : name;
  return address ? `${quoted} <${address}>` : quoted;
}

/**
 * An address list cut to `MAX_ADDRESS_FIELD_CHARS`, at the last comma before the cut so no address
 * is read half: postal-mime's parser builds an object per address, and a megabyte of `a,` took
 * seconds.
 */
function addressListText(value: string): string {
  if (value.length <= MAX_ADDRESS_FIELD_CHARS) return value;
  const cut = value.lastIndexOf(',', MAX_ADDRESS_FIELD_CHARS);
  return value.slice(0, cut > 0 ? cut : MAX_ADDRESS_FIELD_CHARS);
}

/**
 * The mailboxes of an address header (groups flattened). postal-mime's parser has already undone
 * RFC 2047 words in the display names: decoding them again would turn a name that is written as
 * an encoded word into something its sender never wrote.
 */
export function readMailboxes(value: string | undefined): string[] {
  if (!value) return [];
  try {
    return addressParser(addressListText(value), { flatten: true })
      .filter((mailbox) => mailbox.address || mailbox.name)
      .map((mailbox) => formatMailbox(mailbox.name ?? '', mailbox.address ?? ''));
  } catch {
    return [];
  }
}

/** The bare addresses of an address header, lower-case. */
export function readAddresses(value: string | undefined): string[] {
  if (!value) return [];
  try {
    return addressParser(addressListText(value), { flatten: true })
      .map((mailbox) => (mailbox.address ?? '').toLowerCase())
      .filter((address) => address.includes('@'));
  } catch {
    return [];
  }
}
