/**
 * Collects findings: fills in where each one is (part, line, column, raw bytes) from a place in
 * a body's text, and its reference from the catalogue.
 */
import { catalogueEntry, type CheckCode } from './catalogue.ts';
import type { SourceText } from './source-text.ts';
import type { CheckFinding, CheckRange, CheckSeverity } from './types.ts';

/** Where a finding is: a span of a body's text, or bytes of the raw message. */
export type FindingPlace =
  { source: SourceText; start: number; end: number } | { range: CheckRange } | undefined;

/** Extra fields a finding may carry. */
export type FindingExtra = Pick<CheckFinding, 'clients' | 'reference' | 'rule' | 'points'>;

/**
 * At most this many findings of one code are listed (and marked); a long message with the same
 * problem everywhere gets one more finding saying how many were left out.
 */
export const MAX_FINDINGS_PER_CODE = 30;

/** A list of findings being collected. */
export class FindingList {
  readonly findings: CheckFinding[] = [];
  readonly #counts = new Map<string, number>();

  /** Add a finding. */
  add(
    code: CheckCode,
    severity: CheckSeverity,
    message: string,
    place?: FindingPlace,
    extra: FindingExtra = {},
  ): void {
    const count = (this.#counts.get(code) ?? 0) + 1;
    this.#counts.set(code, count);
    // Spam rules each fire once; every other code is capped.
    if (count > MAX_FINDINGS_PER_CODE && code !== 'spam-rule') return;
    const finding: CheckFinding = { code, severity, message };
    if (place && 'source' in place) {
      const { source, start, end } = place;
      const { line, column } = source.lineColumn(start);
      finding.part = source.part;
      finding.line = line;
      finding.column = column;
      const stop = source.lineColumn(Math.max(start, end));
      finding.endLine = stop.line;
      finding.endColumn = stop.column;
      const range = source.rawRange(start, end);
      if (range) finding.range = range;
    } else if (place) {
      finding.range = place.range;
    }
    const reference = extra.reference ?? catalogueEntry(code)?.reference;
    if (reference) finding.reference = reference;
    if (extra.clients) finding.clients = extra.clients;
    if (extra.rule !== undefined) finding.rule = extra.rule;
    if (extra.points !== undefined) finding.points = extra.points;
    this.findings.push(finding);
  }

  /** Add, for each capped code, a finding saying how many more there were. */
  summariseOverflow(): void {
    for (const [code, count] of this.#counts) {
      if (count <= MAX_FINDINGS_PER_CODE || code === 'spam-rule') continue;
      const first = this.findings.find((f) => f.code === code)!;
      const more = count - MAX_FINDINGS_PER_CODE;
      const summary: CheckFinding = { code, severity: first.severity, message: `${more} more findings like this are not listed; fix the ones above and check again.` }; // prettier-ignore
      if (first.reference) summary.reference = first.reference;
      this.findings.push(summary);
    }
  }
}
