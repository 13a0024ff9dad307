/**
 * Search and replace, loaded the first time a person asks for it (Mod-f), which keeps
 * `@codemirror/search` out of the first page load.
 */
import { Compartment, Prec, type Extension } from '@codemirror/state';
import { keymap, type EditorView } from '@codemirror/view';

const loadSearch = () => import('@codemirror/search');

/** Mod-f loads search into this editor and opens its panel; the full search keymap follows. */
export function lazySearch(): Extension {
  const slot = new Compartment();
  const open = (view: EditorView): boolean => {
    void loadSearch().then((search) => {
      if (!view.dom.isConnected) return;
      view.dispatch({
        effects: slot.reconfigure([
          search.search({ top: true }),
          keymap.of(search.searchKeymap),
          search.highlightSelectionMatches(),
        ]),
      });
      search.openSearchPanel(view);
    });
    return true;
  };
  // Lowest precedence: once loaded, the real search keymap answers Mod-f itself.
  return [slot.of([]), Prec.lowest(keymap.of([{ key: 'Mod-f', run: open, scope: 'editor' }]))];
}
