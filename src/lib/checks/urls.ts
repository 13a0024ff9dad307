/**
 * URLs as links and images use them: the scheme, the host, and whether it parses at all.
 */
import { organizationalDomain } from '../mime/dmarc-alignment.ts';

/** Schemes that run code or hide content when followed from mail. */
export const UNSAFE_SCHEMES = new Set(['javascript', 'data', 'vbscript']);

/** Template placeholders (`{{url}}`, `%%link%%`, `*|UNSUB|*`, `${x}`) that a sender fills later. */
export function isPlaceholder(url: string): boolean {
  return /\{\{|\}\}|%%|\*\||\|\*|\$\{|\[\[/.test(url);
}

/** The scheme of a URL, lower-case, or undefined for a relative one. */
export function schemeOf(url: string): string | undefined {
  const match = /^\s*([a-z][a-z0-9+.-]*):/i.exec(url);
  return match ? match[1]!.toLowerCase() : undefined;
}

/** The host of an absolute http(s) URL, lower-case, or undefined when it has none or is broken. */
export function hostOf(url: string): string | undefined {
  try {
    const parsed = new URL(url.trim());
    return parsed.hostname ? parsed.hostname.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/** Whether an http(s) URL parses and names a plausible host. */
export function isWellFormedWebUrl(url: string): boolean {
  const trimmed = url.trim();
  if (/\s/.test(trimmed)) return false;
  const host = hostOf(trimmed);
  return host !== undefined && (host.includes('.') || host === 'localhost' || host.startsWith('['));
}

/** The domain a piece of link text shows, when the text looks like a URL or a domain. */
export function domainShownIn(text: string): string | undefined {
  const trimmed = text.trim().toLowerCase();
  const match =
    /^(?:https?:\/\/)?(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})(?:[/:?#]\S*)?$/.exec(
      trimmed,
    );
  return match ? match[1] : undefined;
}

/** Whether two hosts belong to the same organization (same organizational domain). */
export function sameOrganization(a: string, b: string): boolean {
  return (
    organizationalDomain(a.replace(/^www\./, '')) === organizationalDomain(b.replace(/^www\./, ''))
  );
}
