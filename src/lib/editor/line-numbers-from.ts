/**
 * Line numbers for a view that holds part of a longer document (the raw view's window of a large
 * message): the gutter counts from the part's first line in the whole document.
 */
import type { Extension } from '@codemirror/state';
import { lineNumbers } from '@codemirror/view';

/** Number the view's lines from `first` (1 for a view that starts the document). */
export function lineNumbersFrom(first: number): Extension {
  return lineNumbers({ formatNumber: (line) => String(line + first - 1) });
}
