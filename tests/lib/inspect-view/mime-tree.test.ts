import { describe, expect, it } from 'vitest';
import type { MimeNode } from '../../../src/lib/mime/types.ts';
import {
  countParts,
  flattenTree,
  isReadableLeaf,
  partFileName,
  rowAtOffset,
} from '../../../src/lib/inspect-view/mime-tree.ts';

const node = (contentType: string, start: number, end: number, children: MimeNode[] = []) => ({
  contentType,
  headers: [],
  start,
  end,
  bodyStart: start + 10,
  children,
});

// multipart/mixed [0,300) › (multipart/alternative [50,200) › (text/plain, text/html), image/png)
const tree: MimeNode = node('multipart/mixed', 0, 300, [
  node('multipart/alternative', 50, 200, [
    node('text/plain', 80, 120),
    node('text/html', 140, 190),
  ]),
  { ...node('image/png', 220, 290), filename: 'a/b.png' },
]);

describe('the structure view model', () => {
  it('lists nodes in document order with dotted ids and depths', () => {
    const rows = flattenTree(tree);
    expect(rows.map((row) => [row.id, row.node.contentType, row.depth])).toEqual([
      ['1', 'multipart/mixed', 1],
      ['1.1', 'multipart/alternative', 2],
      ['1.1.1', 'text/plain', 3],
      ['1.1.2', 'text/html', 3],
      ['1.2', 'image/png', 2],
    ]);
    expect(rows[1]?.childIds).toEqual(['1.1.1', '1.1.2']);
    expect(countParts(tree)).toBe(5);
  });

  it('finds the innermost part at a byte offset', () => {
    const rows = flattenTree(tree);
    const at = (offset: number) => rowAtOffset(rows, offset)?.id;
    expect(at(0)).toBe('1');
    expect(at(60)).toBe('1.1');
    expect(at(100)).toBe('1.1.1');
    expect(at(130)).toBe('1.1');
    expect(at(189)).toBe('1.1.2');
    expect(at(210)).toBe('1');
    expect(at(250)).toBe('1.2');
    expect(at(300)).toBe('1');
  });

  it('knows which leaves are readable text and names files safely', () => {
    const rows = flattenTree(tree);
    expect(rows.map((row) => isReadableLeaf(row.node))).toEqual([false, false, true, true, false]);
    expect(partFileName(rows[4]!)).toBe('a_b.png');
    expect(partFileName(rows[2]!)).toBe('part-1.1.1.txt');
    expect(partFileName(rows[3]!)).toBe('part-1.1.2.html');
  });
});
