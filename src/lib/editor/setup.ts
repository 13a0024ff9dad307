/**
 * The editor setup, assembled from the CodeMirror pieces Mailwright needs rather than the full
 * `basicSetup` (no autocompletion, no rectangular selection, no crosshair cursor), which keeps the
 * first visit inside its JavaScript budget.
 */
import { EditorState, type Extension } from '@codemirror/state';
import {
  EditorView,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import {
  bracketMatching,
  foldGutter,
  foldKeymap,
  indentOnInput,
  syntaxHighlighting,
} from '@codemirror/language';
import { codeHighlightStyle, editorTheme } from './theme.ts';
import { lazySearch } from './lazy-search.ts';

/** Options for `editorSetup`. */
export interface EditorSetupConfig {
  /** A view a person reads and selects in but cannot change. */
  readOnly?: boolean;
  /** Wrap long lines instead of scrolling sideways. */
  lineWrapping?: boolean;
}

/**
 * Line numbers, history (not for read-only views), search (loaded on Mod-f), folding, bracket matching, the
 * contrast-safe theme and syntax colours. Tab is left to move focus out of the editor, as a
 * keyboard user expects.
 */
export function editorSetup(config: EditorSetupConfig = {}): Extension {
  const extensions: Extension[] = [
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightSpecialChars(),
    foldGutter(),
    drawSelection(),
    bracketMatching(),
    syntaxHighlighting(codeHighlightStyle),
    editorTheme(),
    keymap.of([...defaultKeymap, ...foldKeymap]),
    lazySearch(),
  ];
  if (config.readOnly) {
    extensions.push(EditorState.readOnly.of(true));
  } else {
    extensions.push(history(), indentOnInput(), highlightActiveLine(), keymap.of(historyKeymap));
  }
  if (config.lineWrapping) extensions.push(EditorView.lineWrapping);
  return extensions;
}

/** Give the editable content element its accessible name (it already has role `textbox`). */
export function accessibleLabel(label: string): Extension {
  // An explicit tabindex lets checkers see that the scrolling editor can be reached by keyboard.
  return EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' });
}
