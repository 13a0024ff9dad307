/**
 * Authentication-Results (RFC 8601) read into SPF, DKIM, DMARC and ARC verdicts, exactly as the
 * receiving server wrote them: nothing is verified here, and nothing is looked up.
 */
import type { InspectedAuthResult, InspectedAuthentication } from './types.ts';

/** One method result in an Authentication-Results header. */
export type AuthenticationResult = InspectedAuthResult;

/** The verdicts of the newest Authentication-Results header, by method. */
export type AuthenticationSummary = InspectedAuthentication;

/** Remove comments (RFC 5322 §3.2.2), leaving quoted strings alone. */
function stripComments(value: string): string {
  let out = '';
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (quoted) {
      out += ch;
      if (ch === '\\' && i + 1 < value.length) out += value[++i];
      else if (ch === '"') quoted = false;
    } else if (depth > 0) {
      if (ch === '\\') i++;
      else if (ch === '(') depth++;
      else if (ch === ')') depth--;
    } else if (ch === '(') {
      depth = 1;
      out += ' ';
    } else {
      if (ch === '"') quoted = true;
      out += ch;
    }
  }
  return out;
}

/** Split on `;` outside quoted strings. */
function splitStatements(value: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of value) {
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) {
      out.push(current.trim());
      current = '';
    } else current += ch;
  }
  out.push(current.trim());
  return out.filter((s) => s.length > 0);
}

const PAIR = /([a-z0-9_.-]+(?:\/[0-9]+)?)\s*=\s*("(?:[^"\\]|\\.)*"|[^\s;]+)/gi;

/** Read one Authentication-Results header value (also the part after `i=N;` in ARC-Authentication-Results). */
export function parseAuthenticationResults(value: string): AuthenticationResult[] {
  const statements = splitStatements(stripComments(value));
  let authservId = (statements.shift() ?? '').split(/\s+/)[0] ?? '';
  if (/^i=\d+$/i.test(authservId)) authservId = (statements.shift() ?? '').split(/\s+/)[0] ?? '';
  const results: AuthenticationResult[] = [];
  for (const statement of statements) {
    if (/^none$/i.test(statement)) continue;
    let entry: AuthenticationResult | undefined;
    for (const match of statement.matchAll(PAIR)) {
      const key = match[1]!.toLowerCase();
      const text = match[2]!.replace(/^"|"$/g, '');
      if (!entry) {
        entry = {
          authservId,
          method: key.replace(/\/\d+$/, ''),
          result: text.toLowerCase(),
          properties: {},
        };
      } else if (key === 'reason') entry.reason = text;
      else entry.properties[key] = text;
    }
    if (entry) results.push(entry);
  }
  return results;
}

/** Summarise the Authentication-Results headers of a message, given newest first. */
export function summarizeAuthentication(values: readonly string[]): AuthenticationSummary {
  const results = values.flatMap(parseAuthenticationResults);
  const newest = values.length > 0 ? parseAuthenticationResults(values[0]!) : [];
  const summary: AuthenticationSummary = {
    dkim: newest.filter((r) => r.method === 'dkim'),
    results,
  };
  const spf = newest.find((r) => r.method === 'spf');
  const dmarc = newest.find((r) => r.method === 'dmarc');
  const arc = newest.find((r) => r.method === 'arc');
  if (spf) summary.spf = spf;
  if (dmarc) summary.dmarc = dmarc;
  if (arc) summary.arc = arc;
  return summary;
}
