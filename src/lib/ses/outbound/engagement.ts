/**
 * Open and click tracking. When a message's configuration set has an event destination for
 * `CLICK`, SES sends each recipient the HTML with its `http`/`https` links pointing at a tracking
 * host (`https://<id>.r.<region>.awstrack.me/L0/<link>/…`, or the set's custom redirect domain
 * with `CL0`), except links marked `ses:no-track`; for `OPEN` it adds a 1×1 image before the end
 * of the body. Only HTML parts change, and every recipient gets its own links. Text parts and
 * attachments keep their bytes.
 *
 * The path after the encoded link (`/1/<message id>/<token>=<number>`) is modelled on the links
 * SES sends; the token here is a hash of the message id and the recipient, not SES's.
 */
import { destinationsFor, type ConfigurationSet } from '../account/configuration-sets.ts';
import { scanLinks } from './html-links.ts';
import { rewriteBodyText } from './body-text-rewrite.ts';
import { UNSUBSCRIBE_HOST } from './list-management.ts';

/** What a message's configuration set tracks, decided when the message is sent. */
export interface MessageTracking {
  open: boolean;
  click: boolean;
  /** The set's custom redirect domain at the time of sending. */
  customRedirectDomain?: string;
}

/** A link as one recipient sees it. */
export interface TrackedLink {
  /** Position among the message's tracked links, from 0. */
  index: number;
  /** The link in the delivered HTML. */
  url: string;
  /** The link as the sender wrote it. */
  originalUrl: string;
  /** From the link's `ses:tags` attribute. */
  tags: Record<string, string[]>;
}

/** Who a tracked copy is for. */
export interface TrackingTarget {
  tracking: MessageTracking;
  messageId: string;
  recipient: string;
  region: string;
  accountId: string;
}

/** What a set tracks, or undefined when it has no enabled destination for opens or clicks. */
export function trackingOf(set: ConfigurationSet | undefined): MessageTracking | undefined {
  if (!set) return undefined;
  const open = destinationsFor(set, 'OPEN').length > 0;
  const click = destinationsFor(set, 'CLICK').length > 0;
  if (!open && !click) return undefined;
  return {
    open,
    click,
    ...(set.customRedirectDomain !== undefined
      ? { customRedirectDomain: set.customRedirectDomain }
      : {}),
  };
}

/** FNV-1a over a text, from a seed: stable, short hashes for the ids in tracking links. */
function hash(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

function hashText(text: string, rounds: number): string {
  let out = '';
  for (let r = 0; r < rounds; r++) out += hash(text, r).toString(36).padStart(7, '0');
  return out;
}

/** `https://<id>.r.<region>.awstrack.me` for the account, or the custom redirect domain. */
function trackingBase(target: TrackingTarget): { base: string; prefix: string } {
  const domain = target.tracking.customRedirectDomain;
  if (domain !== undefined) return { base: `https://${domain}`, prefix: 'C' };
  const id = hashText(`${target.accountId}/${target.region}`, 2).slice(0, 8);
  return { base: `https://${id}.r.${target.region}.awstrack.me`, prefix: '' };
}

function recipientToken(target: TrackingTarget): string {
  return hashText(`${target.messageId}\n${target.recipient}`, 4);
}

/** A link as SES writes it into the path: percent-encoded, with `:` left as it is. */
function encodeLink(url: string): string {
  return encodeURIComponent(url).replaceAll('%3A', ':');
}

/** The `ses:tags` attribute (`name:value;name:value`) as a tag map. */
export function parseLinkTags(text: string): Record<string, string[]> {
  const tags: Record<string, string[]> = {};
  for (const pair of text.split(';')) {
    const colon = pair.indexOf(':');
    if (colon <= 0) continue;
    const name = pair.slice(0, colon).trim();
    const value = pair.slice(colon + 1).trim();
    if (name) tags[name] = [...(tags[name] ?? []), value];
  }
  return tags;
}

/**
 * Whether click tracking wraps a link: `http` and `https` links, except SES's own unsubscribe
 * link, whose use SES reports as a Subscription event instead.
 */
function isTrackable(url: string): boolean {
  const lower = url.trim().toLowerCase();
  if (lower.startsWith(`https://${UNSUBSCRIBE_HOST}/`)) return false;
  return lower.startsWith('http://') || lower.startsWith('https://');
}

/** The open pixel SES adds for a recipient. */
export function openPixel(target: TrackingTarget): string {
  const { base, prefix } = trackingBase(target);
  const src = `${base}/${prefix}I0/${target.messageId}/${recipientToken(target)}=0`;
  return `<img alt="" src="${src}" style="display: none; width: 1px; height: 1px;">`;
}

/**
 * One HTML body as the recipient receives it, its links numbered from `first`.
 */
export function trackHtml(
  html: string,
  target: TrackingTarget,
  first: number,
): { html: string; links: TrackedLink[] } {
  const scan = scanLinks(html);
  const { base, prefix } = trackingBase(target);
  const token = recipientToken(target);
  const links: TrackedLink[] = [];
  let out = '';
  let cursor = 0;
  if (target.tracking.click) {
    for (const link of scan.links) {
      if (link.attributes.some((a) => a.name === 'ses:no-track')) continue;
      const originalUrl = link.href.value.trim();
      if (!isTrackable(originalUrl)) continue;
      const index = first + links.length;
      const url = `${base}/${prefix}L0/${encodeLink(originalUrl)}/1/${target.messageId}/${token}=${index + 1}`;
      const tagText = link.attributes.find((a) => a.name === 'ses:tags')?.value;
      links.push({ index, url, originalUrl, tags: tagText ? parseLinkTags(tagText) : {} });
      out += `${html.slice(cursor, link.href.start)}"${url}"`;
      cursor = link.href.end;
    }
  }
  const pixelAt = target.tracking.open ? (scan.bodyEnd ?? scan.htmlEnd ?? html.length) : -1;
  if (pixelAt >= cursor) {
    out += html.slice(cursor, pixelAt) + openPixel(target);
    cursor = pixelAt;
  }
  return { html: out + html.slice(cursor), links };
} // prettier-ignore

/**
 * The delivered message as one recipient receives it: each HTML body part tracked through
 * `rewriteBodyText`, which keeps every other byte of the message. Gives the message unchanged
 * when nothing is tracked.
 */
export function trackMessage(
  raw: Uint8Array,
  target: TrackingTarget,
): { raw: Uint8Array; links: TrackedLink[] } {
  const links: TrackedLink[] = [];
  const tracked = rewriteBodyText(raw, (text, contentType) => {
    if (contentType !== 'text/html') return text;
    const result = trackHtml(text, target, links.length);
    links.push(...result.links);
    return result.html;
  });
  return { raw: tracked, links };
}

/** A link by its index, its tracked URL or its original URL; RangeError when there is none. */
export function findLink(links: readonly TrackedLink[], which: number | string): TrackedLink {
  const found =
    typeof which === 'number'
      ? links[which]
      : links.find((link) => link.url === which || link.originalUrl === which);
  if (!found) {
    throw new RangeError(
      typeof which === 'number'
        ? `The message has no tracked link number ${which}; it has ${links.length}.`
        : `The message has no tracked link to ${which}.`,
    );
  }
  return found;
}
