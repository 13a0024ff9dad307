/**
 * Whether a text body still says what the HTML body says. Compares words and link targets,
 * ignoring case, punctuation, layout and line wrapping, so a hand-tidied text still matches but a
 * sentence or link changed in one body and not the other does not.
 */
import { htmlToText } from '../export/html-to-text.ts';

/** The result of comparing the two bodies. */
export interface TextMatch {
  matches: boolean;
  /** Words and links of the HTML missing from the text body (at most a few, for display). */
  missingFromText: string[];
  /** Words and links of the text body that the HTML does not have. */
  notInHtml: string[];
}

/** How many differing words to report in each direction. */
const REPORTED_WORDS = 8;

const URL = /\b(?:https?|mailto):[^\s()<>"']+/gi;

/** The words and URLs of a text, lower-cased, in a multiset. */
function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (word: string) => counts.set(word, (counts.get(word) ?? 0) + 1);
  const withoutUrls = text.replace(URL, (url) => {
    add(url.replace(/[.,;:!?]+$/, '').toLowerCase());
    return ' ';
  });
  for (const word of withoutUrls.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) add(word);
  return counts;
}

function difference(a: Map<string, number>, b: Map<string, number>): string[] {
  const out: string[] = [];
  for (const [word, count] of a) {
    if ((b.get(word) ?? 0) < count) out.push(word);
    if (out.length === REPORTED_WORDS) break;
  }
  return out;
}

/** Compare a text body with the text an HTML body converts to. */
export function compareTextWithHtml(text: string, html: string): TextMatch {
  const fromHtml = wordCounts(htmlToText(html));
  const fromText = wordCounts(text);
  const missingFromText = difference(fromHtml, fromText);
  const notInHtml = difference(fromText, fromHtml);
  return {
    matches: missingFromText.length === 0 && notInHtml.length === 0,
    missingFromText,
    notInHtml,
  };
}
