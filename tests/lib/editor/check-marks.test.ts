import { EditorState } from '@codemirror/state';
import { describe, expect, test } from 'vitest';
import type { CheckFinding } from '../../../src/lib/checks/types.ts';
import { findingRange } from '../../../src/lib/editor/check-marks.ts';
import { groupFindings } from '../../../src/lib/state/checks.svelte.ts';

const finding = (fields: Partial<CheckFinding>): CheckFinding => ({
  code: 'link-insecure',
  severity: 'warning',
  message: 'A link uses http:.',
  ...fields,
});

describe('findingRange', () => {
  const state = EditorState.create({ doc: '<p>\n<a href="http://x.example/">x</a>\n</p>' });

  test('maps 1-based lines and columns to the document', () => {
    const range = findingRange(finding({ line: 2, column: 4, endLine: 2, endColumn: 28 }), state);
    expect(state.sliceDoc(range!.from, range!.to)).toBe('href="http://x.example/"');
  });

  test('clamps places beyond the document, and has nothing for a finding without a line', () => {
    const range = findingRange(finding({ line: 9, column: 99 }), state);
    expect(range).toEqual({ from: state.doc.length, to: state.doc.length });
    expect(findingRange(finding({ range: { start: 0, end: 4 } }), state)).toBeNull();
  });
});

test('groupFindings lists every area in checklist order, findings under their own', () => {
  const groups = groupFindings([
    finding({}),
    finding({ code: 'contrast-low' }),
    finding({ code: 'spam-rule' }),
  ]);
  expect(groups.map((g) => g.area)).toEqual([
    'deliverability', 'spam', 'content', 'compatibility', 'accessibility', 'dark-mode', 'validity',
  ]); // prettier-ignore
  expect(groups.find((g) => g.area === 'content')!.findings.map((f) => f.code)).toEqual([
    'link-insecure',
  ]);
  expect(groups.find((g) => g.area === 'accessibility')!.findings.map((f) => f.code)).toEqual([
    'contrast-low',
  ]);
  expect(groups.find((g) => g.area === 'spam')!.findings).toHaveLength(1);
});
