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
  /** How many words and links of the HTML the text body misses in all. */
  missingCount: number;
  /** Words and links of the text body that the HTML does not have (at most a few). */
  notInHtml: string[];
  /** How many words and links of the text body the HTML does not have in all. */
  notInHtmlCount: number;
}

/** How many differing words to name in each direction: a warning names a few, not a list. */
const REPORTED_WORDS = 3;

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

function difference(
  a: Map<string, number>,
  b: Map<string, number>,
): { words: string[]; count: number } {
  const words: string[] = [];
  let count = 0;
  for (const [word, times] of a) {
    if ((b.get(word) ?? 0) >= times) continue;
    count++;
    if (words.length < REPORTED_WORDS) words.push(word);
  }
  return { words, count };
}

/** Compare a text body with the text an HTML body converts to. */
export function compareTextWithHtml(text: string, html: string): TextMatch {
  const fromHtml = wordCounts(htmlToText(html));
  const fromText = wordCounts(text);
  const missing = difference(fromHtml, fromText);
  const extra = difference(fromText, fromHtml);
  return {
    matches: missing.count === 0 && extra.count === 0,
    missingFromText: missing.words,
    missingCount: missing.count,
    notInHtml: extra.words,
    notInHtmlCount: extra.count,
  };
}
