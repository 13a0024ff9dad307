/**
 * Applying an edit of a raw view that shows a window of a message's bytes (see
 * src/lib/state/raw-window.ts) to its CodeMirror view: one change, in byte offsets of the window.
 * The view holds the bytes one character each, with lines split on CRLF (`rawMime`).
 */
import {
  Compartment,
  type Extension,
  type StateEffect,
  type TransactionSpec,
} from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import { bytesToBinaryString } from '../mime/bytes.ts';
import { byteOffsetToPosition } from './byte-offsets.ts';
import { lineNumbersFrom } from './line-numbers-from.ts';

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

/** A windowed view's edits with its gutter, numbered from the window's first line. */
export class WindowedGutter {
  readonly #numbering = new Compartment();
  #first = 1;

  /** The gutter to add to the view, numbered from line `first`. */
  extension(first = 1): Extension {
    this.#first = first;
    return this.#numbering.of(lineNumbersFrom(first));
  }

  /** Apply `edit` to `view`, renumbering the gutter when the window now starts at `first`. */
  apply(view: EditorView, edit: ByteWindowEdit | null, first: number): void {
    const renumber = first !== this.#first;
    this.#first = first;
    applyWindowEdit(
      view,
      edit,
      renumber ? [this.#numbering.reconfigure(lineNumbersFrom(first))] : [],
    );
  }
}
