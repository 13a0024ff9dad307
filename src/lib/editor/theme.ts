/**
 * The editors' look: colours chosen to pass WCAG AA contrast (4.5:1) against every background
 * a token can sit on, including the active line. CodeMirror's own active-line tint is
 * translucent blue, which drops some token colours under 4.5:1, so it is replaced here.
 */
import { EditorView } from '@codemirror/view';
import { HighlightStyle } from '@codemirror/language';
import { tags } from '@lezer/highlight';
import type { Extension } from '@codemirror/state';

/** Solid, light background of the line holding the cursor; every token colour passes on it. */
export const ACTIVE_LINE_BACKGROUND = '#eef2f6';

/** Token colours, each at least 4.5:1 on white and on `ACTIVE_LINE_BACKGROUND`. */
export const TOKEN_COLOURS = {
  text: '#1b1f24',
  muted: '#4a5461',
  blue: '#1f4e79',
  purple: '#6a1b7a',
  green: '#1a5c32',
  red: '#9b1c1c',
  brown: '#6b4400',
} as const;

/** The editor chrome: gutters, active line, selection, panels, lint marks. */
export function editorTheme(): Extension {
  return EditorView.theme({
    '&': {
      color: TOKEN_COLOURS.text,
      backgroundColor: '#ffffff',
      fontSize: '0.85rem',
      height: '100%',
      border: '1px solid var(--border, #c9d1d9)',
    },
    '&.cm-focused': { outline: '2px solid var(--accent, #1f4e79)', outlineOffset: '-1px' },
    '.cm-scroller': { fontFamily: 'var(--mono, monospace)', lineHeight: '1.45' },
    '.cm-content': { caretColor: TOKEN_COLOURS.text },
    '.cm-gutters': {
      backgroundColor: '#f4f6f8',
      color: TOKEN_COLOURS.muted,
      borderRight: '1px solid #c9d1d9',
    },
    '.cm-activeLine': { backgroundColor: ACTIVE_LINE_BACKGROUND },
    '.cm-activeLineGutter': { backgroundColor: '#e3e9ef', color: TOKEN_COLOURS.text },
    '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
      backgroundColor: '#c7dbf0 !important',
    },
    '.cm-selectionMatch': { backgroundColor: '#dbe7d3' },
    '&.cm-focused .cm-matchingBracket': {
      backgroundColor: '#d3e4d0',
      outline: '1px solid #1a5c32',
    },
    '.cm-foldPlaceholder': {
      backgroundColor: '#e3e9ef',
      color: TOKEN_COLOURS.text,
      border: '1px solid #8a96a3',
    },
    '.cm-panels': { backgroundColor: '#f4f6f8', color: TOKEN_COLOURS.text },
    '.cm-panels input, .cm-panels button': { color: TOKEN_COLOURS.text },
    '.cm-tooltip': { backgroundColor: '#ffffff', color: TOKEN_COLOURS.text },
  });
}

/** Syntax colours for HTML (and whatever CSS or JavaScript it embeds). */
export const codeHighlightStyle = HighlightStyle.define([
  { tag: [tags.tagName, tags.angleBracket], color: TOKEN_COLOURS.blue },
  { tag: tags.attributeName, color: TOKEN_COLOURS.brown },
  { tag: [tags.attributeValue, tags.string], color: TOKEN_COLOURS.green },
  { tag: tags.comment, color: TOKEN_COLOURS.muted, fontStyle: 'italic' },
  {
    tag: [tags.keyword, tags.documentMeta, tags.processingInstruction],
    color: TOKEN_COLOURS.purple,
  },
  { tag: [tags.number, tags.atom, tags.bool], color: TOKEN_COLOURS.red },
  { tag: [tags.propertyName, tags.className], color: TOKEN_COLOURS.blue },
  { tag: tags.invalid, color: TOKEN_COLOURS.red, textDecoration: 'underline' },
  { tag: tags.character, color: TOKEN_COLOURS.purple },
]);
