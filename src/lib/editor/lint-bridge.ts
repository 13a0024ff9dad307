/**
 * Turns the engine's diagnostics (byte ranges in a raw message) into CodeMirror lint marks.
 */
import type { Diagnostic as LintDiagnostic } from '@codemirror/lint';
import type { EditorState, Extension } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import type { Diagnostic } from '../mime/types.ts';
import { lazyExtension } from './lazy-extension.ts';

// Loaded with the first marks, outside the first page load.
const loadLint = () => import('@codemirror/lint');

/** Where a diagnostic belongs in this editor, or null when it does not concern it. */
export type LocateDiagnostic = (
  diagnostic: Diagnostic,
  state: EditorState,
) => { from: number; to: number } | null;

/**
 * Convert engine diagnostics to lint marks. `locate` maps each one to a document range; those it
 * returns null for are left out. Ranges are clamped to the document, and an empty range is
 * widened to the character after it so the mark can be seen.
 */
export function toLintDiagnostics(
  diagnostics: readonly Diagnostic[],
  state: EditorState,
  locate: LocateDiagnostic,
): LintDiagnostic[] {
  const out: LintDiagnostic[] = [];
  const length = state.doc.length;
  for (const diagnostic of diagnostics) {
    const range = locate(diagnostic, state);
    if (!range) continue;
    const from = Math.max(0, Math.min(range.from, length));
    let to = Math.max(from, Math.min(range.to, length));
    if (to === from && to < length) to = from + 1;
    out.push({
      from,
      to,
      severity: diagnostic.severity,
      source: diagnostic.code,
      message: diagnostic.message,
    });
  }
  return out;
}

/** Each editor's marks by where they come from, so that one source never erases another's. */
const marksBySource = new WeakMap<EditorView, Map<string, LintDiagnostic[]>>();

/**
 * Replace an editor's lint marks from `source` (the engine's diagnostics by default; the
 * pre-send checks use their own source) with these diagnostics; marks from other sources stay.
 * Asynchronous only the first time, while the lint module loads; calls apply in order.
 */
export async function showEngineDiagnostics(
  view: EditorView,
  diagnostics: readonly Diagnostic[],
  locate: LocateDiagnostic,
  source = 'engine',
): Promise<void> {
  const { setDiagnostics } = await loadLint();
  if (!view.dom.isConnected) return;
  let sources = marksBySource.get(view);
  if (!sources) marksBySource.set(view, (sources = new Map()));
  sources.set(source, toLintDiagnostics(diagnostics, view.state, locate));
  view.dispatch(setDiagnostics(view.state, [...sources.values()].flat()));
}

/** The lint gutter and mark styling; the marks themselves come via `showEngineDiagnostics`. */
export function lintMarks(): Extension {
  return lazyExtension(() => loadLint().then(({ lintGutter }) => lintGutter()));
}
