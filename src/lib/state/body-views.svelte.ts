/**
 * Compose's body editors, shared with panels that mark or change their text (the checks' lint
 * marks, CSS inlining) without those panels being handed props by the tabbed pane.
 */
import type { EditorView } from '@codemirror/view';
import { getContext, setContext } from 'svelte';

/** The HTML and text editors' views, once they exist. */
export class BodyViews {
  html = $state.raw<EditorView | undefined>();
  text = $state.raw<EditorView | undefined>();
}

const CONTEXT = Symbol('body-views');

/** Share the body editors' views with the workspace's panels. */
export function setBodyViewsContext(views: BodyViews): BodyViews {
  return setContext(CONTEXT, views);
}

/** The body editors' views, or an empty holder outside Compose. */
export function getBodyViewsContext(): BodyViews {
  return getContext<BodyViews | undefined>(CONTEXT) ?? new BodyViews();
}
