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
  // An unbalanced quote quotes nothing (it is text, as in a Subject): fold at every space. So does
  // a quoted stretch too long for one line: white space inside a quoted string may fold too
  // (RFC 5322 §3.2.4), and a line over 998 octets is never legal.
  if (quoted || words.some((word) => word.length >= MAX_LINE_OCTETS)) return value.split(' ');
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
  let spaces = 0;
  for (const word of words) {
    spaces++;
    // A run of spaces travels with the word after it: a continuation line of white space alone
    // is obsolete syntax (RFC 5322 §4.2), so folds go only before a non-empty word.
    if (word === '') continue;
    if (lineLength + spaces + word.length > limit && lineLength > 0) {
      // Spaces the line before can still hold stay there, so a long run of them does not make
      // the next line too long (RFC 5322 §2.1.1) where a shorter one would do.
      const keep = Math.max(
        0,
        Math.min(spaces - 1, MAX_LINE_OCTETS - lineLength, spaces + word.length - limit),
      );
      out += ' '.repeat(keep) + '\r\n';
      spaces -= keep;
      lineLength = 0;
    }
    out += ' '.repeat(spaces) + word;
    lineLength += spaces + word.length;
    spaces = 0;
  }
  // Trailing spaces end the last line (they are the value's own).
  return out + ' '.repeat(spaces);
}

/**
 * Unfold a header value (RFC 5322 §2.2.3): remove each line break that is followed by white space,
 * keeping the white space. Bare LF line ends are accepted too.
 */
export function unfoldHeader(value: string): string {
  return value.replace(/\r?\n(?=[ \t])/g, '');
}
