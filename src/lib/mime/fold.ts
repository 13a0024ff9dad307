/**
 * Header folding and unfolding (RFC 5322 §2.2.3, §2.1.1). Folding only ever turns an existing
 * space into CRLF + space, so unfolding (removing the CRLF) gives back the exact value.
 */
import { MAX_LINE_OCTETS } from './limits.ts';

/** RFC 5322 §2.1.1: lines SHOULD be at most 78 characters, CRLF excluded. */
export const HEADER_FOLD_AT = 78;
/** RFC 5322 §2.1.1: lines MUST be at most 998 characters, CRLF excluded. */
export const MAX_LINE_LENGTH = MAX_LINE_OCTETS;

/**
 * Split a value at spaces that are not inside a quoted string, so folding never breaks a quoted
 * display name or parameter value.
 */
function splitAtSpaces(value: string): string[] {
  if (!value.includes('"')) return value.split(' ');
  const words: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const char = value[i]!;
    if (char === '\\' && quoted) {
      current += char + (value[i + 1] ?? '');
      i++;
    } else if (char === '"') {
      quoted = !quoted;
      current += char;
    } else if (char === ' ' && !quoted) {
      words.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  words.push(current);
  return words;
}

/**
 * Format a header field as `Name: value`, folded with CRLF + space so that lines stay within
 * {@link HEADER_FOLD_AT} characters wherever the value has a space to fold at. No trailing CRLF.
 * A word longer than a line is left whole (it may exceed 78, never silently broken).
 */
export function foldHeader(name: string, value: string, limit = HEADER_FOLD_AT): string {
  // A field that fits on one line is written as it is (folding could not change it).
  if (name.length + 2 + value.length <= limit) return `${name}: ${value}`;
  const words = splitAtSpaces(value);
  let out = `${name}:`;
  let lineLength = out.length;
  for (const word of words) {
    const piece = ` ${word}`;
    // Fold only before a non-empty word: a continuation line of white space alone is obsolete
    // syntax (RFC 5322 §4.2).
    if (word !== '' && lineLength + piece.length > limit && lineLength > 0) {
      out += '\r\n';
      lineLength = 0;
    }
    out += piece;
    lineLength += piece.length;
  }
  return out;
}

/**
 * Unfold a header value (RFC 5322 §2.2.3): remove each line break that is followed by white space,
 * keeping the white space. Bare LF line ends are accepted too.
 */
export function unfoldHeader(value: string): string {
  return value.replace(/\r?\n(?=[ \t])/g, '');
}
