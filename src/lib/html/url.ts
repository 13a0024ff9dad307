/**
 * Classifying the URLs an email refers to. An email has no base URL: a relative reference would
 * resolve against the page showing it (the app's own origin), so only absolute `http(s):`, `cid:`
 * and a few harmless `data:` media types are ever kept in a place that loads something.
 */

/** What a URL in a loading position (image, stylesheet, font, background) refers to. */
export type ResourceUrl =
  | { kind: 'remote'; url: string }
  | { kind: 'cid'; contentId: string }
  | { kind: 'data'; url: string }
  | { kind: 'dropped'; reason: 'empty' | 'relative' | 'scheme' | 'data-type' | 'malformed' };

// A sentinel base tells relative references apart from absolute and protocol-relative ones
// (`//host/x`, and `\\host\x`, which the URL parser treats the same for special schemes).
const SENTINEL_HOST = 'relative.mailwright.invalid';
const SENTINEL_BASE = `https://${SENTINEL_HOST}/`;

// Image and font types that are inert wherever they load; `data:text/html`, `data:image/svg+xml`
// in a stylesheet position and every other type are dropped. SVG is inert as an <img> source.
const SAFE_DATA_URL =
  /^data:(?:image\/(?:png|gif|jpe?g|pjpeg|webp|avif|bmp|x-icon|vnd\.microsoft\.icon|svg\+xml)|font\/[a-z0-9.+-]+|application\/(?:font-woff2?|x-font-[a-z0-9-]+|vnd\.ms-fontobject))[;,]/i;

// Browsers strip leading/trailing C0 controls and spaces and ignore tabs and newlines anywhere
// in a URL (WHATWG URL), which is how `java\tscript:` works; classify what the browser would see.
const STRIPPED = /[\t\n\r]/g;
// eslint-disable-next-line no-control-regex -- C0 controls are exactly what browsers trim
const TRIMMED = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g;

/** Normalizes a URL the way a browser's URL parser would see it before parsing. */
export function normalizeUrlText(raw: string): string {
  return raw.replace(STRIPPED, '').replace(TRIMMED, '');
}

/**
 * Classifies a URL found where the browser would load it (`src`, `background`, CSS `url()`).
 * Remote URLs come back absolute; protocol-relative ones become `https:`.
 */
export function classifyResourceUrl(raw: string): ResourceUrl {
  const text = normalizeUrlText(raw);
  if (text === '') return { kind: 'dropped', reason: 'empty' };
  if (/^cid:/i.test(text)) return { kind: 'cid', contentId: contentIdFromCidUrl(text) };
  if (/^data:/i.test(text)) {
    return SAFE_DATA_URL.test(text)
      ? { kind: 'data', url: text }
      : { kind: 'dropped', reason: 'data-type' };
  }
  let url: URL;
  try {
    url = new URL(text, SENTINEL_BASE);
  } catch {
    return { kind: 'dropped', reason: 'malformed' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { kind: 'dropped', reason: 'scheme' };
  }
  if (url.hostname === SENTINEL_HOST) return { kind: 'dropped', reason: 'relative' };
  // A protocol-relative reference would inherit the app's scheme; mail clients load it as https.
  if (!/^[a-z][a-z0-9+.-]*:/i.test(text)) url.protocol = 'https:';
  return { kind: 'remote', url: url.href };
}

/** What a link (`<a href>`, `<area href>`) may point to. */
export type LinkUrl =
  { kind: 'external'; url: string } | { kind: 'fragment'; url: string } | { kind: 'dropped' };

/** Classifies a link target: web and mail links open outside the app, fragments stay inside. */
export function classifyLinkUrl(raw: string): LinkUrl {
  const text = normalizeUrlText(raw);
  if (text.startsWith('#')) return { kind: 'fragment', url: text };
  if (/^(?:mailto|tel|sms):/i.test(text)) return { kind: 'external', url: text };
  const resource = classifyResourceUrl(text);
  return resource.kind === 'remote' ? { kind: 'external', url: resource.url } : { kind: 'dropped' };
}

/**
 * The Content-ID a `cid:` URL names. RFC 2392 §2: the part after `cid:` is the addr-spec of the
 * Content-ID without angle brackets, %-encoded where needed.
 */
export function contentIdFromCidUrl(url: string): string {
  const value = url.replace(/^cid:/i, '');
  let decoded = value;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    // A malformed escape is kept as written; it will simply not match a part.
  }
  return normalizeContentId(decoded);
}

/** A Content-ID without surrounding whitespace and angle brackets, for comparing. */
export function normalizeContentId(contentId: string): string {
  return contentId.trim().replace(/^<\s*/, '').replace(/\s*>$/, '');
}

/** One candidate of a `srcset` attribute. */
export interface SrcsetCandidate {
  url: string;
  descriptor: string;
}

/**
 * Splits a `srcset` into candidates following the HTML standard's parsing outline (a URL runs to
 * the next whitespace; descriptors run to the next comma outside parentheses), so `data:` URLs
 * with commas survive.
 */
export function parseSrcset(srcset: string): SrcsetCandidate[] {
  const out: SrcsetCandidate[] = [];
  let i = 0;
  const n = srcset.length;
  const isSpace = (c: string | undefined) => c !== undefined && /[\t\n\f\r ]/.test(c);
  while (i < n) {
    while (i < n && (isSpace(srcset[i]) || srcset[i] === ',')) i++;
    if (i >= n) break;
    let start = i;
    while (i < n && !isSpace(srcset[i])) i++;
    let url = srcset.slice(start, i);
    let descriptor = '';
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      start = i;
      let depth = 0;
      while (i < n) {
        const c = srcset[i];
        if (c === '(') depth++;
        else if (c === ')' && depth > 0) depth--;
        else if (c === ',' && depth === 0) break;
        i++;
      }
      descriptor = srcset.slice(start, i).trim();
      i++;
    }
    if (url) out.push({ url, descriptor });
  }
  return out;
}

/** Writes candidates back as a `srcset` value. */
export function serializeSrcset(candidates: readonly SrcsetCandidate[]): string {
  return candidates.map((c) => (c.descriptor ? `${c.url} ${c.descriptor}` : c.url)).join(', ');
}
