/**
 * The structural scan: finds every part of a message in its raw bytes (RFC 2046 §5.1 multipart
 * boundaries, nested `message/rfc822`, preambles and epilogues) without decoding any body, so a
 * 25 MB message is mapped in one pass of byte searches. Every part gets `start`, `bodyStart` and
 * `end` offsets into the input, whatever its line ends (CRLF, LF or bare CR).
 */
import { bomLength, bytesToBinaryString, CR, HYPHEN, LF, SPACE, TAB } from './bytes.ts';
import {
  CANDIDATE_TEXT,
  type BoundaryRegion,
  type CandidateLines,
  findCandidateLines,
  firstLineAtOrAfter,
  linesForBoundary,
  linesLikeBoundaries,
} from './delimiter-lines.ts';
import { type ContentFields, readContentFields } from './content-fields.ts';
import type { DecodeIssue } from './decode-issue.ts';
import { type RawHeaderField, readHeaderBlock } from './header-block.ts';
import type { DiagnosticLog } from './inspect-diagnostics.ts';
import { MAX_NESTING_DEPTH, MAX_PARTS } from './limits.ts';
import type { ByteRange } from './types.ts';

/** One part found by the scan. */
export interface ScannedPart {
  /** Offset of the part's first header byte. */
  start: number;
  /** Offset where its body begins. */
  bodyStart: number;
  /** Offset just past its last byte (the line break before the next delimiter excluded). */
  end: number;
  depth: number;
  headers: RawHeaderField[];
  fields: ContentFields;
  children: ScannedPart[];
  /** Text before a multipart's first delimiter, when there is any. */
  preamble?: ByteRange;
  /** Text after a multipart's close delimiter, when there is any. */
  epilogue?: ByteRange;
}

interface ScanContext {
  raw: Uint8Array;
  log: DiagnosticLog;
  parts: number;
  /** Lines that could be delimiters, found once for the whole message when first needed. */
  candidates?: CandidateLines;
  /** Each multipart's delimited region, in document order, for the boundary-in-content pass. */
  regions: BoundaryRegion[];
}

/** Map the structure of a whole message. Never throws; problems go to `log`. */
export function scanStructure(raw: Uint8Array, log: DiagnosticLog, end = raw.length): ScannedPart {
  const context: ScanContext = { raw, log, parts: 0, regions: [] };
  // A UTF-8 byte order mark, left by text editors, is not part of the first header's name.
  const bom = bomLength(raw, end);
  if (bom) {
    log.add(
      'info',
      'byte-order-mark',
      'The message begins with a UTF-8 byte order mark; it is skipped.',
      0,
      3,
    );
  }
  const root = scanPart(context, 0, end, 0, 'text/plain', bom);
  if (context.candidates && context.regions.length > 0) {
    for (const line of linesLikeBoundaries(context.candidates, context.regions)) {
      const at = context.candidates.offsets[line]!;
      let lineEnd = at;
      while (lineEnd < end && raw[lineEnd] !== CR && raw[lineEnd] !== LF) lineEnd++;
      log.add(
        'warning',
        'boundary-in-content',
        'A line begins with the boundary and goes on, so it is read as content; parsers that match the boundary as a prefix would split the part here (RFC 2046 §5.1.1).',
        at,
        lineEnd,
      );
    }
  }
  return root;
}

function scanPart(
  context: ScanContext,
  start: number,
  end: number,
  depth: number,
  defaultType: string,
  skip = 0,
): ScannedPart {
  const { raw, log } = context;
  context.parts++;
  const block = readHeaderBlock(raw, start + skip, end, log);
  const issues: DecodeIssue[] = [];
  const fields = readContentFields(block.fields, defaultType, issues);
  for (const issue of issues) {
    if (issue.code === 'parameter-too-long') {
      log.add('warning', 'parameter-too-long', issue.message, start, block.bodyStart);
    }
  }
  const part: ScannedPart = {
    start,
    bodyStart: block.bodyStart,
    end,
    depth,
    headers: block.fields,
    fields,
    children: [],
  };
  const type = fields.contentType;
  const composite = type.startsWith('multipart/') || isEnclosedMessage(type);
  if (!composite) return part;
  const encoding = fields.transferEncoding;
  if (encoding && encoding !== '7bit' && encoding !== '8bit' && encoding !== 'binary') {
    // Quoted-printable leaves the text readable, so its parts are still found, as Python's
    // `email` does; base64 hides them (the decoded bytes have no offsets in the input).
    const readable = encoding === 'quoted-printable';
    log.add(
      'warning',
      'encoding-on-composite',
      `A ${type} part may not be ${encoding}-encoded (RFC 2045 §6.4); ${readable ? 'its parts are read from the encoded text' : 'its content is not read as parts'}.`,
      start,
      block.bodyStart,
    );
    if (!readable) return part;
  }
  if (depth >= MAX_NESTING_DEPTH) {
    log.add(
      'error',
      'nesting-too-deep',
      `Parts are nested more than ${MAX_NESTING_DEPTH} levels deep; deeper parts are not read.`,
      start,
      end,
    );
    return part;
  }
  if (type.startsWith('multipart/')) {
    scanMultipart(context, part, type === 'multipart/digest' ? 'message/rfc822' : 'text/plain');
  } else if (context.parts < MAX_PARTS) {
    part.children.push(scanPart(context, part.bodyStart, end, depth + 1, 'text/plain'));
  }
  return part;
}

/** `message/rfc822` and `message/global` (RFC 6532 §3.7) enclose a whole message. */
function isEnclosedMessage(type: string): boolean {
  return type === 'message/rfc822' || type === 'message/global';
}

function scanMultipart(context: ScanContext, part: ScannedPart, childType: string): void {
  const { raw, log } = context;
  const boundary = part.fields.params.boundary;
  if (!boundary) {
    log.add(
      'error',
      'multipart-no-boundary',
      `The ${part.fields.contentType} part has no boundary parameter, so its parts cannot be found (RFC 2046 §5.1.1).`,
      part.start,
      part.bodyStart,
    );
    return;
  }
  const delimiter = delimiterBytes(boundary);
  context.candidates ??= findCandidateLines(raw, raw.length);
  // Compared as the bytes the delimiter is searched as.
  const text = bytesToBinaryString(delimiter, 2);
  // A boundary too long for the kept line texts (far past RFC 2046's 70 characters) is searched
  // for line by line instead.
  const own =
    text.length > CANDIDATE_TEXT - 4 ? undefined : linesForBoundary(context.candidates, text);
  const region: BoundaryRegion = { boundary: text, start: part.bodyStart, end: part.end };
  if (own) context.regions.push(region);
  const lines = { ...context.candidates, boundary: text, own };
  let search = part.bodyStart;
  let childStart = -1;
  let closed = false;
  for (;;) {
    const found = findDelimiter(raw, search, part.end, part.bodyStart, delimiter, lines, log);
    if (!found) break;
    if (childStart < 0) {
      if (found.breakStart > part.bodyStart) {
        part.preamble = { start: part.bodyStart, end: found.breakStart };
      }
    } else if (context.parts >= MAX_PARTS) {
      log.add(
        'error',
        'too-many-parts',
        `The message has more than ${MAX_PARTS} parts; the rest are not read.`,
        childStart,
        part.end,
      );
      return;
    } else if (found.lineStart === childStart) {
      // RFC 2046 §5.1.1: a delimiter begins with the line break before it, so a delimiter line
      // right after another encloses no part at all (Python's `email` reads it so too).
      log.add(
        'info',
        'multipart-empty-delimiter',
        'Two delimiter lines follow each other with nothing between them; no part is there.',
        found.lineStart,
        found.next,
      );
    } else {
      const childEnd = Math.max(childStart, found.breakStart);
      part.children.push(scanPart(context, childStart, childEnd, part.depth + 1, childType));
    }
    childStart = found.next;
    search = found.next;
    if (found.close) {
      closed = true;
      if (found.next < part.end) part.epilogue = { start: found.next, end: part.end };
      region.end = found.next;
      break;
    }
  }
  if (childStart < 0) {
    if (part.end > part.bodyStart) part.preamble = { start: part.bodyStart, end: part.end };
    log.add(
      'error',
      'multipart-no-parts',
      `No line of the ${part.fields.contentType} part is its boundary "--${boundary}", so it has no parts (RFC 2046 §5.1.1).`,
      part.bodyStart,
      part.end,
    );
    return;
  }
  if (!closed) {
    log.add(
      'warning',
      'multipart-unterminated',
      `The ${part.fields.contentType} part has no close delimiter "--${boundary}--"; its last part runs to the end (RFC 2046 §5.1.1).`,
      childStart,
      part.end,
    );
    if (context.parts < MAX_PARTS) {
      part.children.push(scanPart(context, childStart, part.end, part.depth + 1, childType));
    }
  }
  if (part.children.length === 0) {
    log.add(
      'warning',
      'multipart-no-parts',
      `The ${part.fields.contentType} part closes before its first part (RFC 2046 §5.1.1 requires one).`,
      part.bodyStart,
      part.end,
    );
  }
}

function delimiterBytes(boundary: string): Uint8Array {
  const bytes = new Uint8Array(boundary.length + 2);
  bytes[0] = HYPHEN;
  bytes[1] = HYPHEN;
  for (let i = 0; i < boundary.length; i++) bytes[i + 2] = boundary.charCodeAt(i) & 0xff;
  return bytes;
}

function bytesMatch(raw: Uint8Array, at: number, expected: Uint8Array): boolean {
  for (let k = 0; k < expected.length; k++) if (raw[at + k] !== expected[k]) return false;
  return true;
}

interface DelimiterLine {
  /** Where the delimiter line itself begins. */
  lineStart: number;
  /** Where the line break attached to the delimiter begins (RFC 2046 §5.1.1). */
  breakStart: number;
  /** Where the line after the delimiter line begins. */
  next: number;
  close: boolean;
}

/**
 * The next delimiter line at or after `from`: `--boundary`, then white space to the line end; or
 * the close delimiter `--boundary--`, after which the rest of its line is ignored (RFC 2046
 * §5.1.1 asks only that the boundary begin the line). A line that begins with the boundary and
 * goes on with other text is content: real mail nests boundaries that extend their parent's
 * (`b` and `b-1`); it is reported, since parsers that match prefixes would split there.
 */
function findDelimiter(
  raw: Uint8Array,
  from: number,
  end: number,
  regionStart: number,
  delimiter: Uint8Array,
  lines: CandidateLines & { boundary: string; own: readonly number[] | undefined },
  log: DiagnosticLog,
): DelimiterLine | undefined {
  // Only the lines indexed under the boundary, or, for a boundary too long for the index, every
  // candidate line.
  const { own } = lines;
  const all = own === undefined;
  const count = all ? lines.offsets.length : own.length;
  let index = firstLineAtOrAfter(lines, own, from);
  for (;;) {
    let i: number;
    /** The line's text after `--` when it is known whole, to find its end without a scan. */
    let text: string | undefined;
    const line = index < count ? (all ? index : own[index]!) : -1;
    // The region's first byte counts as a line start even when it follows no line break.
    if (from === regionStart && (line < 0 || lines.offsets[line] !== from)) {
      i = from;
      from = -1;
    } else {
      if (line < 0) return undefined;
      index++;
      i = lines.offsets[line]!;
      text = lines.texts[line]!;
      if (text.length >= CANDIDATE_TEXT) text = undefined;
      else if (!text.startsWith(lines.boundary)) continue;
    }
    if (i + delimiter.length > end) return undefined;
    if (text === undefined && !bytesMatch(raw, i, delimiter)) continue;
    let j = i + delimiter.length;
    const close = j + 1 < end && raw[j] === HYPHEN && raw[j + 1] === HYPHEN;
    if (close) j += 2;
    while (j < end && (raw[j] === SPACE || raw[j] === TAB)) j++;
    if (j < end && raw[j] !== CR && raw[j] !== LF) {
      if (!close && !all) continue; // reported once per line, after the scan
      if (!close) {
        let lineEnd = text === undefined ? j : Math.min(end, i + 2 + text.length);
        while (lineEnd < end && raw[lineEnd] !== CR && raw[lineEnd] !== LF) lineEnd++;
        log.add(
          'warning',
          'boundary-in-content',
          'A line begins with the boundary and goes on, so it is read as content; parsers that match the boundary as a prefix would split the part here (RFC 2046 §5.1.1).',
          i,
          lineEnd,
        );
        continue;
      }
      log.add(
        'info',
        'boundary-in-content',
        'Text follows the close delimiter on its line; it is ignored, though strict parsers would not see the close delimiter at all.',
        i,
        j,
      );
      while (j < end && raw[j] !== CR && raw[j] !== LF) j++;
    }
    let next = j;
    if (next < end && raw[next] === CR) next++;
    if (next < end && raw[next] === LF && (next === j || raw[j] === CR)) next++;
    let breakStart = i;
    if (i > regionStart) {
      breakStart = raw[i - 1] === LF && i - 2 >= regionStart && raw[i - 2] === CR ? i - 2 : i - 1;
    }
    return { lineStart: i, breakStart, next: Math.min(next, end), close };
  }
}
