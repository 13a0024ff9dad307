/**
 * Links in the preview never navigate the app: web and mail links open in a new browsing
 * context without an opener or a referrer, in-document fragments scroll within the frame,
 * anything else loses its `href` (the text stays).
 */
import { classifyLinkUrl } from './url.ts';

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
      // The frame's document is one of the app's own files with no `<base>` (the sanitizer
      // drops it, the frame's CSP has `base-uri 'none'`), so `#part` resolves against it: a
      // fragment navigation, which only scrolls.
      link.setAttribute('href', target.url);
      link.removeAttribute('target');
    } else {
      link.removeAttribute('href');
      link.removeAttribute('target');
    }
  }
  return external;
}
