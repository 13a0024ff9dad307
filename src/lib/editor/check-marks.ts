/**
 * The pre-send checks' findings as lint marks in a body editor, and selecting a finding's span:
 * findings give 1-based lines and columns in the part's decoded text, which is the editor's text.
 */
import type { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import type { CheckFinding } from '../checks/types.ts';
import type { Diagnostic } from '../mime/types.ts';
import { showEngineDiagnostics } from './lint-bridge.ts';

/** The document range of a finding's span, clamped to the document. */
export function findingRange(finding: CheckFinding, state: EditorState): { from: number; to: number } | null {
  if (finding.line === undefined) return null;
  const position = (line: number, column: number) => {
    const at = state.doc.line(Math.max(1, Math.min(line, state.doc.lines)));
    return Math.min(at.from + Math.max(0, column - 1), at.to);
  };
  const from = position(finding.line, finding.column ?? 1);
  const to = position(finding.endLine ?? finding.line, finding.endColumn ?? finding.column ?? 1);
  return { from, to: Math.max(from, to) };
} // prettier-ignore

/** Show the findings that concern this editor's part as its `checks` marks. */
export function showCheckFindings(view: EditorView, findings: readonly CheckFinding[]): Promise<void> {
  const byDiagnostic = new Map<Diagnostic, CheckFinding>();
  const diagnostics = findings.map((finding) => {
    const diagnostic: Diagnostic = { severity: finding.severity, code: finding.code, message: finding.message };
    byDiagnostic.set(diagnostic, finding);
    return diagnostic;
  });
  return showEngineDiagnostics(view, diagnostics, (d, state) => findingRange(byDiagnostic.get(d)!, state), 'checks');
} // prettier-ignore

/** Select a finding's span in the editor and bring it into view. */
export function selectFinding(view: EditorView, finding: CheckFinding): void {
  const range = findingRange(finding, view.state);
  if (!range) return;
  view.dispatch({
    selection: { anchor: range.from, head: range.to },
    effects: EditorView.scrollIntoView(range.from, { y: 'center' }),
  });
  view.focus();
}
