/**
 * The editors' look: colours chosen to pass WCAG AA contrast (4.5:1) against every background
 * a token can sit on, including the active line. CodeMirror's own active-line tint is
 * translucent blue, which drops some token colours under 4.5:1, so it is replaced here.
 *
 * Every colour is a design token of app.css (`--code-*`), so the editors follow the light and
 * dark themes; the fallbacks are the light values, for an editor outside the page's styles.
 */
import { EditorView } from '@codemirror/view';
import { HighlightStyle } from '@codemirror/language';
import { tags } from '@lezer/highlight';
import type { Extension } from '@codemirror/state';

/** Solid background of the line holding the cursor; every token colour passes on it. */
export const ACTIVE_LINE_BACKGROUND = 'var(--code-active-line, #eef2f6)';

/** Token colours, each at least 4.5:1 on the editor's background and on the active line. */
export const TOKEN_COLOURS = {
  text: 'var(--code-text, #1b1f24)',
  muted: 'var(--code-muted, #4a5461)',
  blue: 'var(--code-blue, #1f4e79)',
  purple: 'var(--code-purple, #6a1b7a)',
  green: 'var(--code-green, #1a5c32)',
  red: 'var(--code-red, #9b1c1c)',
  brown: 'var(--code-brown, #6b4400)',
} as const;

/** The editor chrome: gutters, active line, selection, panels, lint marks. */
export function editorTheme(): Extension {
  return EditorView.theme({
    '&': {
      color: TOKEN_COLOURS.text,
      backgroundColor: 'var(--bg, #ffffff)',
      fontSize: '0.85rem',
      height: '100%',
      border: '1px solid var(--border, #c9d1d9)',
    },
    '&.cm-focused': { outline: '2px solid var(--focus-ring, #0b5cc4)', outlineOffset: '-1px' },
    '.cm-scroller': { fontFamily: 'var(--mono, monospace)', lineHeight: '1.45' },
    '.cm-content': { caretColor: TOKEN_COLOURS.text },
    '.cm-gutters': {
      backgroundColor: 'var(--bg-subtle, #f4f6f8)',
      color: TOKEN_COLOURS.muted,
      borderRight: '1px solid var(--border, #c9d1d9)',
    },
    '.cm-activeLine': { backgroundColor: ACTIVE_LINE_BACKGROUND },
    '.cm-activeLineGutter': {
      backgroundColor: 'var(--code-active-gutter, #e3e9ef)',
      color: TOKEN_COLOURS.text,
    },
    '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
      backgroundColor: 'var(--code-selection, #c7dbf0) !important',
    },
    '.cm-selectionMatch': { backgroundColor: 'var(--code-match, #dbe7d3)' },
    '&.cm-focused .cm-matchingBracket': {
      backgroundColor: 'var(--code-match, #d3e4d0)',
      outline: `1px solid ${TOKEN_COLOURS.green}`,
    },
    '.cm-foldPlaceholder': {
      backgroundColor: 'var(--code-active-gutter, #e3e9ef)',
      color: TOKEN_COLOURS.text,
      border: '1px solid var(--border-strong, #6b7785)',
    },
    '.cm-panels': { backgroundColor: 'var(--bg-subtle, #f4f6f8)', color: TOKEN_COLOURS.text },
    '.cm-panels input, .cm-panels button': { color: TOKEN_COLOURS.text },
    '.cm-tooltip': { backgroundColor: 'var(--bg, #ffffff)', color: TOKEN_COLOURS.text },
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
