/**
 * MIME header parameters: `type/subtype; name=value; ...` (RFC 2045 §5.1, RFC 2183), with RFC 2231
 * extended values and continuations (`name*0*=utf-8''...`), and the RFC 2047 encoded words that
 * real mail puts inside quoted values.
 */
import { utf8Encode } from './bytes.ts';
import { decodeCharset } from './charset.ts';
import { report, type DecodeIssue } from './decode-issue.ts';
import { decodeEncodedWords, looksLikeEncodedWord } from './encoded-word.ts';
import { MAX_PARAMETER_BYTES } from './limits.ts';

/** A header value with its parameters, names lower-cased. */
export interface ParsedHeaderValue {
  value: string;
  params: Record<string, string>;
}

/** Room for one parameter on a folded line: ` ` + parameter + `;` within 78 characters. */
export const PARAM_MAX_LENGTH = 76;

/** RFC 2045 §5.1 tspecials, plus space and controls: what a token may not contain. */
// eslint-disable-next-line no-control-regex
const NOT_TOKEN = /[\x00-\x20()<>@,;:\\"/[\]?=\x7f-\uffff]/;
/** RFC 2231 §7 attribute-char: what stays literal in an extended value. */
const ATTRIBUTE_CHAR = /^[A-Za-z0-9!#$&+\-.^_`|~]$/;

/** Split at `;` outside quoted strings. */
function splitParameters(header: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < header.length; i++) {
    const char = header[i]!;
    if (quoted && char === '\\') {
      current += char + (header[i + 1] ?? '');
      i++;
      continue;
    }
    if (char === '"') quoted = !quoted;
    if (char === ';' && !quoted) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}

/** Remove the quotes of a quoted string and undo its backslash escapes. */
function unquote(value: string): string {
  if (!value.startsWith('"')) return value;
  let out = '';
  for (let i = 1; i < value.length; i++) {
    const char = value[i]!;
    if (char === '\\') {
      out += value[i + 1] ?? '';
      i++;
    } else if (char === '"') {
      break;
    } else {
      out += char;
    }
  }
  return out;
}

/**
 * Percent-decode RFC 2231 text, appending the bytes to `bytes` (appended one by one: spreading a
 * long section into `push` overflows the call stack); a `%` without two hex digits stays as
 * written.
 */
function percentDecode(text: string, bytes: number[]): void {
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '%' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      for (const byte of utf8Encode(char)) bytes.push(byte);
    }
  }
}

interface Section {
  index: number;
  encoded: boolean;
  text: string;
}

/**
 * Parse a structured header value such as a Content-Type or Content-Disposition. Lenient: stray
 * semicolons, spaces around `=`, unquoted values with spaces and parameters without a value (empty
 * string) are accepted; RFC 2231 sections are joined in order and decoded in their charset; RFC
 * 2047 words inside ordinary values are decoded.
 */
export function parseHeaderValue(header: string, issues?: DecodeIssue[]): ParsedHeaderValue {
  const [first = '', ...rest] = splitParameters(header);
  const params: Record<string, string> = {};
  const extended = new Map<string, Section[]>();
  for (const part of rest) {
    const equals = part.indexOf('=');
    const rawName = (equals < 0 ? part : part.slice(0, equals)).trim().toLowerCase();
    if (!rawName) continue;
    const rawValue = equals < 0 ? '' : part.slice(equals + 1).trim();
    const section = /^(.+?)\*(?:(\d+)\*?|)$/.exec(rawName);
    if (section) {
      const name = section[1]!;
      const encoded = rawName.endsWith('*');
      const list = extended.get(name) ?? [];
      list.push({
        index: section[2] === undefined ? 0 : Number(section[2]),
        encoded,
        text: unquote(rawValue),
      });
      extended.set(name, list);
    } else {
      params[rawName] = decodeEncodedWords(unquote(rawValue), issues);
    }
  }
  for (const [name, sections] of extended) {
    sections.sort((a, b) => a.index - b.index);
    let charset = 'us-ascii';
    const bytes: number[] = [];
    sections.forEach((section, position) => {
      let text = section.text;
      if (section.encoded && position === 0) {
        // RFC 2231 §4: charset'language'value on the first encoded section.
        const match = /^([^']*)'([^']*)'(.*)$/s.exec(text);
        if (match) {
          charset = match[1] || 'us-ascii';
          text = match[3]!;
        } else {
          report(
            issues,
            'rfc2231-missing-charset',
            `The parameter "${name}" is marked as encoded but has no charset'language' prefix.`,
          );
        }
      }
      if (section.encoded) percentDecode(text, bytes);
      else for (const byte of utf8Encode(text)) bytes.push(byte);
    });
    if (bytes.length > MAX_PARAMETER_BYTES) {
      report(
        issues,
        'parameter-too-long',
        `The parameter "${name}" is ${bytes.length} bytes long; only its first ${MAX_PARAMETER_BYTES} are read.`,
      );
      bytes.length = MAX_PARAMETER_BYTES;
    }
    params[name] = decodeCharset(Uint8Array.from(bytes), charset, issues, true);
  }
  return { value: first.trim(), params };
}

/** Quote a value as an RFC 5322 quoted-string. */
function quote(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

/**
 * Encode one parameter as the segments to write after `; `: a token or quoted string when the
 * value is ASCII and fits; RFC 2231 continuations when it is long; RFC 2231 extended (percent-
 * encoded UTF-8) sections when it is not ASCII. No segment exceeds `maxLength`, and no section
 * boundary falls inside a `%XX` or a UTF-8 character.
 */
export function encodeParameter(
  name: string,
  value: string,
  maxLength = PARAM_MAX_LENGTH,
): string[] {
  if (NOT_TOKEN.test(name) || !name) {
    throw new RangeError(`"${name}" is not a valid parameter name.`);
  }

  // A value that reads as an encoded word would be decoded by readers (RFC 2047 words in
  // quoted file names are common practice), so it is written as an RFC 2231 extended value.
  const ascii = /^[\x20-\x7e]*$/.test(value) && !looksLikeEncodedWord(value);
  if (ascii) {
    const simple = value !== '' && !NOT_TOKEN.test(value) ? value : quote(value);
    if (name.length + 1 + simple.length <= maxLength) return [`${name}=${simple}`];
    // RFC 2231 §3: split into numbered sections, each quoted as needed.
    const segments: string[] = [];
    let start = 0;
    while (start < value.length) {
      const head = `${name}*${segments.length}=`;
      let end = start;
      let best = '';
      while (end < value.length) {
        const chunk = value.slice(start, end + 1);
        const text = NOT_TOKEN.test(chunk) ? quote(chunk) : chunk;
        if (head.length + text.length > maxLength && end > start) break;
        best = text;
        end++;
      }
      segments.push(head + best);
      start = end;
    }
    return segments;
  }
  // Extended value: UTF-8, percent-encoded per character so no character is split.
  const pieces: string[] = [];
  for (const char of value) {
    if (ATTRIBUTE_CHAR.test(char)) {
      pieces.push(char);
    } else {
      let encoded = '';
      for (const byte of utf8Encode(char))
        encoded += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
      pieces.push(encoded);
    }
  }
  const prefix = "utf-8''";
  const whole = `${name}*=${prefix}${pieces.join('')}`;
  if (whole.length <= maxLength) return [whole];
  const segments: string[] = [];
  let current = `${name}*0*=${prefix}`;
  for (const piece of pieces) {
    if (
      current.length + piece.length > maxLength &&
      !current.endsWith('=') &&
      !current.endsWith("''")
    ) {
      segments.push(current);
      current = `${name}*${segments.length}*=`;
    }
    current += piece;
  }
  segments.push(current);
  return segments;
}

/**
 * Format a header value with parameters on one line (`value; a=b; c="d e"`); fold it with
 * `foldHeader`, which breaks only at the spaces between parameters.
 */
export function formatHeaderValue(
  value: string,
  params: ReadonlyArray<readonly [string, string]> = [],
): string {
  let out = value;
  for (const [name, paramValue] of params) {
    for (const segment of encodeParameter(name, paramValue)) out += `; ${segment}`;
  }
  return out;
}
