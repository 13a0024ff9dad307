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

/** A list of findings being collected. */
export class FindingList {
  readonly findings: CheckFinding[] = [];

  /** Add a finding. */
  add(
    code: CheckCode,
    severity: CheckSeverity,
    message: string,
    place?: FindingPlace,
    extra: FindingExtra = {},
  ): CheckFinding {
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
    return finding;
  }
}
