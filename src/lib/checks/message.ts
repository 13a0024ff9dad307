/**
 * The message as the checks read it: `inspectMessage`'s result, the HTML and text bodies with
 * their MIME part paths, and the HTML parsed once for every check.
 */
import { inspectMessage, type Inspection, type MimeNode } from '../mime/index.ts';
import { readHtml, type HtmlDocument } from './html-document.ts';
import { SourceText } from './source-text.ts';

/** Everything a check may look at. */
export interface CheckedMessage {
  raw: Uint8Array;
  inspection: Inspection;
  html?: { source: SourceText; document: HtmlDocument };
  text?: SourceText;
  /** First value of a header, by case-insensitive name. */
  header(name: string): string | undefined;
  /** Every value of a header. */
  headers(name: string): string[];
}

function isAttachmentLike(node: MimeNode): boolean {
  return node.disposition === 'attachment' || node.filename !== undefined;
}

/**
 * The message's own leaves with their part paths, in order, as `inspectMessage` walks them: a
 * single-part message's body is part `1`; the children of a multipart are numbered from 1.
 */
export function leavesWithPaths(root: MimeNode): Array<{ node: MimeNode; path: string }> {
  const out: Array<{ node: MimeNode; path: string }> = [];
  const visit = (node: MimeNode, path: string) => {
    if (node.contentType.startsWith('multipart/') && node.children.length > 0) {
      node.children.forEach((child, i) => visit(child, path ? `${path}.${i + 1}` : `${i + 1}`));
    } else {
      out.push({ node, path: path || '1' });
    }
  };
  visit(root, '');
  return out;
}

/** Read a raw message for checking. Never throws on malformed mail. */
export async function readMessage(raw: Uint8Array): Promise<CheckedMessage> {
  const inspection = await inspectMessage(raw);
  const message: CheckedMessage = {
    raw,
    inspection,
    header(name) {
      const lower = name.toLowerCase();
      return inspection.headers.find((h) => h.name.toLowerCase() === lower)?.decoded;
    },
    headers(name) {
      const lower = name.toLowerCase();
      return inspection.headers.filter((h) => h.name.toLowerCase() === lower).map((h) => h.decoded);
    },
  };
  let htmlNode: { node: MimeNode; path: string } | undefined;
  let textNode: { node: MimeNode; path: string } | undefined;
  for (const leaf of leavesWithPaths(inspection.tree)) {
    if (isAttachmentLike(leaf.node)) continue;
    if (leaf.node.contentType === 'text/html') htmlNode ??= leaf;
    if (leaf.node.contentType === 'text/plain') textNode ??= leaf;
  }
  if (inspection.html !== undefined) {
    const source = new SourceText(inspection.html, htmlNode?.path ?? '1', raw, htmlNode?.node);
    message.html = { source, document: readHtml(inspection.html) };
  }
  if (inspection.text !== undefined) {
    message.text = new SourceText(inspection.text, textNode?.path ?? '1', raw, textNode?.node);
  }
  return message;
}
