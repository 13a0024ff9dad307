/**
 * RFC 2047 encoded words: `=?charset?Q|B?text?=`. Encoding always uses UTF-8, keeps every word
 * within 75 characters and never splits a character between words; decoding is lenient and
 * byte-accurate (adjacent words in one charset are joined before their bytes are decoded, so a
 * character split across words by a careless encoder comes out whole).
 */
import { encodeBase64, decodeBase64 } from './base64.ts';
import { concatBytes, utf8Encode } from './bytes.ts';
import { decodeCharset, resolveCharset, UTF7_CHARSET } from './charset.ts';
import { report, type DecodeIssue } from './decode-issue.ts';
import { MAX_ENCODED_WORD_LENGTH } from './limits.ts';

/** RFC 2047 §2: an encoded word is at most 75 characters long. */
export const ENCODED_WORD_MAX = MAX_ENCODED_WORD_LENGTH;

/** The two RFC 2047 §4 encodings. */
export type WordEncoding = 'Q' | 'B';

const PREFIX = '=?UTF-8?';
/** `=?UTF-8?Q?` + `?=` */
const OVERHEAD = PREFIX.length + 2 + 2;
const HEX = '0123456789ABCDEF';

/**
 * Characters that stay literal in Q text. RFC 2047 §5 rule 3 is the strictest context (a word in
 * a phrase): letters, digits and `! * + - /`. Using it everywhere makes every word safe anywhere.
 */
function isQLiteral(byte: number): boolean {
  return (
    (byte >= 0x30 && byte <= 0x39) ||
    (byte >= 0x41 && byte <= 0x5a) ||
    (byte >= 0x61 && byte <= 0x7a) ||
    byte === 0x21 ||
    byte === 0x2a ||
    byte === 0x2b ||
    byte === 0x2d ||
    byte === 0x2f
  );
}

/** Q-encode bytes (RFC 2047 §4.2): space as `_`, everything outside the safe set as `=XX`. */
export function encodeQ(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) {
    if (byte === 0x20) out += '_';
    else if (isQLiteral(byte)) out += String.fromCharCode(byte);
    else out += '=' + HEX[byte >> 4] + HEX[byte & 15];
  }
  return out;
}

function qLength(bytes: Uint8Array, start: number, end: number): number {
  let length = 0;
  for (let i = start; i < end; i++) {
    const byte = bytes[i]!;
    length += byte === 0x20 || isQLiteral(byte) ? 1 : 3;
  }
  return length;
}

/**
 * Q keeps mostly-Latin text readable in raw headers; B is far shorter for other scripts. Q is
 * chosen unless it would be more than half again as long as B.
 */
export function chooseWordEncoding(bytes: Uint8Array): WordEncoding {
  return qLength(bytes, 0, bytes.length) * 2 <= Math.ceil(bytes.length / 3) * 4 * 3 ? 'Q' : 'B';
}

/** Encode a whole text as one encoded word, however long (no splitting). */
export function encodeWord(text: string, encoding: WordEncoding = 'Q'): string {
  const bytes = utf8Encode(text);
  return `${PREFIX}${encoding}?${encoding === 'Q' ? encodeQ(bytes) : encodeBase64(bytes)}?=`;
}

/** Byte offsets where characters start in UTF-8 (continuation bytes are 10xxxxxx). */
function isCharStart(bytes: Uint8Array, i: number): boolean {
  return i >= bytes.length || (bytes[i]! & 0xc0) !== 0x80;
}

/**
 * Encode a text as a run of encoded words separated by single spaces, each at most 75 characters,
 * choosing Q or B (whichever is shorter, Q on a tie) unless told. A decoder removes the spaces
 * between adjacent words (RFC 2047 §6.2), so the text round-trips exactly.
 */
export function encodeWordRun(text: string, encoding?: WordEncoding): string {
  const bytes = utf8Encode(text);
  const chosen = encoding ?? chooseWordEncoding(bytes);
  const room = ENCODED_WORD_MAX - OVERHEAD;
  const words: string[] = [];
  let start = 0;
  while (start < bytes.length) {
    let end = start;
    if (chosen === 'B') {
      const maxBytes = Math.floor(room / 4) * 3;
      end = Math.min(bytes.length, start + maxBytes);
      while (end > start && !isCharStart(bytes, end)) end--;
    } else {
      let used = 0;
      while (end < bytes.length) {
        let next = end + 1;
        while (!isCharStart(bytes, next)) next++;
        const width = qLength(bytes, end, next);
        if (used + width > room) break;
        used += width;
        end = next;
      }
    }
    if (end === start) end = start + 1; // cannot happen with UTF-8 input; guards the loop
    const chunk = bytes.subarray(start, end);
    words.push(`${PREFIX}${chosen}?${chosen === 'Q' ? encodeQ(chunk) : encodeBase64(chunk)}?=`);
    start = end;
  }
  return words.join(' ');
}

/** Whether a text needs encoding to travel in a header: any non-ASCII or control character. */
export function needsEncoding(text: string): boolean {
  return /[^\x20-\x7e\t]/.test(text);
}

/** Whether a word of an unstructured value must be encoded: too long, non-ASCII or like `=?…?=`. */
function isRiskyWord(word: string, longWordLimit: number): boolean {
  return word.length > longWordLimit || needsEncoding(word) || looksLikeEncodedWord(word);
}

/**
 * Whether a reader could take some of the text for an encoded word: a `=?` followed, on the same
 * line, by a `?=` (RFC 2047 §5 keeps such text out of phrases). Two `indexOf` scans per line,
 * where a `/=\?.*\?=/` search backtracks to the end from every `=?` it meets.
 */
export function looksLikeEncodedWord(text: string): boolean {
  // Each search resumes where the last one stopped, so the text is read about once however many
  // `=?` it holds; a search that finds nothing stands for the rest of the text.
  const end = text.length;
  const after = (found: number) => (found < 0 ? end : found);
  let close = -1;
  let cr = -1;
  let lf = -1;
  for (let open = text.indexOf('=?'); open >= 0; open = text.indexOf('=?', open + 1)) {
    if (close < open + 2) close = after(text.indexOf('?=', open + 2));
    if (close === end) return false;
    if (cr < open) cr = after(text.indexOf('\r', open));
    if (lf < open) lf = after(text.indexOf('\n', open));
    if (close < Math.min(cr, lf)) return true;
  }
  return false;
}

/**
 * Encode an unstructured header value (e.g. Subject): ASCII words at either end stay readable;
 * the stretch from the first to the last word that needs encoding becomes encoded words. A text
 * that looks like an encoded word itself is encoded too, so it cannot be misread. Words longer
 * than `longWordLimit` are encoded as well: split into encoded words, which a decoder joins
 * again, they can be folded, so no line exceeds the limits of RFC 5322 §2.1.1. Only for
 * unstructured values (Subject): elsewhere an encoded word would change the meaning.
 */
export function encodeUnstructured(
  text: string,
  encoding?: WordEncoding,
  longWordLimit = Infinity,
): string {
  const words = text.split(' ');
  // A fold goes only before a word, so the spaces before a word share its line: a long run of
  // them counts against the word's room (RFC 5322 §2.1.1).
  const risky: boolean[] = [];
  let spaces = 0;
  for (const word of words) {
    risky.push(word !== '' && isRiskyWord(word, longWordLimit - spaces));
    spaces = word === '' ? spaces + 1 : 0;
  }
  // Trailing spaces end the last line, after the last word.
  let lastWord = words.length - 1;
  while (lastWord > 0 && words[lastWord] === '') lastWord--;
  if (spaces > 0 && words[lastWord]!.length + spaces + 1 > longWordLimit) risky[lastWord] = true;
  let first = risky.indexOf(true);
  if (first < 0) return text;
  const last = risky.lastIndexOf(true);
  // Keep the encoded stretch from starting or ending with an empty word (double spaces).
  while (first > 0 && words[first - 1] === '') first--;
  let end = last;
  while (end < words.length - 1 && words[end + 1] === '') end++;
  const head = words.slice(0, first).join(' ');
  const tail = words.slice(end + 1).join(' ');
  const middle = encodeWordRun(words.slice(first, end + 1).join(' '), encoding);
  return [head, middle, tail].filter((part, index) => part !== '' || index === 1).join(' ');
}

/** Decode Q text (RFC 2047 §4.2) to bytes: `_` is a space, `=XX` a byte; white space is ignored. */
export function decodeQ(text: string, issues?: DecodeIssue[]): Uint8Array {
  const out = new Uint8Array(text.length);
  let at = 0;
  let invalid = -1;
  const clean = text.replace(/[ \t\r\n]+/g, '');
  for (let i = 0; i < clean.length; i++) {
    const code = clean.charCodeAt(i);
    if (code === 0x5f) {
      out[at++] = 0x20;
    } else if (code === 0x3d) {
      const hex = clean.slice(i + 1, i + 3);
      if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
        out[at++] = parseInt(hex, 16);
        i += 2;
      } else {
        if (invalid < 0) invalid = i;
        out[at++] = code;
      }
    } else {
      out[at++] = code & 0xff;
    }
  }
  if (invalid >= 0) {
    report(
      issues,
      'encoded-word-invalid-escape',
      'An "=" in a Q-encoded word is not followed by two hex digits.',
      invalid,
    );
  }
  return out.subarray(0, at);
}

/**
 * Decode B text (RFC 2047 §4.1) to bytes. When the data cannot be base64 (one character left
 * over), the text is returned as written so nothing disappears, as Python's `email` does.
 */
export function decodeB(text: string, issues?: DecodeIssue[]): Uint8Array {
  const found: DecodeIssue[] = [];
  const bytes = decodeBase64(text, found);
  for (const issue of found) report(issues, issue.code, issue.message, issue.index);
  if (found.some((issue) => issue.code === 'base64-length')) {
    return Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);
  }
  return bytes;
}

/** Decode the text of one encoded word given its charset and encoding letter. */
export function decodeWord(
  charset: string,
  encoding: string,
  text: string,
  issues?: DecodeIssue[],
): string {
  const letter = encoding.toUpperCase();
  if (letter !== 'Q' && letter !== 'B') {
    report(
      issues,
      'encoded-word-unknown-encoding',
      `"${encoding}" is not an RFC 2047 encoding (Q or B); the text was kept as written.`,
    );
    return text;
  }
  const bytes = letter === 'Q' ? decodeQ(text, issues) : decodeB(text, issues);
  return decodeCharset(bytes, charset, issues);
}

/**
 * Encodings whose words are never joined: each word opens and closes its own shift state (ISO-2022
 * escape sequences, UTF-7 base64 runs), and WHATWG decoding turns two escapes in a row into
 * U+FFFD.
 */
const STATEFUL = new Set(['iso-2022-jp', UTF7_CHARSET]);

/**
 * An encoded word, leniently: the text may hold folding white space (careless encoders fold
 * inside words); `?` ends it, as RFC 2047 §2 forbids it inside.
 */
const WORD = /=\?([^?\s]+)\?([A-Za-z])\?([^?]*)\?=/g;

/**
 * Decode every encoded word in a header value. White space between adjacent encoded words is
 * dropped (RFC 2047 §6.2); adjacent words with the same charset and encoding have their bytes
 * joined before decoding. Malformed words are decoded as far as possible and reported.
 */
export function decodeEncodedWords(value: string, issues?: DecodeIssue[]): string {
  if (!value.includes('=?')) return value;
  let out = '';
  let last = 0;
  let run: { charset: string; key: string; chunks: Uint8Array[] } | undefined;
  const flush = () => {
    if (!run) return;
    out += decodeCharset(concatBytes(run.chunks), run.charset, issues, true);
    run = undefined;
  };
  for (const match of value.matchAll(WORD)) {
    const [whole, charset, encoding, text] = match as unknown as [string, string, string, string];
    const index = match.index;
    const between = value.slice(last, index);
    const adjacent = run !== undefined && /^[ \t\r\n]*$/.test(between);
    if (!adjacent) {
      flush();
      out += between;
    }
    const letter = encoding.toUpperCase();
    if (letter !== 'Q' && letter !== 'B') {
      flush();
      report(
        issues,
        'encoded-word-unknown-encoding',
        `"${encoding}" is not an RFC 2047 encoding (Q or B).`,
        index,
      );
      out += whole;
      last = index + whole.length;
      continue;
    }
    const wordIssues: DecodeIssue[] = [];
    const bytes = letter === 'Q' ? decodeQ(text, wordIssues) : decodeB(text, wordIssues);
    for (const issue of wordIssues) report(issues, issue.code, issue.message, index);
    // Words are joined by charset, whatever their encoding or label: the bytes are what count.
    // Unknown labels join only their own kind, so each is reported.
    const resolved = resolveCharset(charset);
    const key = resolved.known ? resolved.encoding : `?${charset.split('*')[0]!.toLowerCase()}`;
    if (run && (run.key !== key || STATEFUL.has(key))) flush();
    if (!run) run = { charset, key, chunks: [] };
    run.chunks.push(bytes);
    last = index + whole.length;
  }
  flush();
  out += value.slice(last);
  return out;
}
