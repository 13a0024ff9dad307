/**
 * `cid:` references (RFC 2392) resolve to the message's own inline parts. They become `data:`
 * URLs: a sandboxed frame can always load those, they need no revoking, and the frame's CSP
 * allows them for images and fonts only.
 *
 * SVG is the one image type that can hold script. An SVG part is sanitized first and always
 * travels as a `data:` URL, whatever URL factory the caller chose: a `blob:` URL belongs to the
 * page's origin, so an SVG behind one, opened as a page, would run in the app itself.
 */
import { encodeBase64 } from '../mime/index.ts';
import { sanitizeSvg } from './sanitize.ts';
import { normalizeContentId } from './url.ts';

/** An inline part a `cid:` URL can refer to. */
export interface InlinePart {
  /** The part's Content-ID, with or without angle brackets. */
  contentId: string;
  /** Its media type, e.g. `image/png`. */
  contentType: string;
  /** Its decoded bytes. */
  content: Uint8Array;
}

/** Inline parts as a caller has them: a list, or a map keyed by Content-ID. */
export type InlinePartsSpec = readonly InlinePart[] | ReadonlyMap<string, InlinePart>;

// Types a URL may carry into the frame: images and fonts, which cannot run script there nor when
// opened as a page. SVG, which can, is resolved only once sanitized (see `svgDataUrlFor`).
const PASSIVE_TYPE =
  /^(?:image\/(?:png|gif|jpeg|pjpeg|webp|avif|bmp|x-icon|vnd\.microsoft\.icon)|font\/[a-z0-9.+-]+|application\/(?:font-woff2?|x-font-[a-z0-9-]+|vnd\.ms-fontobject))$/;

/** How a `cid:` reference resolved. */
export type CidResolution =
  | { kind: 'resolved'; url: string }
  | { kind: 'missing' }
  | { kind: 'unsupported'; contentType: string };

const SVG_TYPE = 'image/svg+xml';
const svgUrlCache = new WeakMap<Uint8Array, string | null>();

/** A `data:` URL for an SVG part, sanitized; null when the part holds no SVG image. */
export function svgDataUrlFor(content: Uint8Array): string | null {
  let url = svgUrlCache.get(content);
  if (url === undefined) {
    const svg = sanitizeSvg(new TextDecoder().decode(content));
    url = svg === null ? null : dataUrlFor(SVG_TYPE, new TextEncoder().encode(svg));
    svgUrlCache.set(content, url);
  }
  return url;
}

const dataUrlCache = new WeakMap<Uint8Array, Map<string, string>>();

/** A `data:` URL for a part's bytes (cached per byte array, since previews rebuild often). */
export function dataUrlFor(contentType: string, content: Uint8Array): string {
  let byType = dataUrlCache.get(content);
  if (!byType) dataUrlCache.set(content, (byType = new Map()));
  let url = byType.get(contentType);
  if (url === undefined) {
    url = `data:${contentType};base64,${encodeBase64(content)}`;
    byType.set(contentType, url);
  }
  return url;
}

/** Makes the URL an inline part is shown through, given its checked media type. */
export type PartUrlFactory = (contentType: string, content: Uint8Array) => string;

/** Looks inline parts up by Content-ID, compared without brackets and case-insensitively. */
export class CidResolver {
  readonly #parts = new Map<string, InlinePart>();
  readonly #used = new Set<string>();
  readonly #urlFor: PartUrlFactory;

  constructor(parts: InlinePartsSpec = [], urlFor: PartUrlFactory = dataUrlFor) {
    this.#urlFor = urlFor;
    const list = Array.isArray(parts)
      ? (parts as readonly InlinePart[])
      : [...(parts as ReadonlyMap<string, InlinePart>).values()];
    for (const part of list) {
      const key = normalizeContentId(part.contentId).toLowerCase();
      if (key && !this.#parts.has(key)) this.#parts.set(key, part);
    }
  }

  /** Resolves a Content-ID (as `contentIdFromCidUrl` gives it) to a loadable URL. */
  resolve(contentId: string): CidResolution {
    const key = normalizeContentId(contentId).toLowerCase();
    const part = this.#parts.get(key);
    if (!part) return { kind: 'missing' };
    const type = part.contentType.trim().toLowerCase().split(';')[0]?.trim() ?? '';
    if (type !== SVG_TYPE && !PASSIVE_TYPE.test(type))
      return { kind: 'unsupported', contentType: type };
    const url = type === SVG_TYPE ? svgDataUrlFor(part.content) : this.#urlFor(type, part.content);
    if (url === null) return { kind: 'unsupported', contentType: type };
    this.#used.add(key);
    return { kind: 'resolved', url };
  }

  /** Content-IDs of the parts that some reference resolved to. */
  get usedContentIds(): string[] {
    return [...this.#used];
  }
}

/**
 * `blob:` URLs for inline parts, one per byte array and type, revoked when the parts are gone.
 * Only for frames that share the page's origin: a blob URL belongs to the origin that made it.
 * Only for passive types: a type that can run script when opened as a page is refused.
 */
export class PartBlobUrls {
  readonly #urls = new Map<Uint8Array, Map<string, string>>();

  /** The URL for a part's bytes (a `PartUrlFactory`). */
  readonly urlFor: PartUrlFactory = (contentType, content) => {
    let byType = this.#urls.get(content);
    if (!byType) this.#urls.set(content, (byType = new Map()));
    let url = byType.get(contentType);
    if (url === undefined) {
      if (!PASSIVE_TYPE.test(contentType)) {
        throw new RangeError(`An inline part of type ${contentType} never gets a blob: URL.`);
      }
      url = URL.createObjectURL(
        new Blob([content as Uint8Array<ArrayBuffer>], { type: contentType }),
      );
      byType.set(contentType, url);
    }
    return url;
  };

  /** Revokes the URLs of every byte array not among `contents`. */
  retain(contents: Iterable<Uint8Array>): void {
    const keep = new Set(contents);
    for (const [content, byType] of this.#urls) {
      if (keep.has(content)) continue;
      for (const url of byType.values()) URL.revokeObjectURL(url);
      this.#urls.delete(content);
    }
  }

  /** Revokes every URL. */
  dispose(): void {
    this.retain([]);
  }
}

/** The byte arrays of a parts spec, for `PartBlobUrls.retain`. */
export function partContents(parts: InlinePartsSpec | undefined): Uint8Array[] {
  if (!parts) return [];
  const list = Array.isArray(parts)
    ? (parts as readonly InlinePart[])
    : [...(parts as ReadonlyMap<string, InlinePart>).values()];
  return list.map((part) => part.content);
}
