/**
 * The MIME tree as the structure view shows it: a flat, ordered list of rows with stable ids,
 * and the lookups that link rows and raw bytes both ways.
 */
import type { MimeNode } from '../mime/types.ts';
import { withoutBidiControls } from '../text/bidi.ts';

/** One row of the structure view. */
export interface TreeRow {
  /** Dotted path of child indexes from the root, `1` for the root, `1.2.1` for its descendants. */
  id: string;
  node: MimeNode;
  /** 1 for the root. */
  depth: number;
  /** Ids of the children, in order. */
  childIds: string[];
}

/** Every node of the tree in document order (pre-order), with ids. */
export function flattenTree(tree: MimeNode): TreeRow[] {
  const rows: TreeRow[] = [];
  const walk = (node: MimeNode, id: string, depth: number) => {
    const row: TreeRow = {
      id,
      node,
      depth,
      childIds: node.children.map((_, index) => `${id}.${index + 1}`),
    };
    rows.push(row);
    node.children.forEach((child, index) => walk(child, `${id}.${index + 1}`, depth + 1));
  };
  walk(tree, '1', 1);
  return rows;
}

/** The number of parts in a message: every node, containers and nested messages included. */
export function countParts(tree: MimeNode): number {
  let count = 1;
  for (const child of tree.children) count += countParts(child);
  return count;
}

/**
 * The innermost row whose bytes contain `offset`: a cursor in a part's headers or body selects
 * that part; between parts (on a boundary line) it selects the enclosing multipart.
 */
export function rowAtOffset(rows: readonly TreeRow[], offset: number): TreeRow | undefined {
  let found: TreeRow | undefined;
  for (const row of rows) {
    const { start, end } = row.node;
    // Pre-order: a later containing row is always deeper than an earlier one.
    if (start <= offset && (offset < end || (offset === end && end === start))) found = row;
  }
  if (!found && rows[0] && offset >= rows[0].node.end) return rows[0];
  return found;
}

/** Whether a leaf is text a person can read once decoded (text/*, message/delivery-status …). */
export function isReadableLeaf(node: MimeNode): boolean {
  if (node.children.length > 0) return false;
  const type = node.contentType;
  return (
    type.startsWith('text/') ||
    type === 'message/delivery-status' ||
    type === 'message/global-delivery-status' ||
    type === 'message/feedback-report' ||
    type === 'message/disposition-notification' ||
    type === 'message/rfc822-headers' ||
    type === 'text/rfc822-headers' ||
    type === 'application/json' ||
    type === 'application/xml' ||
    type === 'application/pgp-signature'
  );
}

/** A file name to save a part under: its own, or one made from its id and type. */
export function partFileName(row: TreeRow): string {
  if (row.node.filename) {
    // Characters no file system accepts in a name, and control characters.
    return [...withoutBidiControls(row.node.filename)]
      .map((char) => (char.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(char) ? '_' : char))
      .join('');
  }
  const subtype = row.node.contentType.split('/')[1] ?? 'bin';
  const extension = /^[a-z0-9.+-]{1,20}$/.test(subtype) ? subtype.replace(/^x-/, '') : 'bin';
  return `part-${row.id}.${extension === 'plain' ? 'txt' : extension}`;
}
