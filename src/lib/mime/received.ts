/**
 * The route a message took, from its Received headers (RFC 5321 §4.4): each hop's from, by,
 * via, with, id and for clauses and its date, in the order the hops happened, with the delay
 * between hops and in total.
 */
import type { InspectedHop, InspectedRoute } from './types.ts';
import { parseMailDate } from './mail-date.ts';

/** One Received header read as a hop. */
export type ReceivedHop = InspectedHop;

/** The Received chain as a route, oldest hop first. */
export type Route = InspectedRoute;

const CLAUSES = new Set(['from', 'by', 'via', 'with', 'id', 'for']);
type Clause = 'from' | 'by' | 'via' | 'with' | 'id' | 'for';

const IP_PATTERN = /\[(?:ipv6:)?([0-9a-f:.]+)\]|\b(\d{1,3}(?:\.\d{1,3}){3})\b/i;

/** Split into words and parenthesised comments (which nest, RFC 5322 §3.2.2). */
function tokenize(text: string): Array<{ word: string; comment: boolean }> {
  const tokens: Array<{ word: string; comment: boolean }> = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '(') {
      let depth = 1;
      let j = i + 1;
      while (j < text.length && depth > 0) {
        if (text[j] === '\\') j++;
        else if (text[j] === '(') depth++;
        else if (text[j] === ')') depth--;
        j++;
      }
      tokens.push({ word: text.slice(i + 1, depth === 0 ? j - 1 : j).trim(), comment: true });
      i = j;
    } else if (/\s/.test(ch)) {
      i++;
    } else {
      let j = i;
      while (j < text.length && !/[\s(]/.test(text[j]!)) j++;
      tokens.push({ word: text.slice(i, j), comment: false });
      i = j;
    }
  }
  return tokens;
}

/** A clause value without the punctuation around it: `<id>`, `[192.0.2.1]:25`, `host,`. */
function cleanClauseValue(clause: Clause, word: string): string {
  // Trailing punctuation is cut with a loop: `/[;,]+$/` backtracks over a long run of it.
  let cut = word.length;
  while (cut > 0 && (word[cut - 1] === ';' || word[cut - 1] === ',')) cut--;
  let value = word.slice(0, cut).replace(/^<(.*)>$/, '$1');
  if (clause === 'from' || clause === 'by') {
    value = value.replace(/^\[(?:ipv6:)?([^\]]*)\](?::\d+)?$/i, '$1');
  }
  return value;
}

/** Read one Received header value. Never throws; what cannot be read is left out. */
export function parseReceived(value: string): ReceivedHop {
  const hop: ReceivedHop = { raw: value };
  const semicolon = value.lastIndexOf(';');
  let clauses = value;
  if (semicolon >= 0) {
    const date = parseMailDate(value.slice(semicolon + 1));
    if (date) {
      hop.date = new Date(date.time).toISOString();
      clauses = value.slice(0, semicolon);
    }
  }
  let current: Clause | undefined;
  let expectValue = false;
  for (const token of tokenize(clauses)) {
    const lower = token.word.toLowerCase();
    if (!token.comment && CLAUSES.has(lower) && !(expectValue && current === 'for')) {
      current = lower as Clause;
      expectValue = hop[current] === undefined;
      continue;
    }
    if (!current) continue;
    if (token.comment) {
      if (current === 'from' && hop.fromDetail === undefined) hop.fromDetail = token.word;
      continue;
    }
    if (!expectValue) continue;
    expectValue = false;
    hop[current] = cleanClauseValue(current, token.word);
  }
  const ipSource = `${hop.fromDetail ?? ''} ${hop.from ?? ''}`;
  const ip = IP_PATTERN.exec(ipSource);
  if (ip) hop.fromIp = ip[1] ?? ip[2];
  return hop;
}

/**
 * Read the Received headers of a message, given in header order (newest first, as each MTA
 * prepends its own), into a route with the oldest hop first and the delays worked out.
 */
export function readRoute(receivedValues: readonly string[]): Route {
  const hops = receivedValues.map(parseReceived).reverse();
  let previous: number | undefined;
  let first: number | undefined;
  let last: number | undefined;
  for (const hop of hops) {
    if (hop.date === undefined) continue;
    const time = Date.parse(hop.date);
    if (previous !== undefined) hop.delaySeconds = Math.round((time - previous) / 1000);
    previous = time;
    first ??= time;
    last = time;
  }
  const route: Route = { hops };
  if (first !== undefined && last !== undefined && hops.filter((h) => h.date).length >= 2) {
    route.totalDelaySeconds = Math.round((last - first) / 1000);
  }
  return route;
}
