/**
 * The top-level header section of a raw message: read as SES reads it for a send (From, the
 * recipients, `X-SES-*` headers, duplicates) and rewritten as SES rewrites it (Message-ID and
 * Date replaced, `X-SES-*` removed, `Feedback-ID` and `X-SES-Outgoing` added). Only the header
 * section is touched; the MIME structure below it is `inspectMessage`'s business.
 */
import { binaryStringToBytes, bytesToBinaryString, concatBytes } from '../mime/bytes.ts';
import type { HeaderField } from '../mime/types.ts';

/** A header field of the section with its byte range (folded lines included). */
export interface LocatedHeader extends HeaderField {
  start: number;
  end: number;
}

/** The header section of a message. */
export interface HeaderSection {
  headers: LocatedHeader[];
  /** Offset of the blank line that ends the section (message length when there is none). */
  end: number;
  /** Offset of the body (after the blank line). */
  bodyStart: number;
  /** Lines in the section that are not `name: value` nor a continuation. */
  malformedLines: number;
}

/** Read the header section of a message (CRLF or bare LF line ends). */
export function readHeaderSection(raw: Uint8Array): HeaderSection {
  const text = bytesToBinaryString(raw, 0, Math.min(raw.length, findSectionEnd(raw) + 4));
  const headers: LocatedHeader[] = [];
  let malformedLines = 0;
  let offset = 0;
  let end = raw.length;
  let bodyStart = raw.length;
  while (offset < text.length) {
    let lineEnd = text.indexOf('\n', offset);
    const next = lineEnd < 0 ? text.length : lineEnd + 1;
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(offset, lineEnd).replace(/\r$/, '');
    if (line.length === 0) {
      end = offset;
      bodyStart = next;
      break;
    }
    const last = headers[headers.length - 1];
    if ((line.startsWith(' ') || line.startsWith('\t')) && last) {
      last.value += line;
      last.end = next;
    } else {
      const colon = line.indexOf(':');
      if (colon < 0) {
        malformedLines++;
      } else {
        headers.push({
          name: line.slice(0, colon).trim(),
          value: line.slice(colon + 1).trim(),
          start: offset,
          end: next,
        });
      }
    }
    offset = next;
  }
  for (const header of headers) header.value = header.value.replace(/\s+$/, '');
  return { headers, end, bodyStart, malformedLines };
}

function findSectionEnd(raw: Uint8Array): number {
  for (let i = 0; i + 1 < raw.length; i++) {
    if (raw[i] === 0x0a && (raw[i + 1] === 0x0a || (raw[i + 1] === 0x0d && raw[i + 2] === 0x0a))) {
      return i + 1;
    }
  }
  return raw.length;
}

/** The value of the first header with a name (case-insensitive). */
export function headerValue(headers: readonly HeaderField[], name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find((h) => h.name.toLowerCase() === lower)?.value;
}

/** How to rewrite a header section. */
export interface HeaderRewrite {
  /** Header names to remove, every occurrence (case-insensitive). */
  remove?: readonly string[];
  /** Headers whose first occurrence gets a new value (added at the top when absent); others go. */
  replace?: readonly HeaderField[];
  /** Headers to add at the very top, in this order. */
  prepend?: readonly HeaderField[];
}

/** The message with its header section rewritten; the body bytes are kept as they are. */
export function rewriteHeaderSection(raw: Uint8Array, rewrite: HeaderRewrite): Uint8Array {
  const section = readHeaderSection(raw);
  const remove = new Set((rewrite.remove ?? []).map((n) => n.toLowerCase()));
  const replace = new Map((rewrite.replace ?? []).map((h) => [h.name.toLowerCase(), h]));
  const replaced = new Set<string>();
  const parts: Uint8Array[] = [];
  const top: string[] = (rewrite.prepend ?? []).map((h) => `${h.name}: ${h.value}\r\n`);
  for (const [key, header] of replace) {
    if (!section.headers.some((h) => h.name.toLowerCase() === key)) {
      top.push(`${header.name}: ${header.value}\r\n`);
    }
  }
  parts.push(binaryStringToBytes(top.join('')));
  let cursor = 0;
  for (const header of section.headers) {
    const key = header.name.toLowerCase();
    const replacement = replace.get(key);
    if (remove.has(key) || replacement) {
      parts.push(raw.subarray(cursor, header.start));
      if (replacement && !replaced.has(key)) {
        parts.push(binaryStringToBytes(`${header.name}: ${replacement.value}\r\n`));
        replaced.add(key);
      }
      cursor = header.end;
    }
  }
  parts.push(raw.subarray(cursor));
  return concatBytes(parts);
}
