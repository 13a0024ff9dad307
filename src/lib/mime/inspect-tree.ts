/**
 * The scanned structure as the engine's public `MimeNode` tree: the same shape `buildMessage`
 * returns, so a built message inspected gives back the builder's own tree.
 */
import type { ScannedPart } from './structure-scan.ts';
import type { MimeNode } from './types.ts';

/** Convert a scanned part and its children to `MimeNode`s. */
export function toMimeNode(part: ScannedPart): MimeNode {
  const { fields } = part;
  const node: MimeNode = {
    contentType: fields.contentType,
    headers: part.headers.map((h) => ({ name: h.name, value: h.value })),
    start: part.start,
    end: part.end,
    bodyStart: part.bodyStart,
    children: part.children.map(toMimeNode),
  };
  if (fields.transferEncoding) node.transferEncoding = fields.transferEncoding;
  const charset = fields.params.charset?.trim();
  if (charset) node.charset = charset.toLowerCase();
  if (fields.filename) node.filename = fields.filename;
  if (fields.contentId) node.contentId = fields.contentId;
  if (fields.disposition) node.disposition = fields.disposition;
  return node;
}
