/**
 * Writing a planned part tree to bytes, recording where every part lands. Each header line is
 * folded once, every body is already encoded, and the output is assembled in a single buffer.
 */
import { base64LinesLength, encodeBase64LinesInto } from './base64.ts';
import { foldHeader } from './fold.ts';
import type { HeaderField, MimeNode } from './types.ts';

/** A part ready to write: 7-bit header values (unfolded) and an encoded body or children. */
export interface PlannedPart {
  contentType: string;
  headers: HeaderField[];
  /** The encoded body of a leaf part, without a final line break. */
  body?: Uint8Array;
  /**
   * Instead of `body`: bytes that are written as base64 lines, encoded straight into the
   * message (attachments are most of its size, so this saves a copy of them).
   */
  base64Source?: Uint8Array;
  /** The parts of a multipart, with the boundary that separates them. */
  children?: PlannedPart[];
  boundary?: string;
  transferEncoding?: string;
  transferEncodingReason?: string;
  charset?: string;
  filename?: string;
  contentId?: string;
  disposition?: string;
}

const CRLF = '\r\n';

/** ASCII text to bytes without a TextEncoder round trip per header. */
function asciiBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

/** Sources at least this large are encoded once per `EncodedCache` and kept as one segment. */
export const CACHE_FROM_BYTES = 1024 * 1024;

/**
 * The base64 lines of large sources, by source, kept by a caller that builds the same draft again
 * and again (the build worker, on every keystroke beside a 20 MB attachment). Attachment bytes are
 * never changed once attached (a changed file is a new array), so the same array always gives the
 * same lines; an entry goes when its source is dropped.
 */
export type EncodedCache = WeakMap<Uint8Array, Uint8Array>;

/** A chunk of the output: bytes as they are, or bytes to write as base64 lines. */
interface Chunk {
  bytes: Uint8Array;
  base64: boolean;
}

/** Collects a message's bytes in chunks, joined once at the end. */
export class ByteWriter {
  readonly chunks: Chunk[] = [];
  length = 0;

  text(value: string): void {
    this.bytes(asciiBytes(value));
  }

  bytes(value: Uint8Array): void {
    if (value.length === 0) return;
    this.chunks.push({ bytes: value, base64: false });
    this.length += value.length;
  }

  base64(source: Uint8Array): void {
    if (source.length === 0) return;
    this.chunks.push({ bytes: source, base64: true });
    this.length += base64LinesLength(source.length);
  }

  /** The whole output in one buffer; base64 is encoded straight into it unless cached. */
  finish(cache?: EncodedCache): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const { bytes, base64 } of this.chunks) {
      if (!base64) {
        out.set(bytes, at);
        at += bytes.length;
        continue;
      }
      const length = base64LinesLength(bytes.length);
      const cached = cache && bytes.length >= CACHE_FROM_BYTES ? encodedOnce(bytes, cache) : null;
      if (cached) out.set(cached, at);
      else encodeBase64LinesInto(bytes, out.subarray(at, at + length));
      at += length;
    }
    return out;
  }

  /**
   * The output as segments whose concatenation is `finish()`'s buffer: each large source's
   * base64 lines are a segment of their own, the same array build after build (from `cache`),
   * and everything between them is joined into one small segment.
   */
  segments(cache: EncodedCache): Uint8Array[] {
    const segments: Uint8Array[] = [];
    let small: Chunk[] = [];
    let smallLength = 0;
    const flush = () => {
      if (!smallLength) return;
      const writer = new ByteWriter();
      writer.chunks.push(...small);
      writer.length = smallLength;
      segments.push(writer.finish());
      small = [];
      smallLength = 0;
    };
    for (const chunk of this.chunks) {
      if (chunk.base64 && chunk.bytes.length >= CACHE_FROM_BYTES) {
        flush();
        segments.push(encodedOnce(chunk.bytes, cache));
      } else {
        small.push(chunk);
        smallLength += chunk.base64 ? base64LinesLength(chunk.bytes.length) : chunk.bytes.length;
      }
    }
    flush();
    return segments;
  }
}

/** The base64 lines of `source`, encoded on first use and then taken from `cache`. */
function encodedOnce(source: Uint8Array, cache: EncodedCache): Uint8Array {
  let encoded = cache.get(source);
  if (!encoded) {
    encoded = new Uint8Array(base64LinesLength(source.length));
    encodeBase64LinesInto(source, encoded);
    cache.set(source, encoded);
  }
  return encoded;
}

function writePart(part: PlannedPart, writer: ByteWriter): MimeNode {
  const start = writer.length;
  let head = '';
  for (const header of part.headers) head += foldHeader(header.name, header.value) + CRLF;
  writer.text(head + CRLF);
  const bodyStart = writer.length;
  const children: MimeNode[] = [];
  if (part.children) {
    // RFC 2046 §5.1.1: the CRLF before each "--boundary" belongs to the delimiter, so a child
    // ends right before it.
    const delimiter = `--${part.boundary!}`;
    for (const child of part.children) {
      writer.text(delimiter + CRLF);
      children.push(writePart(child, writer));
      writer.text(CRLF);
    }
    writer.text(`${delimiter}--`);
  } else if (part.base64Source) {
    writer.base64(part.base64Source);
  } else if (part.body) {
    writer.bytes(part.body);
  }
  const node: MimeNode = {
    contentType: part.contentType,
    headers: part.headers.map((h) => ({ name: h.name, value: h.value })),
    start,
    bodyStart,
    end: writer.length,
    children,
  };
  if (part.transferEncoding) node.transferEncoding = part.transferEncoding;
  if (part.transferEncodingReason) node.transferEncodingReason = part.transferEncodingReason;
  if (part.charset) node.charset = part.charset;
  if (part.filename !== undefined) node.filename = part.filename;
  if (part.contentId) node.contentId = part.contentId;
  if (part.disposition) node.disposition = part.disposition;
  return node;
}

/** A serialised message before its bytes are joined: see `serializeMessage`. */
export interface SerializedMessage {
  writer: ByteWriter;
  tree: MimeNode;
  /** The message's header block (bytes 0 to `tree.bodyStart`). */
  head: Uint8Array;
}

/**
 * Lay out a part tree (the root's headers include the message headers). The message always ends
 * with CRLF: SMTP (RFC 5321 §4.1.1.4) adds one before the final "." anyway, so it is written
 * here rather than appearing in transit. The root node is the whole message, so it spans that
 * terminator too: `raw.slice(tree.start, tree.end)` is `raw`, as an inspector reading the bytes
 * back finds it.
 */
export function layOutMessage(root: PlannedPart): SerializedMessage {
  const writer = new ByteWriter();
  const tree = writePart(root, writer);
  const last = writer.chunks[writer.chunks.length - 1];
  // Base64 lines never end with a line break.
  const endsWithCrlf =
    last !== undefined &&
    !last.base64 &&
    last.bytes.length >= 2 &&
    last.bytes[last.bytes.length - 2] === 13 &&
    last.bytes[last.bytes.length - 1] === 10;
  if (root.children || !endsWithCrlf) writer.text(CRLF);
  tree.end = writer.length;
  // The root's header block is always the first chunk written.
  return { writer, tree, head: writer.chunks[0]!.bytes };
}

/** Serialise a part tree to one buffer (see `layOutMessage`). */
export function serializeMessage(
  root: PlannedPart,
  cache?: EncodedCache,
): { raw: Uint8Array; tree: MimeNode } {
  const { writer, tree } = layOutMessage(root);
  return { raw: writer.finish(cache), tree };
}

/**
 * The byte range of the first header field called `name` (any case) in the header block that
 * ends at `bodyStart`, folded lines included and the final CRLF excluded; undefined if absent.
 */
export function headerRange(
  raw: Uint8Array,
  bodyStart: number,
  name: string,
): { from: number; to: number } | undefined {
  const wanted = `${name.toLowerCase()}:`;
  let lineStart = 0;
  while (lineStart < bodyStart) {
    let lineEnd = lineStart;
    while (lineEnd < bodyStart && raw[lineEnd] !== 13) lineEnd++;
    let fieldEnd = lineEnd;
    // A field continues while the next line starts with white space (a fold).
    while (fieldEnd + 2 < bodyStart && (raw[fieldEnd + 2] === 32 || raw[fieldEnd + 2] === 9)) {
      fieldEnd += 2;
      while (fieldEnd < bodyStart && raw[fieldEnd] !== 13) fieldEnd++;
    }
    let matches = fieldEnd - lineStart >= wanted.length;
    for (let k = 0; matches && k < wanted.length; k++) {
      const byte = raw[lineStart + k]!;
      const lower = byte >= 65 && byte <= 90 ? byte + 32 : byte;
      matches = lower === wanted.charCodeAt(k);
    }
    if (matches) return { from: lineStart, to: fieldEnd };
    lineStart = fieldEnd + 2;
  }
  return undefined;
}
