/**
 * Size, links and images: Gmail's clipping, SES's size limits, unsafe or broken links, link text
 * that misleads or says nothing, and images without alt text, size, part or reasonable weight.
 */
import { SES_V1_MAX_MESSAGE_BYTES, SES_V2_MAX_MESSAGE_BYTES } from '../mime/index.ts';
import type { FindingList } from './findings.ts';
import type { HtmlElement } from './html-document.ts';
import { documentStyles, inlineValue } from './styles.ts';
import type { CheckedMessage } from './message.ts';
import {
  domainShownIn,
  hostOf,
  isPlaceholder,
  isWellFormedWebUrl,
  sameOrganization,
  schemeOf,
  UNSAFE_SCHEMES,
} from './urls.ts';

/** Gmail clips an HTML body whose decoded size is over about 102 KB and hides the rest. */
export const GMAIL_CLIP_BYTES = 102 * 1024;
/** Images heavier than this load slowly on mobile and count against the message size. */
export const IMAGE_MAX_BYTES = 1024 * 1024;

/** Link texts that tell a reader nothing about where a link goes (WCAG 2.4.4). */
const VAGUE_LINK_TEXT = new Set([
  'click here', 'here', 'click', 'read more', 'more', 'link', 'this link', 'click this link',
  'go', 'this', 'learn more', 'more info', 'details', 'tap here',
]); // prettier-ignore

function utf8Size(text: string): number {
  return new TextEncoder().encode(text).length;
}

function checkSize(message: CheckedMessage, list: FindingList): void {
  const size = message.raw.length;
  const all = { range: { start: 0, end: size } };
  if (size > SES_V2_MAX_MESSAGE_BYTES) {
    list.add('ses-size-limit', 'error', `The message is ${size} bytes, over SES's 40 MB limit; send large files as links instead of attachments.`, all);
  } else if (size > SES_V1_MAX_MESSAGE_BYTES) {
    list.add('ses-size-limit', 'warning', `The message is ${size} bytes, over the 10 MB that SES's v1 API and many receivers accept; send large files as links.`, all);
  } // prettier-ignore
  const html = message.html;
  if (!html) return;
  const htmlBytes = utf8Size(html.source.text);
  if (htmlBytes > GMAIL_CLIP_BYTES) {
    const at = Math.min(html.source.text.length, GMAIL_CLIP_BYTES);
    list.add(
      'gmail-clipping',
      'warning',
      `The HTML body is ${Math.round(htmlBytes / 1024)} KB decoded; Gmail clips anything over about 102 KB behind "View entire message", so trim markup or inline CSS.`,
      { source: html.source, start: at, end: html.source.text.length },
    );
  }
}

function linkPlace(message: CheckedMessage, element: HtmlElement) {
  const href = element.attrs.get('href');
  return { source: message.html!.source, start: href?.start ?? element.start, end: href?.end ?? element.end };
} // prettier-ignore

function checkLink(message: CheckedMessage, element: HtmlElement, list: FindingList): void {
  const href = element.attrs.get('href')!.value.trim();
  const place = linkPlace(message, element);
  const text = element.text.replace(/\s+/g, ' ').trim();
  if (VAGUE_LINK_TEXT.has(text.toLowerCase().replace(/[.!…:>»→]+$/, ''))) {
    list.add('link-text-vague', 'warning', `The link text "${text}" does not say where it goes; write what the reader gets, e.g. "Read the March invoice".`, place);
  } // prettier-ignore
  if (href === '' || href.startsWith('#') || isPlaceholder(href)) return;
  const scheme = schemeOf(href);
  if (scheme && UNSAFE_SCHEMES.has(scheme)) {
    list.add('link-unsafe', 'error', `A link uses ${scheme}:, which mail clients block and filters treat as an attack; link to an https page instead.`, place);
    return;
  } // prettier-ignore
  if (scheme === 'mailto' || scheme === 'tel' || scheme === 'sms') return;
  if (scheme !== 'http' && scheme !== 'https') {
    const what = scheme ? `the unknown scheme ${scheme}:` : 'no scheme, so it is relative to nothing in a mail client';
    list.add('link-malformed', 'error', `The link "${href.slice(0, 80)}" has ${what}; write a full https:// URL.`, place);
    return;
  } // prettier-ignore
  if (!isWellFormedWebUrl(href)) {
    list.add('link-malformed', 'error', `The link "${href.slice(0, 80)}" is not a valid URL; check for spaces, a missing host or stray characters.`, place);
    return;
  } // prettier-ignore
  if (scheme === 'http') {
    list.add('link-insecure', 'warning', `The link to ${hostOf(href)} uses http:; use https: so that readers are not warned and the link cannot be tampered with.`, place);
  } // prettier-ignore
  const shown = domainShownIn(text);
  const target = hostOf(href);
  if (shown && target && !sameOrganization(shown, target)) {
    list.add('link-text-mismatch', 'warning', `The link text shows ${shown} but the link goes to ${target}; filters flag this as phishing, so show the real destination or use descriptive words.`, place);
  } // prettier-ignore
}

function checkLinks(message: CheckedMessage, list: FindingList): void {
  const document = message.html?.document;
  if (!document) return;
  for (const element of document.elements) {
    if ((element.name === 'a' || element.name === 'area') && element.attrs.has('href')) {
      checkLink(message, element, list);
    }
  }
}

/** Decoded size of a `data:` URL's content, without decoding it. */
function dataUrlSize(url: string): number {
  const comma = url.indexOf(',');
  const payload = url.slice(comma + 1);
  return /;base64$/i.test(url.slice(0, comma))
    ? Math.floor((payload.length * 3) / 4)
    : payload.length;
}

function checkImages(message: CheckedMessage, list: FindingList): void {
  const html = message.html;
  const contentIds = new Map<string, number>();
  for (const attachment of message.inspection.attachments) {
    if (attachment.contentId) {
      contentIds.set(attachment.contentId.replace(/^<|>$/g, '').toLowerCase(), attachment.size);
    }
  }
  if (!html) return;
  let remote = 0;
  let firstRemote: HtmlElement | undefined;
  const styles = documentStyles(html.document);
  for (const [index, image] of html.document.elements.entries()) {
    if (image.name !== 'img') continue;
    const place = { source: html.source, start: image.start, end: image.end };
    const src = image.attrs.get('src')?.value.trim() ?? '';
    if (!image.attrs.has('alt')) {
      list.add('img-missing-alt', 'warning', `An image has no alt attribute; add alt text saying what it shows, or alt="" when it is decoration.`, place);
    } // prettier-ignore
    const hasSize = image.attrs.has('width') || inlineValue(styles, index, 'width') !== undefined;
    if (!hasSize) {
      list.add('img-missing-size', 'warning', `An image has no width; add width (and height) attributes so that Outlook does not show it at its full size and the layout does not jump while it loads.`, place);
    } // prettier-ignore
    const scheme = schemeOf(src);
    let size: number | undefined;
    if (scheme === 'cid') {
      let id = src.slice(4);
      try {
        id = decodeURIComponent(id);
      } catch {
        // An id with a stray % is looked up as written.
      }
      size = contentIds.get(id.toLowerCase());
      if (size === undefined) {
        list.add('cid-missing-part', 'error', `The image refers to ${src}, but no part of the message has that Content-ID; attach the image inline with that id or fix the reference.`, place);
      } // prettier-ignore
    } else if (scheme === 'data') {
      size = dataUrlSize(src);
    } else if ((scheme === 'http' || scheme === 'https') && !isPlaceholder(src)) {
      remote++;
      firstRemote ??= image;
    }
    if (size !== undefined && size > IMAGE_MAX_BYTES) {
      list.add('img-too-large', 'warning', `An image is ${(size / 1048576).toFixed(1)} MB; compress or resize it to well under 1 MB so that it loads on mobile connections.`, place);
    } // prettier-ignore
  }
  if (firstRemote) {
    list.add('remote-images', 'info', `${remote} image${remote === 1 ? ' loads' : 's load'} from the web; many clients block remote images until the reader allows them, so make sure the message reads well without them.`, { source: html.source, start: firstRemote.start, end: firstRemote.end });
  } // prettier-ignore
}

/** Run the size, link and image checks. */
export function checkContent(message: CheckedMessage, list: FindingList): void {
  checkSize(message, list);
  checkLinks(message, list);
  checkImages(message, list);
}
