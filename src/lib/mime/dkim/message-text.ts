/**
 * A message as DKIM sees it: CRLF line ends, its header fields as raw text in order (each ending
 * in CRLF), and its body. Read with the engine's header-block reader.
 */
import { binaryStringToBytes, bytesToBinaryString } from '../bytes.ts';
import { readHeaderBlock } from '../header-block.ts';
import { DiagnosticLog } from '../inspect-diagnostics.ts';
import { normaliseLineEnds } from './canonicalize.ts';

/** One header field: its name and its raw text (name, colon, value, folding, final CRLF). */
export interface DkimField {
  name: string;
  text: string;
}

/** A message split for DKIM. */
export interface DkimMessage {
  fields: DkimField[];
  /** Body text, one character per byte. */
  body: string;
}

/** Split raw message bytes into header fields and body, with CRLF line ends. */
export function readDkimMessage(raw: Uint8Array): DkimMessage {
  const text = normaliseLineEnds(bytesToBinaryString(raw));
  const bytes = binaryStringToBytes(text);
  const block = readHeaderBlock(bytes, 0, bytes.length, new DiagnosticLog());
  const fields = block.fields.map((field) => {
    let fieldText = text.slice(field.start, field.end);
    if (!fieldText.endsWith('\r\n')) fieldText += '\r\n';
    return { name: field.name, text: fieldText };
  });
  return { fields, body: text.slice(block.bodyStart) };
}

/**
 * The fields named by `h=`, in order; for a name listed more than once, instances are taken
 * from the bottom up, and a name with no instance left contributes nothing (RFC 6376 §5.4.2).
 */
export function selectSignedFields(
  fields: readonly DkimField[],
  names: readonly string[],
): DkimField[] {
  const used = new Set<number>();
  const out: DkimField[] = [];
  for (const name of names) {
    const lower = name.trim().toLowerCase();
    for (let i = fields.length - 1; i >= 0; i--) {
      if (!used.has(i) && fields[i]!.name.toLowerCase() === lower) {
        used.add(i);
        out.push(fields[i]!);
        break;
      }
    }
  }
  return out;
}
