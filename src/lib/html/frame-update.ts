/**
 * Updating a live preview frame in place. Loading a fresh frame document on every keystroke would
 * blank the frame and reset its scroll; the frame's document is reachable (same origin, never
 * with scripts), so its content is swapped within one task instead, the old content stays until
 * the new one is ready and the viewport keeps its scroll offset. The frame's CSP, set when its
 * document was parsed (the app's preview-frame documents), stays in force for everything put in.
 */

/** Replaces the content of `target` (a live frame document) with a built preview document. */
export function replaceFrameDocument(target: Document, html: string): void {
  const next = new DOMParser().parseFromString(html, 'text/html');
  const root = target.documentElement;
  for (const attribute of Array.from(root.attributes)) root.removeAttribute(attribute.name);
  for (const attribute of Array.from(next.documentElement.attributes)) {
    root.setAttribute(attribute.name, attribute.value);
  }
  root.replaceChildren(target.importNode(next.head, true), target.importNode(next.body, true));
}

/** The scroll offset of a frame, when its document is reachable. */
export function readFrameScroll(frame: HTMLIFrameElement): { x: number; y: number } | null {
  try {
    const view = frame.contentWindow;
    if (!view || !frame.contentDocument) return null;
    return { x: view.scrollX, y: view.scrollY };
  } catch {
    return null;
  }
}
