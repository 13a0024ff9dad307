/**
 * The lines of a message that could be multipart delimiters, found in one pass and indexed so
 * that every multipart level finds its own delimiters by lookup: nested multiparts whose
 * boundaries are prefixes of each other (`b`, `bb`, `bbb`, …) then cost one pass over the
 * message, not one per level. Lines that begin with an enclosing boundary and go on (content that
 * prefix-matching parsers would split at) are found by one more pass against all the boundaries
 * open at each line at once.
 */
import { bytesToBinaryString, CR, HYPHEN, LF } from './bytes.ts';

/** How much of a candidate line is kept: more than any boundary (70 characters, RFC 2046 §5.1.1). */
export const CANDIDATE_TEXT = 256;

/**
 * The close-delimiter keys kept per line: `--b--x` closes `b`, and a line with many `--` could
 * close as many boundaries; real close delimiters need one or two keys.
 */
const MAX_CLOSE_KEYS = 8;

/**
 * Every line that begins with `--`: where it begins and what follows the hyphens (up to
 * `CANDIDATE_TEXT` characters), and, built on first use, the lines each boundary could delimit.
 */
export interface CandidateLines {
  offsets: number[];
  texts: string[];
  /** Boundary → indexes (ascending) of the lines that are its delimiter or close delimiter. */
  byBoundary?: Map<string, number[]>;
}

/** Every line of `raw` before `end` that begins with `--`. */
export function findCandidateLines(raw: Uint8Array, end: number): CandidateLines {
  const offsets: number[] = [];
  const texts: string[] = [];
  for (let i = raw.indexOf(HYPHEN); i >= 0 && i + 1 < end; i = raw.indexOf(HYPHEN, i + 1)) {
    if (raw[i + 1] !== HYPHEN) continue;
    const previous = raw[i - 1];
    if (i !== 0 && previous !== LF && previous !== CR) continue;
    let stop = i + 2;
    const limit = Math.min(end, stop + CANDIDATE_TEXT);
    while (stop < limit && raw[stop] !== CR && raw[stop] !== LF) stop++;
    offsets.push(i);
    texts.push(bytesToBinaryString(raw, i + 2, stop));
    i = stop - 1;
  }
  return { offsets, texts };
}

function trimEndBlanks(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return text.slice(0, end);
}

function addKey(index: Map<string, number[]>, key: string, line: number): void {
  const list = index.get(key);
  if (!list) index.set(key, [line]);
  else if (list[list.length - 1] !== line) list.push(line);
}

/**
 * The lines that could delimit `boundary`: the line is `--boundary` and white space, or begins
 * `--boundary--`. Lines cut at `CANDIDATE_TEXT` are indexed by what was kept.
 */
export function linesForBoundary(lines: CandidateLines, boundary: string): readonly number[] {
  if (!lines.byBoundary) {
    const index = new Map<string, number[]>();
    lines.texts.forEach((text, line) => {
      const kept = trimEndBlanks(text);
      addKey(index, kept, line);
      let keys = 0;
      for (let k = kept.indexOf('--', 1); k > 0 && keys < MAX_CLOSE_KEYS; keys++) {
        addKey(index, kept.slice(0, k), line);
        k = kept.indexOf('--', k + 1);
      }
      if (kept.length > 2 && kept.endsWith('--')) addKey(index, kept.slice(0, -2), line);
    });
    lines.byBoundary = index;
  }
  // Open delimiters are indexed without their trailing blanks, and a boundary may end in spaces.
  const open = lines.byBoundary.get(trimEndBlanks(boundary)) ?? [];
  const closing = lines.byBoundary.get(boundary) ?? [];
  return open === closing ? open : mergeAscending(open, closing);
}

function mergeAscending(a: readonly number[], b: readonly number[]): number[] {
  const merged: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
    if (merged[merged.length - 1] !== next) merged.push(next);
  }
  return merged;
}

/**
 * Index of the first entry of `list` (or of all the lines, without one) whose line begins at or
 * after `from` (binary search).
 */
export function firstLineAtOrAfter(
  lines: CandidateLines,
  list: readonly number[] | undefined,
  from: number,
): number {
  let low = 0;
  let high = list ? list.length : lines.offsets.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (lines.offsets[list ? list[middle]! : middle]! < from) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** A multipart's delimited region and boundary, for `linesLikeBoundaries`. */
export interface BoundaryRegion {
  boundary: string;
  start: number;
  end: number;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** How many open regions have a boundary that ends here. */
  ends: number;
}

/**
 * The candidate lines that begin with the boundary of a region they lie in and go on with other
 * text (not white space, not `--`), each once however many boundaries it begins with. `regions`
 * come in document order (each before the regions it encloses). One pass over the lines, each
 * matched against a trie of the boundaries open at it, so the work is the length of the lines
 * kept, whatever the depth.
 */
export function linesLikeBoundaries(
  lines: CandidateLines,
  regions: readonly BoundaryRegion[],
): number[] {
  const root: TrieNode = { next: new Map(), ends: 0 };
  const change = (boundary: string, by: number) => {
    let node = root;
    for (const char of boundary) {
      let child = node.next.get(char);
      if (!child) node.next.set(char, (child = { next: new Map(), ends: 0 }));
      node = child;
    }
    node.ends += by;
  };
  const open: BoundaryRegion[] = [];
  const found: number[] = [];
  let next = 0;
  lines.offsets.forEach((offset, line) => {
    while (open.length > 0 && open[open.length - 1]!.end <= offset) {
      change(open.pop()!.boundary, -1);
    }
    while (next < regions.length && regions[next]!.start <= offset) {
      const region = regions[next++]!;
      if (region.end <= offset) continue;
      while (open.length > 0 && open[open.length - 1]!.end <= region.start) {
        change(open.pop()!.boundary, -1);
      }
      open.push(region);
      change(region.boundary, 1);
    }
    if (open.length === 0) return;
    const text = lines.texts[line]!;
    let node: TrieNode | undefined = root;
    for (let k = 0; node && k <= text.length; k++) {
      if (k > 0 && node.ends > 0 && goesOn(text, k)) {
        found.push(line);
        return;
      }
      node = k < text.length ? node.next.get(text[k]!) : undefined;
    }
  });
  return found;
}

/** Whether the text after a boundary that ends at `at` is other text, not blanks or `--`. */
function goesOn(text: string, at: number): boolean {
  if (text.startsWith('--', at)) return false;
  for (let k = at; k < text.length; k++) if (text[k] !== ' ' && text[k] !== '\t') return true;
  return false;
}
