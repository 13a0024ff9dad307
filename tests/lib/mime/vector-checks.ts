/**
 * Checks shared by the transfer-encoding suites for the corpus's extracted decoder vectors. Kept
 * out of the test files so that importing it does not register another file's tests twice.
 */
import { expect } from 'vitest';
import { untag, type VectorRecord } from '../../support/vectors.ts';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/**
 * postal-mime's decoder vectors are whole single-part messages; the body after the blank line is
 * decoded here and compared the way the original assertion does.
 */
export function checkSinglePartText(
  record: VectorRecord,
  decode: (body: string) => Uint8Array,
): void {
  const raw = text(untag(record.args[0]) as Uint8Array);
  const split = /\r?\n\r?\n/.exec(raw);
  const body = split ? raw.slice(split.index + split[0].length) : '';
  const charset = /charset="?([^";\s]+)/i.exec(raw)?.[1] ?? 'utf-8';
  const decoded = new TextDecoder(charset).decode(decode(body));
  if (record.expr.endsWith('.text.trim()')) expect(decoded.trim()).toBe(record.expected);
  else if (record.expr.endsWith('.text.includes($1)')) expect(decoded).toContain(record.args[1]);
  else if (record.expr.endsWith('.text')) expect(decoded).toBe(record.expected);
  else throw new Error(`unexpected vector ${record.expr}`);
}
