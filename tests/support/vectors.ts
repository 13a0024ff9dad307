/**
 * Reading the `_extracted/*.vectors.json` files of the corpus: records of a call, its arguments
 * and the expected result, with byte arrays and Python strings written as tagged objects.
 */
import { readFileSync } from 'node:fs';
import { corpusPath, hasCorpus } from './corpus.ts';

/** One extracted assertion. */
export interface VectorRecord {
  test: string;
  expr: string;
  args: unknown[];
  assertion: string;
  expected?: unknown;
}

/** The `records` member of a vectors file as it is, or undefined when the corpus is absent. */
export function readRecords<T>(...parts: string[]): T | undefined {
  if (!hasCorpus) return undefined;
  return (JSON.parse(readFileSync(corpusPath(...parts), 'utf8')) as { records: T }).records;
}

/** The records of a vectors file, or none when the corpus is absent. */
export function readVectors<T = VectorRecord>(...parts: string[]): T[] {
  return readRecords<T[]>(...parts) ?? [];
}

/** Turn a tagged value back into what it stands for: bytes, a string, or itself. */
export function untag(value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const tagged = value as Record<string, unknown>;
    if (typeof tagged.$bytes_utf8 === 'string') return new TextEncoder().encode(tagged.$bytes_utf8);
    if (typeof tagged.$bytes_ascii === 'string') {
      return Uint8Array.from(tagged.$bytes_ascii, (c) => c.charCodeAt(0));
    }
    if (typeof tagged.$bytes_hex === 'string') {
      return Uint8Array.from(tagged.$bytes_hex.match(/../g) ?? [], (h) => parseInt(h, 16));
    }
    if (Array.isArray(tagged.$str_codepoints)) {
      return String.fromCodePoint(...(tagged.$str_codepoints as number[]));
    }
  }
  return value;
}

/** Whether a tagged value is a Python str holding surrogate escapes (raw bytes in a str). */
export function isSurrogateEscaped(value: unknown): boolean {
  return Boolean(value && typeof value === 'object' && '$str_codepoints' in (value as object));
}

/** A byte array as text, one character per byte. */
export function latin1(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}
