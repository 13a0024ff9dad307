/**
 * The MIME fields of one part (RFC 2045 §5, §6; RFC 2183; RFC 2392) read from its headers: the
 * content type with its parameters, the transfer encoding, the disposition and the Content-ID.
 * Only the structure is read here; RFC 2231 / RFC 2047 decoding of parameter values for display
 * happens in `inspect.ts`.
 */
import type { RawHeaderField } from './header-block.ts';

/** The MIME fields of a part. */
export interface ContentFields {
  /** Lower-case `type/subtype`; the default for the context when absent or unreadable. */
  contentType: string;
  /** Whether the part names a readable content type itself. */
  explicitType: boolean;
  /** Content-Type parameters by lower-case name, values unquoted, RFC 2231 sections joined. */
  params: Record<string, string>;
  /** Lower-case Content-Transfer-Encoding, when present. */
  transferEncoding?: string;
  /** Lower-case disposition type (`inline`, `attachment`, …), when present. */
  disposition?: string;
  /** Content-Disposition parameters, as `params`. */
  dispositionParams: Record<string, string>;
  /** Content-ID with its angle brackets, when present. */
  contentId?: string;
}

/** Marks where a quoted string began and ended while a value is split; never in header text. */
const QUOTE_MARK = '\u0000';

const TYPE_PATTERN = /^([!#$%&'*+\-.^_`|~0-9a-z]+)\/([!#$%&'*+\-.^_`|~0-9a-z]+)$/i;

/** The first header of a name (case-insensitive), as mail readers use the first occurrence. */
export function firstHeader(headers: readonly RawHeaderField[], name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const header of headers) if (header.name.toLowerCase() === lower) return header.value;
  return undefined;
}

/**
 * Split a structured value such as `text/plain; charset="utf-8"` into its leading token and its
 * parameters (RFC 2045 §5.1). Quoted strings are unquoted; comments (RFC 5322 §3.2.2) are
 * skipped; sections of an RFC 2231 parameter (`name*0`, `name*1*`) are joined in order, their
 * encoding left for the caller (the `*` stays on the name when any section was extended).
 */
export function splitStructuredValue(value: string): {
  token: string;
  params: Record<string, string>;
} {
  value = value.split(QUOTE_MARK).join('');
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let comment = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (quoted) {
      if (ch === '\\' && i + 1 < value.length) current += value[++i];
      else if (ch === '"') {
        quoted = false;
        current += QUOTE_MARK;
      } else current += ch;
    } else if (comment > 0) {
      if (ch === '\\') i++;
      else if (ch === '(') comment++;
      else if (ch === ')') comment--;
    } else if (ch === '"') {
      quoted = true;
      // Mark where a quoted value begins and ends, so that its spaces are kept as they are.
      current += QUOTE_MARK;
    } else if (ch === '(') comment++;
    else if (ch === ';') {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  const token = (parts[0] ?? '').split(QUOTE_MARK).join('').trim();
  const sections = new Map<string, Array<{ index: number; value: string; extended: boolean }>>();
  const params: Record<string, string> = {};
  for (const part of parts.slice(1)) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim().toLowerCase();
    const raw = part.slice(eq + 1);
    const open = raw.indexOf(QUOTE_MARK);
    const close = raw.lastIndexOf(QUOTE_MARK);
    const text =
      open >= 0 && close > open
        ? raw
            .slice(open + 1, close)
            .split(QUOTE_MARK)
            .join('')
        : raw.split(QUOTE_MARK).join('').trim();
    const section = /^(.+?)\*(\d+)(\*?)$/.exec(name);
    if (section) {
      const base = section[1]!;
      const list = sections.get(base) ?? [];
      list.push({ index: Number(section[2]), value: text, extended: section[3] === '*' });
      sections.set(base, list);
    } else if (!(name in params)) {
      params[name] = text;
    }
  }
  for (const [base, list] of sections) {
    list.sort((a, b) => a.index - b.index);
    const extended = list[0]?.extended ?? false;
    const key = extended ? `${base}*` : base;
    if (!(key in params)) params[key] = list.map((s) => s.value).join('');
  }
  return { token, params };
}

/** Read a part's MIME fields; `defaultType` applies when it names no readable type. */
export function readContentFields(
  headers: readonly RawHeaderField[],
  defaultType: string,
): ContentFields {
  const fields: ContentFields = {
    contentType: defaultType,
    explicitType: false,
    params: {},
    dispositionParams: {},
  };
  const contentType = firstHeader(headers, 'content-type');
  if (contentType !== undefined) {
    const { token, params } = splitStructuredValue(contentType);
    fields.params = params;
    // RFC 2045 §5.2: an unreadable Content-Type means text/plain; charset=us-ascii.
    if (TYPE_PATTERN.test(token)) {
      fields.contentType = token.toLowerCase();
      fields.explicitType = true;
    } else {
      fields.contentType = 'text/plain';
    }
  }
  const encoding = firstHeader(headers, 'content-transfer-encoding');
  if (encoding !== undefined) {
    const token = splitStructuredValue(encoding).token.toLowerCase();
    if (token) fields.transferEncoding = token;
  }
  const disposition = firstHeader(headers, 'content-disposition');
  if (disposition !== undefined) {
    const { token, params } = splitStructuredValue(disposition);
    if (token) fields.disposition = token.toLowerCase();
    fields.dispositionParams = params;
  }
  const contentId = firstHeader(headers, 'content-id');
  if (contentId) fields.contentId = contentId.trim();
  return fields;
}
