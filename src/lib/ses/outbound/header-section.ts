/**
 * The top-level header section of a raw message as the SES simulator reads it for a send (From,
 * the recipients, `X-SES-*` headers, duplicates) and rewrites it (Message-ID and Date replaced,
 * `X-SES-*` removed, `Feedback-ID` and `X-SES-Outgoing` added).
 *
 * The bytes are read by the engine's one header reader, `readHeaderBlock`, exactly as
 * `inspectMessage` reads them: CRLF, LF and bare CR line ends, folded lines, 8-bit bytes as UTF-8
 * or Windows-1252, and a line that is not a header field ending the section. On top of that the
 * simulator keeps what SES needs: values without the white space around them, and the line that
 * is not a field, which SES refuses (see `strayHeaderName`).
 */
import {
  CR,
  DiagnosticLog,
  LF,
  SPACE,
  TAB,
  concatBytes,
  decodeHeaderBytes,
  hasHeader,
  lineEndAt,
  readHeaderBlock,
  utf8Encode,
  type ByteRange,
  type HeaderField,
} from '../../mime/index.ts';

/** A header field of the section with its byte range (folded lines included). */
export interface LocatedHeader extends HeaderField {
  /** Offset of the first byte of the field name. */
  start: number;
  /** Offset just past the colon. */
  valueStart: number;
  /** Offset just past the field's last line break. */
  end: number;
}

/** The header section of a message. */
export interface HeaderSection {
  /**
   * The fields in order, duplicates kept. Values are unfolded, 8-bit bytes read as UTF-8 or
   * Windows-1252, and the spaces and tabs around them dropped, so that
   * `X-SES-CONFIGURATION-SET:  Set1 ` names the set `Set1`.
   */
  headers: LocatedHeader[];
  /**
   * Where fields may begin: 0, or past folded lines at the very top that continue no field (both
   * readers ignore them). Fields added at the top of the section go here, so that such a line
   * is not read as a continuation of the first added field.
   */
  fieldsStart: number;
  /** Offset of the body: after the blank line, or where the section stopped. */
  bodyStart: number;
  /** Whether a field holds bytes over 0x7F. */
  eightBit: boolean;
  /**
   * The first line of the section that is not a header field, when there is one: a line with no
   * colon or with characters a field name may not have (RFC 5322 §3.6.8), where the section ends
   * and the body begins, or an mbox `From ` line, which is skipped.
   */
  strayLine?: ByteRange;
  /** Whether the section is over the engine's `MAX_HEADER_BLOCK_BYTES`; the rest is body. */
  tooLong: boolean;
}

/** Diagnostics of `readHeaderBlock` that name a line in the section that is not a field. */
const STRAY_LINE_CODES = new Set(['header-missing-separator', 'mbox-from-line']);

/** Spaces and tabs at either end of a value (RFC 5322 §2.2.3 WSP). */
const SURROUNDING_WSP = /^[ \t]+|[ \t]+$/g;

/** Read the top-level header section of a message with the engine's header reader. */
export function readHeaderSection(raw: Uint8Array): HeaderSection {
  const log = new DiagnosticLog();
  const block = readHeaderBlock(raw, 0, raw.length, log);
  const section: HeaderSection = {
    headers: block.fields.map((field) => ({
      name: field.name,
      value: field.value.replace(SURROUNDING_WSP, ''),
      start: field.start,
      valueStart: field.valueStart,
      end: field.end,
    })),
    fieldsStart: 0,
    bodyStart: block.bodyStart,
    eightBit: block.eightBit,
    tooLong: log.count('header-too-large') > 0,
  };
  // The reader ignores folded lines before the first field; they end where a line does not
  // begin with white space (such a line is never blank).
  while (
    section.fieldsStart < block.bodyStart &&
    (raw[section.fieldsStart] === SPACE || raw[section.fieldsStart] === TAB)
  ) {
    section.fieldsStart = lineEndAt(raw, section.fieldsStart, raw.length)[1];
  }
  for (const diagnostic of log.toArray()) {
    if (!STRAY_LINE_CODES.has(diagnostic.code) || diagnostic.from === undefined) continue;
    if (section.strayLine === undefined || diagnostic.from < section.strayLine.start) {
      section.strayLine = { start: diagnostic.from, end: diagnostic.to ?? diagnostic.from };
    }
  }
  return section;
}

/**
 * The header name SES reads from a line that is not a header field: the text before its first
 * colon, or the whole line when it has none, without the white space around it. SES reads every
 * line up to the blank line as a field named so, and refuses a name it cannot take; e.g. an HTML
 * body with no blank line before it gave `Illegal header '<!DOCTYPE html PUBLIC "-//W3C//DTD
 * XHTML 1.0 Transitional//EN" "http'.` (observed, jmhobbs/Swiftmailer-Transport--AWS-SES#13).
 */
export function strayHeaderName(raw: Uint8Array, line: ByteRange): string {
  const { text } = decodeHeaderBytes(raw.subarray(line.start, line.end));
  const colon = text.indexOf(':');
  return (colon < 0 ? text : text.slice(0, colon)).replace(SURROUNDING_WSP, '');
}

/** How to rewrite a header section. */
export interface HeaderRewrite {
  /** Header names to remove, every occurrence (case-insensitive). */
  remove?: readonly string[];
  /** Headers whose first occurrence gets a new value (added at the top when absent); others go. */
  replace?: readonly HeaderField[];
  /** Headers to add at the top, before the section's first field, in this order. */
  prepend?: readonly HeaderField[];
}

/** A lone CR, written where a cut would otherwise join a bare-CR line end to a bare-LF line. */
const LONE_CR = new Uint8Array([CR]);
const CRLF_BYTES = new Uint8Array([CR, LF]);

/**
 * The message with its header section rewritten. Every byte of a field left alone, of a line
 * that is not a field, of the blank line and of the body is kept as it was; new fields are
 * written as UTF-8 lines ending in CRLF. When removing fields would put a field ending in a bare
 * CR right before a blank line written as a bare LF, the two would read as one CRLF and the
 * blank line would be lost, so a CR is written between them (the blank line becomes CRLF).
 */
export function rewriteHeaderSection(raw: Uint8Array, rewrite: HeaderRewrite): Uint8Array {
  const section = readHeaderSection(raw);
  const remove = new Set((rewrite.remove ?? []).map((n) => n.toLowerCase()));
  const replace = new Map((rewrite.replace ?? []).map((h) => [h.name.toLowerCase(), h]));
  const replaced = new Set<string>();
  const line = (name: string, value: string) => utf8Encode(`${name}: ${value}\r\n`);
  const parts: Uint8Array[] = [raw.subarray(0, section.fieldsStart)];
  const added: Uint8Array[] = [];
  for (const header of rewrite.prepend ?? []) added.push(line(header.name, header.value));
  for (const [key, header] of replace) {
    if (!hasHeader(section.headers, key)) added.push(line(header.name, header.value));
  }
  // A folded line at the very top that the message ends without a line end: an added field
  // written straight after it would be read as part of it.
  const before = raw[section.fieldsStart - 1];
  if (added.length > 0 && before !== undefined && before !== LF && before !== CR) {
    parts.push(CRLF_BYTES);
  }
  parts.push(...added);
  let cursor = section.fieldsStart;
  let lastByte: number | undefined = parts.length > 1 ? LF : raw[cursor - 1];
  const keep = (from: number, to: number) => {
    if (from >= to) return;
    if (lastByte === CR && raw[from] === LF) parts.push(LONE_CR);
    parts.push(raw.subarray(from, to));
    lastByte = raw[to - 1];
  };
  for (const header of section.headers) {
    const key = header.name.toLowerCase();
    const replacement = replace.get(key);
    if (!remove.has(key) && !replacement) continue;
    keep(cursor, header.start);
    if (replacement && !replaced.has(key)) {
      parts.push(line(header.name, replacement.value));
      replaced.add(key);
      lastByte = LF;
    }
    cursor = header.end;
  }
  keep(cursor, raw.length);
  return concatBytes(parts);
}
