/**
 * Rewriting the URLs inside CSS (style attributes and `<style>` elements) without a full CSS
 * parser. A small scanner walks the text, skipping comments and strings, and finds the three
 * places CSS loads something: `url()`, `@import` and the strings of `image-set()` / `src()`.
 * Escapes are the one way to hide those from a scanner (`\75 rl(` is a `url(` token to the
 * browser), so CSS whose escapes spell a loading or scripting token is refused whole.
 */

/** Where a CSS URL was found, which decides what kind of remote resource it is. */
export type CssUrlContext = 'image' | 'font' | 'import';

/**
 * Decides what happens to one CSS URL: a string is the URL to keep (already safe), `null` removes
 * it (`url()` becomes `none`, an `@import` rule disappears).
 */
export type CssUrlMapper = (url: string, context: CssUrlContext) => string | null;

// Tokens that load or script something; escapes must not be able to form more of them.
const LOADING_TOKENS =
  /url\(|image-set\(|src\(|@import|@font-face|expression|behavior|binding|script:/g;

const IDENT_CHAR = /[a-z0-9_\-\u0080-\uffff\\]/i;
const WHITESPACE = /[ \t\n\r\f]/;

/** Decodes CSS escapes (CSS Syntax §4.3.7): `\75` and `\u` both become `u`. */
export function decodeCssEscapes(text: string): string {
  return text.replace(
    /\\(?:([0-9a-f]{1,6})(?:\r\n|[ \t\n\r\f])?|(\r\n|[\n\r\f])|([^]))/gi,
    (_match, hex: string | undefined, _newline: string | undefined, char: string | undefined) => {
      if (hex !== undefined) {
        const code = parseInt(hex, 16);
        const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
        return String.fromCodePoint(valid ? code : 0xfffd);
      }
      return char ?? '';
    },
  );
}

function countLoadingTokens(text: string): number {
  return text.toLowerCase().match(LOADING_TOKENS)?.length ?? 0;
}

/** Whether escapes in this CSS spell a loading or scripting token that the raw text hides. */
export function hidesTokensInEscapes(css: string): boolean {
  if (!css.includes('\\')) return false;
  return countLoadingTokens(decodeCssEscapes(css)) > countLoadingTokens(css);
}

/**
 * Writes a URL as a CSS string token. Besides the characters a string needs escaped, `<` and `>`
 * are written as escapes: the string may come from decoded escapes, and goes back into the text
 * of a `<style>` element, which a literal `</style>` would end.
 */
export function cssString(value: string): string {
  return `"${value.replace(/[\\"]/g, '\\$&').replace(/[\n\r\f<>]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

/**
 * Makes CSS safe to write as the text of a `<style>` element: the CDO/CDC tokens `<!--`/`-->`
 * (ignored by CSS at the top level) go, and any other `<` that starts something tag-like becomes
 * the CSS escape `\3C ` (same meaning in strings and comments), so the text can never close the
 * element or pass for markup.
 */
export function escapeMarkupInCss(css: string): string {
  if (!/<[/\w!]/.test(css)) return css;
  return css.replace(/<!--|-->/g, ' ').replace(/<(?=[/\w!])/g, '\\3C ');
}

// Scans a string token starting at `start` (a quote); returns the index after it and its value.
function scanString(css: string, start: number): { end: number; value: string } {
  const quote = css[start];
  let i = start + 1;
  while (i < css.length) {
    const c = css[i];
    if (c === '\\') i += 2;
    else if (c === quote) return { end: i + 1, value: decodeCssEscapes(css.slice(start + 1, i)) };
    else if (c === '\n')
      break; // a bad string ends at the newline
    else i++;
  }
  return { end: i, value: decodeCssEscapes(css.slice(start + 1, i)) };
}

function skipWhitespace(css: string, i: number): number {
  while (i < css.length && WHITESPACE.test(css[i] ?? '')) i++;
  return i;
}

// Scans what follows `url(`; returns the index after `)` and the URL (null for a bad url token).
function scanUrlBody(css: string, start: number): { end: number; value: string | null } {
  let i = skipWhitespace(css, start);
  if (css[i] === '"' || css[i] === "'") {
    const string = scanString(css, i);
    i = skipWhitespace(css, string.end);
    if (css[i] === ')') return { end: i + 1, value: string.value };
  } else {
    const from = i;
    while (i < css.length && css[i] !== ')' && !WHITESPACE.test(css[i] ?? '')) {
      i += css[i] === '\\' ? 2 : 1;
    }
    const value = decodeCssEscapes(css.slice(from, i));
    i = skipWhitespace(css, i);
    if (css[i] === ')' || i >= css.length) return { end: i + 1, value };
  }
  // A bad url token runs to the next `)`; it loads nothing but is removed all the same.
  const close = css.indexOf(')', i);
  return { end: close < 0 ? css.length : close + 1, value: null };
}

function startsWithAt(lower: string, i: number, word: string): boolean {
  return lower.startsWith(word, i) && (i === 0 || !IDENT_CHAR.test(lower[i - 1] ?? ''));
}

/**
 * Rewrites every URL in a piece of CSS through `mapUrl`, and defuses legacy scripting hooks
 * (`expression()`, `behavior`, `-moz-binding`, `javascript:`). Returns `null` when the CSS hides
 * loading tokens in escapes and must be dropped whole.
 */
export function rewriteCss(css: string, mapUrl: CssUrlMapper): string | null {
  if (hidesTokensInEscapes(css)) return null;
  const lower = css.toLowerCase();
  let out = '';
  let i = 0;
  let braceDepth = 0;
  let fontFacePending = false;
  let fontFaceDepth = -1;
  // Depth of parentheses inside image-set()/src(), whose strings are URLs; 0 when outside.
  let urlStringDepth = 0;
  const context = (): CssUrlContext => (fontFaceDepth >= 0 ? 'font' : 'image');

  while (i < css.length) {
    const c = css[i] ?? '';
    if (css.startsWith('/*', i)) {
      const close = css.indexOf('*/', i + 2);
      const end = close < 0 ? css.length : close + 2;
      out += css.slice(i, end);
      i = end;
    } else if (c === '"' || c === "'") {
      const string = scanString(css, i);
      if (urlStringDepth > 0) {
        const mapped = mapUrl(string.value, context());
        out += cssString(mapped ?? '');
      } else {
        out += css.slice(i, string.end);
      }
      i = string.end;
    } else if (c === '\\') {
      out += css.slice(i, i + 2);
      i += 2;
    } else if (startsWithAt(lower, i, 'url(')) {
      const body = scanUrlBody(css, i + 4);
      const mapped = body.value === null ? null : mapUrl(body.value, context());
      out += mapped === null ? 'none' : `url(${cssString(mapped)})`;
      i = body.end;
    } else if (lower.startsWith('@import', i)) {
      i = rewriteImport(css, lower, i, mapUrl, (text) => (out += text));
    } else if (lower.startsWith('@font-face', i)) {
      fontFacePending = true;
      out += css.slice(i, i + 10);
      i += 10;
    } else if (
      urlStringDepth === 0 &&
      (startsWithAt(lower, i, 'image-set(') ||
        startsWithAt(lower, i, '-webkit-image-set(') ||
        startsWithAt(lower, i, 'src('))
    ) {
      const open = css.indexOf('(', i);
      out += css.slice(i, open + 1);
      urlStringDepth = 1;
      i = open + 1;
    } else {
      if (c === '(' && urlStringDepth > 0) urlStringDepth++;
      else if (c === ')' && urlStringDepth > 0) urlStringDepth--;
      else if (c === '{') {
        braceDepth++;
        if (fontFacePending) {
          fontFaceDepth = braceDepth;
          fontFacePending = false;
        }
      } else if (c === '}') {
        if (braceDepth === fontFaceDepth) fontFaceDepth = -1;
        braceDepth = Math.max(0, braceDepth - 1);
      } else if (c === ';' && fontFacePending) fontFacePending = false;
      out += c;
      i++;
    }
  }
  return defuseScriptingCss(out);
}

// `@import` followed by a string or url(), then an optional media list, up to `;`.
function rewriteImport(
  css: string,
  lower: string,
  start: number,
  mapUrl: CssUrlMapper,
  emit: (text: string) => void,
): number {
  let i = skipWhitespace(css, start + 7);
  let url: string | null = null;
  if (css[i] === '"' || css[i] === "'") {
    const string = scanString(css, i);
    url = string.value;
    i = string.end;
  } else if (lower.startsWith('url(', i)) {
    const body = scanUrlBody(css, i + 4);
    url = body.value;
    i = body.end;
  }
  let end = i;
  while (end < css.length && css[end] !== ';' && css[end] !== '{' && css[end] !== '}') end++;
  const media = css.slice(i, end);
  const next = css[end] === ';' ? end + 1 : end;
  const mapped = url === null ? null : mapUrl(url, 'import');
  if (mapped !== null) emit(`@import url(${cssString(mapped)})${media};`);
  return next;
}

/**
 * Renames the legacy hooks through which CSS once ran script (IE's `expression()` and
 * `behavior`, Firefox's `-moz-binding`) and `javascript:`/`vbscript:` anywhere in CSS to
 * `blocked`, so the declarations become unknown and are ignored.
 */
export function defuseScriptingCss(css: string): string {
  return css
    .replace(/expression(\s*\()/gi, 'blocked$1')
    .replace(/(^|[^a-z0-9_-])behavior(\s*:)/gi, '$1blocked$2')
    .replace(/-moz-binding/gi, 'blocked')
    .replace(/(?:java|vb)script\s*:/gi, 'blocked:');
}
