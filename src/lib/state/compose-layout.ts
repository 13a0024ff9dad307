/** How Compose lays out its editors, as the person chose it; remembered in this browser. */
import { StoredChoice } from './stored-choice.svelte.ts';

/** The HTML and Text editors side by side, or one at a time as tabs. */
export const EDITOR_LAYOUTS = ['side-by-side', 'tabs'] as const;
/** One of `EDITOR_LAYOUTS`. */
export type EditorLayout = (typeof EDITOR_LAYOUTS)[number];

/** The page's editor layout choice. */
export const editorLayout = new StoredChoice<EditorLayout>(
  'mailwright-editor-layout',
  EDITOR_LAYOUTS,
  'side-by-side',
);
