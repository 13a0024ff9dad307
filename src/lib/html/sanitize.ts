/**
 * The one place untrusted HTML meets DOMPurify. The policy is DOMPurify's default HTML policy
 * adjusted for email:
 * - whole documents are kept (`<html>`, `<head>`, `<body>` and their attributes: `bgcolor`,
 *   `background`, `text`, `link`), with `<style>` in head and body, media queries included;
 * - the presentational attributes of table layouts that email still relies on are added
 *   (`bgcolor`, `valign`, `cellpadding`, `hspace`, `bordercolor`, `leftmargin`, …);
 * - `<link>` is allowed so remote stylesheets can be counted and, when allowed, loaded; the
 *   resource pass keeps only `rel=stylesheet` with an `http(s)` URL;
 * - forms and their controls, `<template>`, SVG and MathML are removed (DOMPurify keeps them):
 *   an email has no use for them and each widens the surface for markup tricks;
 * - attributes named `data-mw-*` are removed, since the preview uses them for its own marks.
 * Scripts, event handlers, `javascript:`/`vbscript:` URLs, `<base>`, `<meta>`, frames, objects
 * and embeds are removed by DOMPurify's default policy. Comments are removed afterwards: an
 * Outlook conditional comment (`<!--[if mso]>…<![endif]-->`) hides its content from every other
 * client, so dropping it shows what a standards-based client shows, while the "downlevel-revealed"
 * content between `<!--[if !mso]><!-->` and `<!--<![endif]-->` stays.
 */
import DOMPurify, { type Config, type DOMPurify as Purifier } from 'dompurify';
import { escapeMarkupInCss, rewriteCss } from './css.ts';
import { countOutlookOnlyBlocks } from './limits.ts';

/** Prefix of the attributes the preview writes itself; never accepted from the email. */
export const PREVIEW_ATTRIBUTE_PREFIX = 'data-mw-';

const FORBID_TAGS = [
  'form',
  'input',
  'button',
  'select',
  'option',
  'optgroup',
  'datalist',
  'textarea',
  'output',
  'template',
  'slot',
  'shadow',
  'content',
  'element',
  'decorator',
  'dialog',
  'svg',
  'math',
  'audio',
  'track',
];

const FORBID_ATTR = [
  'action',
  'method',
  'enctype',
  'formaction',
  'ping',
  'popover',
  'popovertarget',
  'popovertargetaction',
  'command',
  'commandfor',
  'autofocus',
  'nonce',
];

// Presentational attributes of HTML 4 email layouts that DOMPurify's default list lacks.
const ADD_ATTR = [
  'text',
  'link',
  'vlink',
  'alink',
  'leftmargin',
  'topmargin',
  'marginwidth',
  'marginheight',
  'bordercolor',
  'hspace',
  'vspace',
  'frame',
  'rules',
  'char',
  'charoff',
  'abbr',
  'axis',
];

const CONFIG: Config = {
  WHOLE_DOCUMENT: true,
  ADD_TAGS: ['link'],
  ADD_ATTR,
  FORBID_TAGS,
  FORBID_ATTR,
};

let purifier: Purifier | undefined;

function getPurifier(): Purifier {
  if (purifier) return purifier;
  if (typeof window === 'undefined') {
    throw new RangeError('Sanitizing HTML needs a DOM: run it in a browser or under jsdom.');
  }
  const instance = DOMPurify(window);
  instance.addHook('uponSanitizeElement', (node, data) => {
    if (data.tagName === 'style') defuseMarkupInStyle(node);
  });
  instance.addHook('uponSanitizeAttribute', (_node, data) => {
    if (data.attrName.toLowerCase().startsWith(PREVIEW_ATTRIBUTE_PREFIX)) data.keepAttr = false;
    else if (sanitizingSvg && !isLocalSvgAttribute(data.attrName, data.attrValue)) {
      data.keepAttr = false;
    }
  });
  instance.addHook('afterSanitizeElements', (node) => {
    if (sanitizingSvg && (node as Element).localName === 'style') {
      node.textContent = localSvgCss(node.textContent ?? '') ?? '';
    }
  });
  purifier = instance;
  return instance;
}

/**
 * Email stylesheets are often wrapped in `<!-- … -->` for clients of the 1990s, and DOMPurify
 * removes a `<style>` whose text looks like markup, taking the whole stylesheet with it; such
 * text is made inert first (see `escapeMarkupInCss`).
 */
function defuseMarkupInStyle(node: Node): void {
  const css = node.textContent ?? '';
  const safe = escapeMarkupInCss(css);
  if (safe !== css) node.textContent = safe;
}

/** The result of sanitizing an email's HTML: a detached document, safe to modify and render. */
export interface SanitizedHtml {
  /** A document parsed from DOMPurify's output, without comments. */
  document: Document;
  /** How many Outlook-only conditional blocks the email had (not shown: other clients skip them). */
  outlookOnlyBlocks: number;
}

/** Sanitizes an email's HTML as a whole document under the email policy described above. */
export function sanitizeEmailHtml(html: string): SanitizedHtml {
  const clean = getPurifier().sanitize(html, CONFIG) as unknown as string;
  const document = new DOMParser().parseFromString(clean, 'text/html');
  removeComments(document);
  return {
    document,
    outlookOnlyBlocks: countOutlookOnlyBlocks(html),
  };
}

function removeComments(document: Document): void {
  const walker = document.createTreeWalker(document, 0x80 /* NodeFilter.SHOW_COMMENT */);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const comment of comments) comment.parentNode?.removeChild(comment);
}

/** Sanitizes a fragment of untrusted HTML (not a whole email) under the same policy. */
export function sanitizeFragment(html: string): string {
  return getPurifier().sanitize(html, { ...CONFIG, WHOLE_DOCUMENT: false }) as unknown as string;
}

// Set while an SVG image is sanitized, so the shared hooks apply the SVG image rules too.
let sanitizingSvg = false;

const SVG_CONFIG: Config = {
  USE_PROFILES: { svg: true, svgFilters: true },
  FORBID_TAGS: [
    'a',
    'foreignObject',
    'script',
    'animate',
    'set',
    'animateMotion',
    'animateTransform',
  ],
  RETURN_DOM_FRAGMENT: true,
};

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

// CSS in an SVG image may refer to the image's own fragments (`url(#gradient)`) and nothing else.
function localSvgCss(css: string): string | null {
  return rewriteCss(css, (url) => (url.startsWith('#') ? url : null));
}

// An SVG image keeps only references inside itself: no remote image, stylesheet or font, which
// would load if the image were opened as a page.
function isLocalSvgAttribute(name: string, value: string): boolean {
  const lower = name.toLowerCase();
  if (lower === 'href' || lower === 'xlink:href') return value.trim().startsWith('#');
  if (lower === 'style') return localSvgCss(value) === value;
  if (/url\s*\(/i.test(value)) return /^\s*url\(\s*["']?#[^)]*\)\s*$/i.test(value);
  return true;
}

/**
 * Sanitizes an SVG image (an inline part of type `image/svg+xml`) under DOMPurify's SVG profile:
 * no script, no handler, no link, no foreign HTML and no reference outside the image itself, so
 * that the image is inert even when opened as a page. Returns the image as XML, or null when the
 * text holds no SVG image.
 */
export function sanitizeSvg(text: string): string | null {
  sanitizingSvg = true;
  let fragment: DocumentFragment;
  try {
    fragment = getPurifier().sanitize(text, SVG_CONFIG) as unknown as DocumentFragment;
  } finally {
    sanitizingSvg = false;
  }
  const root = fragment.firstElementChild;
  if (!root || root.localName !== 'svg' || root.namespaceURI !== SVG_NAMESPACE) return null;
  return new XMLSerializer().serializeToString(root);
}
