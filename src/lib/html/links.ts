/**
 * Links in the preview never navigate the app: web and mail links open in a new browsing
 * context without an opener or a referrer, in-document fragments stay, anything else loses its
 * `href` (the text stays).
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
      link.setAttribute('href', target.url);
      link.removeAttribute('target');
    } else {
      link.removeAttribute('href');
      link.removeAttribute('target');
    }
  }
  return external;
}
