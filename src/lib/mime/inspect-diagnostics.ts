/**
 * The diagnostics `inspectMessage` reports, with their stable codes, and a small log that
 * collects them while a message is read without flooding the result: past
 * `MAX_DIAGNOSTICS_PER_CODE` findings of one code, further ones are only counted.
 */
import { MAX_DIAGNOSTICS_PER_CODE } from './limits.ts';
import type { Diagnostic } from './types.ts';

/** Every code `inspectMessage` can report. Codes are stable; tests and the UI rely on them. */
export type InspectDiagnosticCode =
  | 'bare-lf'
  | 'bare-cr'
  | 'line-too-long'
  | 'header-8bit'
  | 'body-8bit-in-7bit'
  | 'nul-byte'
  | 'byte-order-mark'
  | 'encoded-word-malformed'
  | 'encoded-word-too-long'
  | 'missing-date'
  | 'missing-from'
  | 'missing-message-id'
  | 'duplicate-header'
  | 'header-missing-separator'
  | 'header-continuation-first'
  | 'header-name-invalid'
  | 'mbox-from-line'
  | 'multipart-no-boundary'
  | 'multipart-no-parts'
  | 'multipart-unterminated'
  | 'multipart-empty-delimiter'
  | 'boundary-in-content'
  | 'unknown-transfer-encoding'
  | 'body-encoding-malformed'
  | 'encoding-on-composite'
  | 'cid-unresolved'
  | 'charset-unsupported'
  | 'nesting-too-deep'
  | 'header-too-large'
  | 'message-too-large'
  | 'too-many-parts'
  | 'address-field-too-long'
  | 'parameter-too-long';

/** Collects diagnostics in the order they are found, capping each code. */
export class DiagnosticLog {
  readonly #list: Diagnostic[] = [];
  readonly #counts = new Map<string, number>();

  /** Record one finding; past the per-code cap it is only counted. */
  add(
    severity: Diagnostic['severity'],
    code: InspectDiagnosticCode,
    message: string,
    from?: number,
    to?: number,
  ): void {
    const count = (this.#counts.get(code) ?? 0) + 1;
    this.#counts.set(code, count);
    if (count > MAX_DIAGNOSTICS_PER_CODE) return;
    const diagnostic: Diagnostic = { severity, code, message };
    if (from !== undefined) diagnostic.from = from;
    if (to !== undefined) diagnostic.to = to;
    this.#list.push(diagnostic);
  }

  /** How many findings of a code were recorded, the capped ones included. */
  count(code: InspectDiagnosticCode): number {
    return this.#counts.get(code) ?? 0;
  }

  /** The findings, with one closing note per code whose findings were capped. */
  toArray(): Diagnostic[] {
    const out = [...this.#list];
    for (const [code, count] of this.#counts) {
      if (count > MAX_DIAGNOSTICS_PER_CODE) {
        out.push({
          severity: 'info',
          code,
          message: `${count - MAX_DIAGNOSTICS_PER_CODE} more findings of this kind are not listed.`,
        });
      }
    }
    return out;
  }
}
