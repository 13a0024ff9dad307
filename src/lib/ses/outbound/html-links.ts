/**
 * The links of an HTML body as SES's click tracking reads them: every `<a>` start tag with an
 * `href`, its `ses:no-track` and `ses:tags` attributes, and where the closing `</body>` is (the
 * open pixel goes before it). One linear pass with `indexOf` and character tests, no regular
 * expression over the user's HTML: comments, `<script>`/`<style>` text and quoted attribute values
 * are skipped, so a `>` or `<a` inside them is not taken for markup.
 */

/** An attribute of a start tag, with the range of its value in the HTML (quotes included). */
export interface TagAttribute {
  /** Lower-case name. */
  name: string;
  /** The value with character references decoded. */
  value: string;
  /** Offset of the value's first character (its opening quote when quoted). */
  start: number;
  /** Offset just past the value (past its closing quote when quoted). */
  end: number;
}

/** An `<a>` start tag that has an `href`. */
export interface HtmlLink {
  href: TagAttribute;
  attributes: TagAttribute[];
}

/** What `scanLinks` finds. */
export interface LinkScan {
  links: HtmlLink[];
  /** Offset of the last `</body` end tag, when there is one. */
  bodyEnd?: number;
  /** Offset of the last `</html` end tag, when there is one. */
  htmlEnd?: number;
}

const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/** The common character references in an attribute value (`&amp;`, `&#38;`, `&#x26;`). */
export function decodeReferences(value: string): string {
  if (!value.includes('&')) return value;
  let out = '';
  let i = 0;
  while (i < value.length) {
    const amp = value.indexOf('&', i);
    const semi = amp < 0 ? -1 : value.indexOf(';', amp);
    if (amp < 0 || semi < 0 || semi - amp > 10) {
      out += value.slice(i);
      break;
    }
    const name = value.slice(amp + 1, semi);
    let decoded: string | undefined = NAMED[name.toLowerCase()];
    if (name.startsWith('#')) {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      if (Number.isInteger(code) && code > 0 && code <= 0x10ffff)
        decoded = String.fromCodePoint(code);
    }
    out += value.slice(i, amp) + (decoded ?? value.slice(amp, semi + 1));
    i = semi + 1;
  }
  return out;
}

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';
}

function isLetter(c: string | undefined): boolean {
  return c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}

/** Whether `html` has `word` (lower-case ASCII) at `at`, in any case. */
function hasWordAt(html: string, at: number, word: string): boolean {
  if (at + word.length > html.length) return false;
  for (let k = 0; k < word.length; k++) {
    if (html.charAt(at + k).toLowerCase() !== word[k]) return false;
  }
  return true;
}

/** Read a start tag's attributes from just past its name; gives them and the offset past `>`. */
function readAttributes(html: string, from: number): { attributes: TagAttribute[]; end: number } {
  const attributes: TagAttribute[] = [];
  let i = from;
  for (;;) {
    while (i < html.length && (isSpace(html[i]) || html[i] === '/')) i++;
    if (i >= html.length) return { attributes, end: html.length };
    if (html[i] === '>') return { attributes, end: i + 1 };
    const nameStart = i;
    while (i < html.length && !isSpace(html[i]) && html[i] !== '/' && html[i] !== '>' && html[i] !== '=') i++;
    if (i === nameStart) i++; // a stray `=` with no name
    const name = html.slice(nameStart, i).toLowerCase();
    let j = i;
    while (j < html.length && isSpace(html[j])) j++;
    if (html[j] !== '=') {
      attributes.push({ name, value: '', start: i, end: i });
      continue;
    }
    j++;
    while (j < html.length && isSpace(html[j])) j++;
    const quote = html[j];
    if (quote === '"' || quote === "'") {
      const close = html.indexOf(quote, j + 1);
      const stop = close < 0 ? html.length : close;
      attributes.push({ name, value: decodeReferences(html.slice(j + 1, stop)), start: j, end: Math.min(html.length, stop + 1) });
      i = stop + 1;
    } else {
      let stop = j;
      while (stop < html.length && !isSpace(html[stop]) && html[stop] !== '>') stop++;
      attributes.push({ name, value: decodeReferences(html.slice(j, stop)), start: j, end: stop });
      i = stop;
    }
  }
} // prettier-ignore

/** Skip the text of a raw-text element (`script`, `style`) up to its end tag. */
function skipRawText(html: string, from: number, name: string): number {
  for (let i = html.indexOf('</', from); i >= 0; i = html.indexOf('</', i + 2)) {
    if (hasWordAt(html, i + 2, name)) return i;
  }
  return html.length;
}

/** The links of an HTML document or fragment, and where its body ends. */
export function scanLinks(html: string): LinkScan {
  const scan: LinkScan = { links: [] };
  let i = html.indexOf('<');
  while (i >= 0 && i < html.length) {
    if (html.startsWith('<!--', i)) {
      const close = html.indexOf('-->', i + 4);
      i = close < 0 ? html.length : html.indexOf('<', close + 3);
      continue;
    }
    const closing = html[i + 1] === '/';
    const nameStart = closing ? i + 2 : i + 1;
    if (!isLetter(html[nameStart])) {
      i = html.indexOf('<', i + 1);
      continue;
    }
    let nameEnd = nameStart;
    while (nameEnd < html.length && !isSpace(html[nameEnd]) && html[nameEnd] !== '/' && html[nameEnd] !== '>') nameEnd++;
    const name = html.slice(nameStart, nameEnd).toLowerCase();
    const { attributes, end } = readAttributes(html, nameEnd);
    if (closing) {
      if (name === 'body') scan.bodyEnd = i;
      if (name === 'html') scan.htmlEnd = i;
    } else if (name === 'a') {
      const href = attributes.find((a) => a.name === 'href');
      if (href) scan.links.push({ href, attributes });
    }
    const next = !closing && (name === 'script' || name === 'style') ? skipRawText(html, end, name) : end;
    i = html.indexOf('<', next);
  }
  return scan;
} // prettier-ignore
