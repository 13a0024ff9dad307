/**
 * DKIM canonicalization (RFC 6376 §3.4) over "binary strings" (one character per byte), so the
 * bytes signed are exactly the bytes sent. Line ends are CRLF; `normaliseLineEnds` turns the bare
 * LF or CR of a message kept on disk into CRLF first, as a mail server would on the wire.
 */

/** `simple` keeps the bytes; `relaxed` tolerates the rewrapping and case changes of relays. */
export type Canonicalization = 'simple' | 'relaxed';

/** Turn bare CR and bare LF line ends into CRLF. */
export function normaliseLineEnds(text: string): string {
  return text.replace(/\r\n|\r|\n/g, '\r\n');
}

/** One header field, as raw text ending in CRLF, canonicalized (RFC 6376 §3.4.1, §3.4.2). */
export function canonicalizeHeader(field: string, method: Canonicalization): string {
  if (method === 'simple') return field;
  const colon = field.indexOf(':');
  const name = field
    .slice(0, colon)
    .replace(/[ \t]+$/, '')
    .toLowerCase();
  const value = field
    .slice(colon + 1)
    .replace(/\r\n(?=[ \t])/g, '')
    .replace(/\r\n$/, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/^ | $/g, '');
  return `${name}:${value}\r\n`;
}

/** A message body canonicalized (RFC 6376 §3.4.3, §3.4.4). */
export function canonicalizeBody(body: string, method: Canonicalization): string {
  let text = body;
  if (text !== '' && !text.endsWith('\r\n')) text += '\r\n';
  if (method === 'relaxed') text = text.replace(/[ \t]+\r\n/g, '\r\n').replace(/[ \t]+/g, ' ');
  // Empty lines at the end are ignored.
  text = text.replace(/(\r\n)+$/, '\r\n');
  if (method === 'relaxed') return text === '\r\n' ? '' : text;
  return text === '' ? '\r\n' : text;
}
