/**
 * CodeMirror extension factories used by Mailwright's editors. No Svelte here: the components
 * in `src/lib/components/shared` are the glue.
 */
export { editorSetup, accessibleLabel, type EditorSetupConfig } from './setup.ts';
export { editorTheme, codeHighlightStyle, ACTIVE_LINE_BACKGROUND, TOKEN_COLOURS } from './theme.ts';
export { htmlLanguage } from './html-language.ts';
export { lazyExtension } from './lazy-extension.ts';
export { lazySearch } from './lazy-search.ts';
export { rawMime, rawMimeLanguage, rawMimeHighlightStyle, mimeTags } from './raw-mime.ts';
export {
  byteOffsetToPosition,
  byteToLineColumn,
  documentLines,
  lineColumnToByte,
  positionToByteOffset,
  type ByteLines,
} from './byte-offsets.ts';
export { lineNumbersFrom } from './line-numbers-from.ts';
export { applyWindowEdit, WindowedGutter, type ByteWindowEdit } from './window-edit.ts';
export {
  toLintDiagnostics,
  showEngineDiagnostics,
  lintMarks,
  type LocateDiagnostic,
} from './lint-bridge.ts';
