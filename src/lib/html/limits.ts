/**
 * What the preview takes on before it parses anything, and the scans it runs over the raw HTML.
 * Every scan here walks the text once, with `indexOf` jumps and no regular expression that could
 * backtrack over it, so hostile HTML costs time in proportion to its length and never more.
 *
 * Two limits keep the browser's own work bounded too: the HTML parser slows down with the depth
 * of open elements (Chromium takes seconds for 20,000 nested tables), and sanitizing is one long
 * task on the page's thread. HTML past either limit is cut, and the preview says so.
 */

/**
 * The most HTML the preview parses, in UTF-16 code units: sanitizing is one task on the page's
 * thread, about a second per MiB of markup-dense HTML on a slow machine.
 */
export const MAX_PREVIEW_HTML = 512 * 1024;

/**
 * The deepest nesting of elements the preview parses. Table cells are not counted, yet each
 * table nests four elements deep: 100 keeps the tree within the 512 levels past which Chromium
 * flattens it (and the built document would no longer parse back to the same tree).
 */
export const MAX_PREVIEW_DEPTH = 100;

/**
 * The most elements the preview parses. Sanitizing and checking the built document cost about
 * 20 µs per element in Chromium, all of it one task on the page's thread (the sanitizer needs the
 * page's DOM): 10,000 elements keep that task near 0.2 s, where 512 KiB of markup-dense HTML
 * (40,000 elements and more) took 1–2 s. Real emails stay far below it: large newsletters have a
 * few thousand elements.
 */
export const MAX_PREVIEW_ELEMENTS = 10_000;

/** How and where the HTML was cut before the preview parsed it. */
export interface HtmlCut {
  reason: 'size' | 'depth' | 'elements';
  /** Length of the HTML that is shown. */
  shown: number;
  /** Length of the whole HTML. */
  total: number;
}

// Elements without an end tag, and elements the parser closes by itself (an unclosed `<p>` or
// `<td>` does not deepen the tree), which never count towards the depth.
const NOT_NESTING = new Set(
  (
    'area base br col embed hr img input link meta source track wbr param keygen basefont bgsound ' +
    'frame image p li dt dd option optgroup tr td th tbody thead tfoot colgroup caption rb rt rp ' +
    'rtc html head body'
  ).split(' '),
);

// Elements whose content is text up to their own end tag.
const RAW_TEXT = new Set([
  'style',
  'script',
  'textarea',
  'title',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
]);

const NAME_END = /[\s/>]/;

function readName(lower: string, start: number): string {
  let end = start;
  while (end < lower.length && end - start < 64 && !NAME_END.test(lower[end]!)) end++;
  return lower.slice(start, end);
}

function isLetter(char: string | undefined): boolean {
  return char !== undefined && char >= 'a' && char <= 'z';
}

/** Where the nesting of `html` first goes deeper than `maxDepth`, or -1. */
export function depthLimitAt(html: string, maxDepth = MAX_PREVIEW_DEPTH): number {
  return structureLimitAt(html, maxDepth, Infinity).at;
}

/**
 * Where `html` first nests deeper than `maxDepth` or opens more than `maxElements` elements, and
 * which limit it reached there; `at` is -1 when it reaches neither.
 */
export function structureLimitAt(
  html: string,
  maxDepth = MAX_PREVIEW_DEPTH,
  maxElements = MAX_PREVIEW_ELEMENTS,
): { at: number; reason?: 'depth' | 'elements' } {
  const lower = html.toLowerCase();
  let elements = 0;
  const open: string[] = [];
  const openCount = new Map<string, number>();
  let i = lower.indexOf('<');
  while (i >= 0 && i < lower.length) {
    const next = lower[i + 1];
    let end: number;
    if (lower.startsWith('<!--', i)) {
      const close = lower.indexOf('-->', i + 4);
      end = close < 0 ? lower.length : close + 3;
    } else if (next === '/' && isLetter(lower[i + 2])) {
      const name = readName(lower, i + 2);
      // Searched only when open: the search then costs what it pops, so the scan stays linear.
      if (openCount.get(name)) {
        while (open.length) {
          const top = open.pop()!;
          openCount.set(top, openCount.get(top)! - 1);
          if (top === name) break;
        }
      }
      const close = lower.indexOf('>', i);
      end = close < 0 ? lower.length : close + 1;
    } else if (isLetter(next)) {
      const name = readName(lower, i + 1);
      const close = lower.indexOf('>', i);
      if (close < 0) break; // an unclosed tag at the end is dropped by the parser
      if (++elements > maxElements) return { at: i, reason: 'elements' };
      end = close + 1;
      if (name === 'plaintext') break;
      if (RAW_TEXT.has(name)) {
        const endTag = lower.indexOf(`</${name}`, end);
        end = endTag < 0 ? lower.length : endTag;
      } else if (!NOT_NESTING.has(name)) {
        open.push(name);
        openCount.set(name, (openCount.get(name) ?? 0) + 1);
        if (open.length > maxDepth) return { at: i, reason: 'depth' };
      }
    } else if (next === '!' || next === '?') {
      const close = lower.indexOf('>', i);
      end = close < 0 ? lower.length : close + 1;
    } else end = i + 1;
    i = lower.indexOf('<', end);
  }
  return { at: -1 };
}

/** `html` cut to what the preview can parse without stalling the page, and how it was cut. */
export function limitHtml(html: string): { html: string; cut?: HtmlCut } {
  let shown = html;
  let reason: HtmlCut['reason'] | undefined;
  if (shown.length > MAX_PREVIEW_HTML) {
    // At a tag's start when one is near, so the last element shown is whole.
    const tag = shown.lastIndexOf('<', MAX_PREVIEW_HTML);
    shown = shown.slice(0, tag > MAX_PREVIEW_HTML - 4096 ? tag : MAX_PREVIEW_HTML);
    reason = 'size';
  }
  const structure = structureLimitAt(shown);
  if (structure.reason) {
    shown = shown.slice(0, structure.at);
    reason = structure.reason;
  }
  if (reason === undefined) return { html };
  return { html: shown, cut: { reason, shown: shown.length, total: html.length } };
}

/**
 * How many Outlook-only conditional comments the HTML has: `<!--[if mso]>`, `<!--[if gte mso
 * 9]>`, `<!--[if IE]>`, however spaced, but not the downlevel-revealed `<!--[if !mso]>`.
 */
export function countOutlookOnlyBlocks(html: string): number {
  const lower = html.toLowerCase();
  let count = 0;
  // The next `]` at or after a position; positions only grow, so the text is searched once.
  let bracket = -1;
  let i = lower.indexOf('<!--[if');
  while (i >= 0) {
    let j = i + 7;
    const spaced = j < lower.length && isSpace(lower[j]!);
    while (j < lower.length && isSpace(lower[j]!)) j++;
    let end = i + 1;
    if (spaced && lower[j] !== '!') {
      if (bracket < j) bracket = lower.indexOf(']', j);
      if (bracket < 0) break; // no `]` left: no conditional comment can end
      if (lower[bracket + 1] === '>') {
        count++;
        end = bracket + 2;
      }
    }
    i = lower.indexOf('<!--[if', end);
  }
  return count;
}

function isSpace(char: string): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r' || char === '\f';
}
