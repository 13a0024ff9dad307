/**
 * Links in the preview never navigate the app: web and mail links open in a new browsing
 * context without an opener or a referrer, in-document fragments scroll within the frame,
 * anything else loses its `href` (the text stays).
 */
import { classifyLinkUrl } from './url.ts';

/** The URL of the preview frame's document (it is shown through `srcdoc`). */
export const FRAME_URL = 'about:srcdoc';

/** Rewrites every `<a href>` and `<area href>`; returns how many external links remain. */
export function rewriteLinks(document: Document): number {
  let external = 0;
  for (const link of Array.from(document.querySelectorAll('a[href], area[href]'))) {
    const target = classifyLinkUrl(link.getAttribute('href') ?? '');
    if (target.kind === 'external') {
      external++;
      link.setAttribute('href', target.url);
      link.setAttribute('target', '_blank');
      link.setAttribute('rel', 'noopener noreferrer');
    } else if (target.kind === 'fragment') {
      // A srcdoc document's base URL is the app's: `#part` alone would load the app in the
      // frame. Against the frame's own URL it is a fragment navigation, which only scrolls.
      link.setAttribute('href', `${FRAME_URL}${target.url}`);
      link.removeAttribute('target');
    } else {
      link.removeAttribute('href');
      link.removeAttribute('target');
    }
  }
  return external;
}
