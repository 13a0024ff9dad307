/**
 * An extension that arrives later: the editor starts without it and reconfigures itself when a
 * dynamic import resolves. Keeps large pieces (the HTML language with its embedded CSS and
 * JavaScript) out of the first page load.
 */
import { Compartment, type Extension } from '@codemirror/state';
import { ViewPlugin } from '@codemirror/view';

/**
 * Wrap a loader in an extension that installs the loaded extension into each editor using it,
 * once the loader resolves. A failed load leaves the editor working without it.
 */
export function lazyExtension(load: () => Promise<Extension>): Extension {
  const slot = new Compartment();
  const loader = ViewPlugin.define((view) => {
    let destroyed = false;
    load().then(
      (extension) => {
        if (!destroyed) view.dispatch({ effects: slot.reconfigure(extension) });
      },
      () => {
        // Keep editing without highlighting rather than failing the editor.
      },
    );
    return {
      destroy() {
        destroyed = true;
      },
    };
  });
  return [slot.of([]), loader];
}
