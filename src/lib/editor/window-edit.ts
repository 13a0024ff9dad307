/**
 * Applying an edit of a raw view that shows a window of a message's bytes (see
 * src/lib/state/raw-window.ts) to its CodeMirror view: one change, in byte offsets of the window.
 * The view holds the bytes one character each, with lines split on CRLF (`rawMime`).
 */
import type { StateEffect, TransactionSpec } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import { bytesToBinaryString } from '../mime/bytes.ts';
import { byteOffsetToPosition } from './byte-offsets.ts';

/** Edits larger than this replace the editor's state rather than update it. */
const LARGE_EDIT_BYTES = 32 * 1024;

/** One edit of the window's text: bytes `from`–`to` of the text before it become `insert`. */
export interface ByteWindowEdit {
  from: number;
  to: number;
  insert: Uint8Array;
}

/** Apply `edit` (if any) and `effects` (say, a renumbered gutter) to `view`. */
export function applyWindowEdit(
  view: EditorView,
  edit: ByteWindowEdit | null,
  effects: readonly StateEffect<unknown>[] = [],
): void {
  if (!edit && effects.length === 0) return;
  const doc = view.state.doc;
  const spec: TransactionSpec = {
    ...(edit
      ? {
          changes: {
            from: byteOffsetToPosition(doc, edit.from),
            to: byteOffsetToPosition(doc, edit.to),
            insert: bytesToBinaryString(edit.insert),
          },
        }
      : {}),
    ...(effects.length ? { effects: [...effects] } : {}),
  };
  if (edit && Math.max(edit.insert.length, edit.to - edit.from) > LARGE_EDIT_BYTES) {
    // A new state, not a transaction: an editor out of sight (below the fold, in another tab)
    // would otherwise draw every line of a large insert, and lay them all out on each update.
    view.setState(view.state.update(spec).state);
  } else {
    view.dispatch(spec);
  }
}
