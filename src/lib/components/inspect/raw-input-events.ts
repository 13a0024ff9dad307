/**
 * What both forms of Inspect's raw input (the whole editor and the window of a large message)
 * tell the inspector: the selection, in bytes, and that a dropped file is not text to insert.
 */
import type { Extension, Text } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import type { Inspector } from '../../state/inspector.svelte.ts';

/**
 * Report the editor's selection to `inspector` in message bytes (`toByte` maps a position of
 * `doc`): a move the person made selects the part under it; one asked for is only shown.
 * A file dropped on the editor is left to the workspace the drop bubbles up to, which opens it;
 * claiming it here only stops CodeMirror from inserting the file's text.
 */
export function rawInputEvents(
  inspector: Inspector,
  toByte: (doc: Text, position: number) => number,
): Extension {
  return [
    EditorView.updateListener.of((update) => {
      if (!update.selectionSet || update.docChanged) return;
      const main = update.state.selection.main;
      const from = toByte(update.state.doc, main.from);
      const to = toByte(update.state.doc, main.to);
      if (update.transactions.some((transaction) => transaction.isUserEvent('select'))) {
        inspector.cursorMoved(from, to);
      } else {
        inspector.selectionShown(from, to);
      }
    }),
    EditorView.domEventHandlers({
      drop: (event) => (event.dataTransfer?.files.length ?? 0) > 0,
    }),
  ];
}
