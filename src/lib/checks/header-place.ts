/**
 * Where a header field is in the raw message, for findings about headers: the bytes of its
 * first occurrence (folded lines included), or of the whole header section when it is absent.
 */
import type { CheckedMessage } from './message.ts';
import type { FindingPlace } from './findings.ts';

/** The bytes of header `name`'s first field, or of the header section when there is none. */
export function headerPlace(message: CheckedMessage, name: string): FindingPlace {
  const end = message.inspection.tree.bodyStart;
  const raw = message.raw;
  const wanted = name.toLowerCase();
  let lineStart = 0;
  while (lineStart < end) {
    let lineEnd = raw.indexOf(0x0a, lineStart);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    let matches = raw[lineStart + wanted.length] === 0x3a; // ':'
    for (let i = 0; matches && i < wanted.length; i++) {
      const byte = raw[lineStart + i]!;
      matches = String.fromCharCode(byte | 0x20) === wanted[i] || byte === wanted.charCodeAt(i);
    }
    if (matches) {
      // Continuation lines begin with white space (RFC 5322 §2.2.3).
      let fieldEnd = lineEnd;
      while (fieldEnd + 1 < end && (raw[fieldEnd + 1] === 0x20 || raw[fieldEnd + 1] === 0x09)) {
        const next = raw.indexOf(0x0a, fieldEnd + 1);
        fieldEnd = next < 0 || next > end ? end : next;
      }
      return { range: { start: lineStart, end: Math.min(fieldEnd + 1, end) } };
    }
    lineStart = lineEnd + 1;
  }
  return { range: { start: 0, end } };
}
