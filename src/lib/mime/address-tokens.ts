/**
 * The tokens of an address list (RFC 5322 §3.4): words, quoted strings, comments, angle-bracketed
 * addresses and the list's punctuation, each with its place in the source so that a reader can
 * give back an entry as it was written. One pass, linear in the input: hostile headers of
 * megabytes are read in well under a second.
 */

/** Characters that end an unquoted word: white space and the list's own punctuation. */
const TOKEN_END = new Uint8Array(128);
for (const c of ' \t\r\n"(<,;:') TOKEN_END[c.charCodeAt(0)] = 1;

/** One token of an address list. */
export interface AddressToken {
  kind: 'text' | 'quoted' | 'comment' | 'angle' | 'comma' | 'semicolon' | 'colon';
  /** Quoted strings and comments without their delimiters and escapes; an angle's inside, trimmed. */
  value: string;
  /** Whether white space came right before this token. */
  spaced: boolean;
  /** Where the token starts in the source. */
  start: number;
  /** Where the token ends in the source (exclusive). */
  end: number;
  /**
   * Whether the token had to be repaired to be read: a quoted string, comment or angle bracket
   * that is never closed, or a word holding a `>` that opens nothing (which is dropped).
   */
  repaired: boolean;
}

function isSpace(char: string): boolean {
  return char === ' ' || char === '\t' || char === '\r' || char === '\n';
}

/** The tokens of an address list, in order. Never throws; every character is read once. */
export function tokenizeAddressList(input: string): AddressToken[] {
  const tokens: AddressToken[] = [];
  let i = 0;
  let spaced = false;
  const push = (kind: AddressToken['kind'], value: string, start: number, repaired: boolean) => {
    tokens.push({ kind, value, spaced, start, end: Math.min(i, input.length), repaired });
    spaced = false;
  };
  while (i < input.length) {
    const start = i;
    const char = input[i]!;
    if (isSpace(char)) {
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
      const closed = i < input.length;
      i++;
      push('quoted', value, start, !closed);
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
      push('comment', value, start, depth > 0);
    } else if (char === '<') {
      const close = input.indexOf('>', i + 1);
      const end = close < 0 ? input.length : close;
      const value = input.slice(i + 1, end).trim();
      i = end + 1;
      push('angle', value, start, close < 0);
    } else if (char === ',' || char === ';' || char === ':') {
      i++;
      push(char === ',' ? 'comma' : char === ';' ? 'semicolon' : 'colon', char, start, false);
    } else {
      // Every other character starts a word, so the loop always advances.
      for (let code = input.charCodeAt(i); i < input.length; code = input.charCodeAt(++i)) {
        if (code < 128 && TOKEN_END[code] === 1) break;
      }
      const word = input.slice(start, i);
      // A '>' without its '<' is noise.
      const stray = word.includes('>');
      push('text', stray ? word.replace(/>/g, '') : word, start, stray);
    }
  }
  return tokens;
}
