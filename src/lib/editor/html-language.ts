/**
 * HTML support for the body editor, loaded on demand: `@codemirror/lang-html` brings CSS and
 * JavaScript parsers with it, too much for the first visit.
 */
import type { Extension } from '@codemirror/state';
import { lazyExtension } from './lazy-extension.ts';

/** HTML highlighting, folding and tag matching, installed when the language chunk has loaded. */
export function htmlLanguage(): Extension {
  return lazyExtension(() =>
    import('@codemirror/lang-html').then(({ html }) => html({ autoCloseTags: false })),
  );
}
