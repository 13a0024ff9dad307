import { describe, expect, test } from 'vitest';
import { fc, test as propTest } from '@fast-check/vitest';
import { EditorState } from '@codemirror/state';
import { ensureSyntaxTree } from '@codemirror/language';
import { highlightTree } from '@lezer/highlight';
import {
  byteOffsetToPosition,
  positionToByteOffset,
  rawMime,
  mimeTags,
  toLintDiagnostics,
} from '../../../src/lib/editor/index.ts';

const tagNames = new Map<unknown, string>(
  Object.entries(mimeTags).map(([name, tag]) => [tag, name]),
);

/** The highlighted pieces of a raw message, as [token name, text]. */
function tokens(raw: string): Array<[string, string]> {
  const state = EditorState.create({ doc: raw, extensions: rawMime() });
  const tree = ensureSyntaxTree(state, state.doc.length, 5000);
  if (!tree) throw new Error('no tree');
  const out: Array<[string, string]> = [];
  highlightTree(
    tree,
    { style: (found) => found.map((tag) => tagNames.get(tag) ?? '').join(' ') || null },
    (from, to, name) => out.push([name, state.sliceDoc(from, to)]),
  );
  return out;
}

const multipart = [
  'From: =?UTF-8?Q?Zo=C3=AB?= <zoe@example.com>',
  'Content-Type: multipart/alternative;',
  ' boundary="b1"',
  '',
  '--b1',
  'Content-Type: text/plain; charset=utf-8',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  'caf=C3=A9 and a long line=',
  '--b1',
  'Content-Transfer-Encoding: base64',
  '',
  'aGVsbG8=',
  '--b1--',
  '',
].join('\r\n');

describe('raw MIME highlighting', () => {
  test('marks header names, encoded words and parameters', () => {
    const found = tokens(multipart);
    expect(found).toContainEqual(['headerName', 'From']);
    expect(found).toContainEqual(['encodedWord', '=?UTF-8?Q?Zo=C3=AB?=']);
    expect(found).toContainEqual(['headerName', 'Content-Type']);
    expect(
      found.some(([name, text]) => name === 'parameterName' && text.includes('boundary')),
    ).toBe(true);
  });

  test('finds boundary lines declared in a folded Content-Type', () => {
    const boundaries = tokens(multipart).filter(([name]) => name === 'boundary');
    expect(boundaries.map(([, text]) => text)).toEqual(['--b1', '--b1', '--b1--']);
  });

  test('marks quoted-printable escapes and soft breaks, and base64 bodies', () => {
    const found = tokens(multipart);
    expect(found).toContainEqual(['quotedPrintableEscape', '=C3=A9']);
    expect(found).toContainEqual(['softLineBreak', '=']);
    expect(found).toContainEqual(['base64', 'aGVsbG8=']);
  });

  test('a line that only looks like a boundary is body text', () => {
    const raw = 'Content-Type: text/plain\r\n\r\n--not-a-boundary\r\n';
    expect(tokens(raw).filter(([name]) => name === 'boundary')).toEqual([]);
  });
});

describe('byte offsets in a CRLF document', () => {
  const raw = 'A: 1\r\nBb: 22\r\n\r\nbody\r\n';
  const doc = EditorState.create({ doc: raw, extensions: rawMime() }).doc;

  test('every line start maps both ways', () => {
    for (const offset of [0, 6, 14, 16, raw.length]) {
      const position = byteOffsetToPosition(doc, offset);
      expect(positionToByteOffset(doc, position)).toBe(offset);
    }
    expect(doc.sliceString(byteOffsetToPosition(doc, 16), byteOffsetToPosition(doc, 20))).toBe(
      'body',
    );
  });

  propTest.prop([fc.array(fc.stringMatching(/^[ -~]{0,12}$/), { minLength: 1, maxLength: 20 })])(
    'the character at a byte offset is the byte there',
    (lines) => {
      const text = lines.join('\r\n');
      const state = EditorState.create({ doc: text, extensions: rawMime() });
      for (let offset = 0; offset < text.length; offset++) {
        if (text[offset] === '\r' || text[offset] === '\n') continue;
        const position = byteOffsetToPosition(state.doc, offset);
        expect(state.doc.sliceString(position, position + 1)).toBe(text[offset]);
        expect(positionToByteOffset(state.doc, position)).toBe(offset);
      }
    },
  );
});

describe('engine diagnostics as lint marks', () => {
  const state = EditorState.create({ doc: 'line one\nline two' });
  const diagnostic = (from?: number, to?: number) => ({
    severity: 'warning' as const,
    code: 'c',
    message: 'm',
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
  });

  test('are placed where locate says, clamped to the document, and never empty', () => {
    const marks = toLintDiagnostics(
      [diagnostic(2, 4), diagnostic(5, 5), diagnostic(10, 999), diagnostic()],
      state,
      (found) =>
        found.from === undefined ? null : { from: found.from, to: found.to ?? found.from },
    );
    expect(marks.map(({ from, to }) => [from, to])).toEqual([
      [2, 4],
      [5, 6],
      [10, 17],
    ]);
    expect(marks[0]).toMatchObject({ severity: 'warning', source: 'c', message: 'm' });
  });
});
