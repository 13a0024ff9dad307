/**
 * `inspectMessage`: any real message, bounce or complaint, understood. The structure is mapped
 * from the raw bytes with offsets for every part; headers are decoded; the text and HTML bodies
 * are given exactly as the message has them (never one made up from the other); attachments are
 * listed at once and decoded only when their `content` is read; standards problems, the route,
 * authentication and any bounce or complaint are reported. Malformed input never throws.
 */
import { firstEightBit, utf8Encode } from './bytes.ts';
import { firstHeader } from './header-lookup.ts';
import { DiagnosticLog } from './inspect-diagnostics.ts';
import {
  checkHeaderRules,
  decodeHeaders,
  readAddresses,
  readMailboxes,
} from './inspect-headers.ts';
import { findReport } from './inspect-report.ts';
import { readRouteSection } from './inspect-route.ts';
import { MAX_MESSAGE_BYTES } from './limits.ts';
import { scanLines } from './line-scan.ts';
import { decodeText, KNOWN_TRANSFER_ENCODINGS, lazyAttachment, rawBody } from './part-content.ts';
import { scanStructure, type ScannedPart } from './structure-scan.ts';
import { toMimeNode } from './inspect-tree.ts';
import type { Inspection } from './types.ts';

function isAttachmentLike(part: ScannedPart): boolean {
  return part.fields.disposition === 'attachment' || part.fields.filename !== undefined;
}

/** Leaves of the message's own structure, in order; an enclosed message counts as one leaf. */
function ownLeaves(part: ScannedPart, out: ScannedPart[] = []): ScannedPart[] {
  if (part.fields.contentType.startsWith('multipart/') && part.children.length > 0) {
    for (const child of part.children) ownLeaves(child, out);
  } else {
    out.push(part);
  }
  return out;
}

/** Check each leaf's transfer encoding: known, and no 8-bit bytes where it says 7bit. */
function checkLeaves(raw: Uint8Array, root: ScannedPart, log: DiagnosticLog): void {
  const visit = (part: ScannedPart) => {
    for (const child of part.children) visit(child);
    if (part.children.length > 0) return;
    const encoding = part.fields.transferEncoding;
    if (encoding && !KNOWN_TRANSFER_ENCODINGS.has(encoding)) {
      log.add(
        'warning',
        'unknown-transfer-encoding',
        `"${encoding}" is not a transfer encoding RFC 2045 §6.1 defines; the body is shown as it is.`,
        part.start,
        part.bodyStart,
      );
    }
    // Only parts that claim 7-bit data are checked; base64 is checked by its decoder.
    if (encoding === '8bit' || encoding === 'binary' || encoding === 'base64') return;
    const at = firstEightBit(rawBody(raw, part));
    if (at >= 0) {
      log.add(
        'warning',
        'body-8bit-in-7bit',
        `A part declared ${encoding ?? '7bit'} holds 8-bit bytes (RFC 2045 §2.7, §6.2).`,
        part.bodyStart + at,
        part.bodyStart + at + 1,
      );
    }
  };
  visit(root);
}

/** Report `cid:` references in the HTML that no part's Content-ID answers (RFC 2392). */
function checkContentIds(html: string, part: ScannedPart, ids: Set<string>, log: DiagnosticLog) {
  for (const match of html.matchAll(/cid:([^"'\s)>]+)/gi)) {
    let id = match[1]!;
    try {
      id = decodeURIComponent(id);
    } catch {
      // RFC 2392 ids are URL-encoded; a stray % leaves the id as written.
    }
    if (!ids.has(id.toLowerCase())) {
      log.add(
        'warning',
        'cid-unresolved',
        `The HTML refers to cid:${id}, but no part has Content-ID <${id}>.`,
        part.bodyStart,
        part.end,
      );
    }
  }
}

/**
 * Inspect a raw message. A string is read as the message's text and encoded as UTF-8, so its
 * offsets are UTF-8 byte offsets. Never throws on malformed mail: problems are diagnostics.
 */
export async function inspectMessage(raw: Uint8Array | string): Promise<Inspection> {
  if (typeof raw !== 'string' && !(raw instanceof Uint8Array)) {
    throw new RangeError('inspectMessage takes the raw message as a Uint8Array or a string.');
  }
  const bytes = typeof raw === 'string' ? utf8Encode(raw) : raw;
  const log = new DiagnosticLog();
  let end = bytes.length;
  if (end > MAX_MESSAGE_BYTES) {
    log.add(
      'error',
      'message-too-large',
      `The message is ${end} bytes; only the first ${MAX_MESSAGE_BYTES} are inspected.`,
      MAX_MESSAGE_BYTES,
      end,
    );
    end = MAX_MESSAGE_BYTES;
  }
  scanLines(bytes, log, end);
  const root = scanStructure(bytes, log, end);
  const headers = decodeHeaders(root.headers, log);
  checkHeaderRules(root.headers, log);
  checkLeaves(bytes, root, log);

  const inspection: Inspection = {
    headers,
    tree: toMimeNode(root),
    to: readMailboxes(firstHeader(root.headers, 'to')),
    attachments: [],
    diagnostics: [],
  };
  const subject = headers.find((h) => h.name.toLowerCase() === 'subject');
  if (subject) inspection.subject = subject.decoded;
  const from = readMailboxes(firstHeader(root.headers, 'from'))[0];
  if (from) inspection.from = from;
  const date = firstHeader(root.headers, 'date')?.trim();
  if (date) inspection.date = date;
  const messageId = firstHeader(root.headers, 'message-id')?.trim();
  if (messageId) inspection.messageId = messageId;

  const contentIds = new Set<string>();
  const leaves = ownLeaves(root);
  let htmlPart: ScannedPart | undefined;
  for (const leaf of leaves) {
    if (leaf.fields.contentId) {
      contentIds.add(leaf.fields.contentId.replace(/^<|>$/g, '').toLowerCase());
    }
    const type = leaf.fields.contentType;
    const body = (type === 'text/plain' || type === 'text/html') && !isAttachmentLike(leaf);
    if (body && type === 'text/plain' && inspection.text === undefined) {
      inspection.text = decodeText(bytes, leaf, log);
    } else if (body && type === 'text/html' && inspection.html === undefined) {
      inspection.html = decodeText(bytes, leaf, log);
      htmlPart = leaf;
    } else if (!type.startsWith('multipart/')) {
      inspection.attachments.push(lazyAttachment(bytes, leaf, leaf.fields.filename));
    }
  }
  if (inspection.html !== undefined && htmlPart) {
    checkContentIds(inspection.html, htmlPart, contentIds, log);
  }
  Object.assign(inspection, readRouteSection(headers));
  const ownAddresses = [
    ...readAddresses(firstHeader(root.headers, 'from')),
    ...readAddresses(firstHeader(root.headers, 'return-path')),
  ];
  const report = findReport(bytes, root, {
    ...(inspection.subject !== undefined ? { subject: inspection.subject } : {}),
    ...(firstHeader(root.headers, 'from') !== undefined ? { from: firstHeader(root.headers, 'from') } : {}),
    ...(inspection.text !== undefined ? { text: inspection.text } : {}),
    ownAddresses,
  }, log); // prettier-ignore
  if (report) inspection.report = report;
  const preambles = collectPreambles(root);
  if (preambles.length > 0) inspection.preambles = preambles;
  inspection.diagnostics = log.toArray();
  return inspection;
}

function collectPreambles(root: ScannedPart): NonNullable<Inspection['preambles']> {
  const out: NonNullable<Inspection['preambles']> = [];
  const visit = (part: ScannedPart) => {
    if (part.preamble || part.epilogue) {
      const entry: (typeof out)[number] = { partStart: part.start };
      if (part.preamble) entry.preamble = part.preamble;
      if (part.epilogue) entry.epilogue = part.epilogue;
      out.push(entry);
    }
    for (const child of part.children) visit(child);
  };
  visit(root);
  return out;
}
