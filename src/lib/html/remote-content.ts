/**
 * The resource pass over a sanitized email: every place that would load something (image
 * `src`/`srcset`, `background=`, video `poster`, `<link rel=stylesheet>`, CSS `url()`, `@import`,
 * `image-set()`, fonts) is classified. Remote resources are counted and, until the person allows
 * them, removed so that nothing is even requested; `cid:` references become the inline part's
 * `data:` URL; relative and non-web URLs are dropped, since an email has no base to resolve them.
 */
import { CidResolver } from './cid.ts';
import { escapeMarkupInCss, rewriteCss, type CssUrlContext } from './css.ts';
import { PREVIEW_ATTRIBUTE_PREFIX } from './sanitize.ts';
import { classifyResourceUrl, parseSrcset, serializeSrcset } from './url.ts';

/** What kind of remote resource a reference is. */
export type RemoteKind = 'image' | 'background' | 'stylesheet' | 'font' | 'poster';

/** One remote URL the email refers to (each URL once, whatever the number of references). */
export interface RemoteResource {
  url: string;
  kind: RemoteKind;
  /** A 1×1 (or hidden) image: almost always there to report that the message was opened. */
  trackingPixel: boolean;
}

/** What the resource pass found and did. */
export interface ResourceReport {
  remote: RemoteResource[];
  /** Content-IDs referenced with `cid:` that no inline part carries. */
  missingContentIds: string[];
  /** Content-IDs whose part is not an image or font, so not shown. */
  unsupportedContentIds: string[];
  /** References dropped because they were relative, used another scheme or an unsafe `data:`. */
  droppedReferences: number;
  /** Style attributes and `<style>` elements removed whole for hiding tokens in CSS escapes. */
  unsafeCssRemoved: number;
}

/** Options of the resource pass. */
export interface ResourceOptions {
  /** Keep remote URLs: all of them (`true`), none, or only those in the set. */
  allowRemote: boolean | ReadonlySet<string>;
  cid: CidResolver;
}

/** Marks written on elements so the preview can style and describe what it changed. */
export const MARK = {
  blocked: `${PREVIEW_ATTRIBUTE_PREFIX}blocked`,
  missingCid: `${PREVIEW_ATTRIBUTE_PREFIX}missing-cid`,
  trackingPixel: `${PREVIEW_ATTRIBUTE_PREFIX}tracking-pixel`,
  own: `${PREVIEW_ATTRIBUTE_PREFIX}own`,
} as const;

const CSS_KIND: Record<CssUrlContext, RemoteKind> = {
  image: 'background',
  font: 'font',
  import: 'stylesheet',
};

class ResourcePass {
  readonly remote = new Map<string, RemoteResource>();
  readonly missing = new Set<string>();
  readonly unsupported = new Set<string>();
  dropped = 0;
  unsafeCss = 0;

  constructor(readonly options: ResourceOptions) {}

  // Returns the URL to keep in place of `raw`, or null to remove it.
  map(raw: string, kind: RemoteKind, trackingPixel = false): string | null {
    const url = classifyResourceUrl(raw);
    switch (url.kind) {
      case 'remote': {
        const known = this.remote.get(url.url);
        if (known) known.trackingPixel ||= trackingPixel;
        else this.remote.set(url.url, { url: url.url, kind, trackingPixel });
        const allow = this.options.allowRemote;
        return allow === true || (allow !== false && allow.has(url.url)) ? url.url : null;
      }
      case 'cid': {
        const resolved = this.options.cid.resolve(url.contentId);
        if (resolved.kind === 'resolved') return resolved.url;
        (resolved.kind === 'missing' ? this.missing : this.unsupported).add(url.contentId);
        return null;
      }
      case 'data':
        return url.url;
      case 'dropped':
        if (url.reason !== 'empty') this.dropped++;
        return null;
    }
  }

  css(text: string): string | null {
    const rewritten = rewriteCss(text, (url, context) => this.map(url, CSS_KIND[context]));
    if (rewritten === null) this.unsafeCss++;
    return rewritten;
  }
}

/** Runs the resource pass over a sanitized document, in place. */
export function rewriteResources(document: Document, options: ResourceOptions): ResourceReport {
  const pass = new ResourcePass(options);
  for (const element of Array.from(document.querySelectorAll('*'))) {
    rewriteElement(element, pass);
  }
  return {
    remote: [...pass.remote.values()],
    missingContentIds: [...pass.missing],
    unsupportedContentIds: [...pass.unsupported],
    droppedReferences: pass.dropped,
    unsafeCssRemoved: pass.unsafeCss,
  };
}

function rewriteElement(element: Element, pass: ResourcePass): void {
  const tag = element.localName;
  if (tag === 'link') return rewriteLink(element, pass);
  if (tag === 'style') {
    // Decoded escapes may have put markup back into the CSS: escaped again before it is written.
    const css = pass.css(element.textContent ?? '');
    element.textContent = css === null ? '' : escapeMarkupInCss(css);
  }
  const style = element.getAttribute('style');
  if (style !== null) {
    const css = pass.css(style);
    if (css === null) element.removeAttribute('style');
    else if (css !== style) element.setAttribute('style', css);
  }
  if (element.hasAttribute('background')) {
    rewriteAttribute(element, 'background', pass, 'background');
  }
  if (tag === 'video' || (tag === 'source' && element.parentElement?.localName === 'video')) {
    // Media streams are never loaded (the frame's CSP has no media source); only the poster is.
    if (element.hasAttribute('src')) pass.dropped++;
    element.removeAttribute('src');
    if (tag === 'video') rewriteAttribute(element, 'poster', pass, 'poster');
    return;
  }
  if (tag === 'img' || tag === 'source') rewriteImage(element, pass);
  else if (element.hasAttribute('src')) {
    pass.dropped++;
    element.removeAttribute('src');
  }
}

function rewriteAttribute(element: Element, name: string, pass: ResourcePass, kind: RemoteKind) {
  const value = element.getAttribute(name);
  if (value === null) return;
  const mapped = pass.map(value, kind);
  if (mapped === null) {
    element.removeAttribute(name);
    if (classifyResourceUrl(value).kind === 'remote') element.setAttribute(MARK.blocked, name);
  } else if (mapped !== value) element.setAttribute(name, mapped);
}

function rewriteImage(element: Element, pass: ResourcePass): void {
  const pixel = element.localName === 'img' && isTrackingPixel(element);
  const src = element.getAttribute('src');
  if (src !== null) {
    const url = classifyResourceUrl(src);
    const mapped = pass.map(src, 'image', pixel && url.kind === 'remote');
    if (mapped !== null) element.setAttribute('src', mapped);
    else {
      element.removeAttribute('src');
      if (url.kind === 'remote') element.setAttribute(MARK.blocked, 'src');
      if (url.kind === 'cid') element.setAttribute(MARK.missingCid, url.contentId);
    }
    if (pixel && url.kind === 'remote') element.setAttribute(MARK.trackingPixel, '');
  }
  const srcset = element.getAttribute('srcset');
  if (srcset !== null) {
    const kept = parseSrcset(srcset).flatMap((candidate) => {
      const mapped = pass.map(candidate.url, 'image', pixel);
      return mapped === null ? [] : [{ url: mapped, descriptor: candidate.descriptor }];
    });
    if (kept.length) element.setAttribute('srcset', serializeSrcset(kept));
    else element.removeAttribute('srcset');
  }
}

function rewriteLink(element: Element, pass: ResourcePass): void {
  const rel = (element.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
  const href = element.getAttribute('href');
  if (!rel.includes('stylesheet') || rel.includes('alternate') || href === null) {
    element.remove();
    return;
  }
  const mapped = pass.map(href, 'stylesheet');
  if (mapped === null || !/^https?:/i.test(mapped)) {
    element.remove();
    return;
  }
  // Only what a stylesheet link needs; no `integrity`, `crossorigin` or preload hints.
  const media = element.getAttribute('media');
  for (const attribute of Array.from(element.attributes)) element.removeAttribute(attribute.name);
  element.setAttribute('rel', 'stylesheet');
  element.setAttribute('href', mapped);
  if (media) element.setAttribute('media', media);
}

// 1×1 and hidden images are the classic open-tracking beacons.
function isTrackingPixel(element: Element): boolean {
  const style = (element.getAttribute('style') ?? '').toLowerCase();
  if (/(^|;)\s*display\s*:\s*none|(^|;)\s*visibility\s*:\s*hidden/.test(style)) return true;
  const size = (name: 'width' | 'height'): number | undefined => {
    const fromStyle = new RegExp(`(?:^|;)\\s*${name}\\s*:\\s*([\\d.]+)px`).exec(style)?.[1];
    const raw = fromStyle ?? element.getAttribute(name) ?? undefined;
    const value = raw === undefined ? NaN : parseFloat(raw);
    return Number.isNaN(value) ? undefined : value;
  };
  const width = size('width');
  const height = size('height');
  if (width === 0 || height === 0) return true;
  return width !== undefined && height !== undefined && width <= 1 && height <= 1;
}
