/**
 * Building the document the preview frame shows: the email sanitized, its resources rewritten,
 * its links made safe, dark mode applied, and a Content Security Policy as the very first
 * element of `<head>`, so it governs everything the email brings. The policy forbids scripts and
 * every network load; with remote content allowed it admits only images, stylesheets and fonts
 * over http(s). It is the second wall behind the sanitizer: whatever the sanitizer missed still
 * cannot run or load.
 */
import { CidResolver, type InlinePartsSpec, type PartUrlFactory } from './cid.ts';
import {
  applyColorScheme,
  declaresDarkSupport,
  DECLARED_DARK_CSS,
  FORCED_INVERSION_CSS,
  type ColorScheme,
} from './dark-mode.ts';
import { limitHtml, type HtmlCut } from './limits.ts';
import { rewriteLinks } from './links.ts';
import { MARK, rewriteResources, type ResourceReport } from './remote-content.ts';
import { sanitizeEmailHtml } from './sanitize.ts';

/** How to build a preview document. */
export interface PreviewOptions {
  /** The message's inline parts, for `cid:` references. */
  inlineParts?: InlinePartsSpec;
  /** How inline parts become URLs (default `data:`; see `PartBlobUrls` for `blob:`). */
  partUrl?: PartUrlFactory;
  /**
   * Load remote images, stylesheets and fonts (the person chose `Load remote content`): `true`
   * for any, or the exact list of remote URLs the person was shown when they chose it. With a
   * list, nothing is loaded unless the email's remote URLs are exactly those: a permission
   * belongs to one message, and any change to its remote content takes it back.
   */
  allowRemote?: boolean | readonly string[];
  /** Render the email's own styles for this scheme (default light). */
  colorScheme?: ColorScheme;
  /** Invert colours as clients without dark-mode support in the email do. */
  invert?: boolean;
}

/** What the preview shows and what it found on the way. */
export interface PreviewReport extends ResourceReport {
  /** Remote content is loaded in this rendering. */
  remoteAllowed: boolean;
  /** External links, which open in a new browsing context. */
  externalLinks: number;
  /** Outlook-only conditional blocks, not shown (as in any client but Outlook). */
  outlookOnlyBlocks: number;
  /** The email has `prefers-color-scheme: dark` styles of its own. */
  hasDarkStyles: boolean;
  /** The email declares dark-mode support (`color-scheme`). */
  declaresDarkSupport: boolean;
  /**
   * The built document would have parsed into elements the sanitizer never emitted, so it was
   * not shown (see `gainsElements`).
   */
  withheld: boolean;
  /** The HTML was too large or too deeply nested to show whole: how it was cut. */
  cut?: HtmlCut;
}

/** A document ready to be put into the preview frame. */
export interface PreviewDocument {
  /** The whole document, starting with `<!DOCTYPE html>`. */
  html: string;
  /** The Content Security Policy inside it. */
  csp: string;
  report: PreviewReport;
}

const NO_LOADS = [
  "default-src 'none'",
  "script-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "child-src 'none'",
  "worker-src 'none'",
  "connect-src 'none'",
  "media-src 'none'",
  "manifest-src 'none'",
  "form-action 'none'",
  "base-uri 'none'",
];

/** The frame's Content Security Policy, with or without remote images, styles and fonts. */
export function frameCsp(allowRemote: boolean): string {
  const remote = allowRemote ? ' http: https:' : '';
  return [
    ...NO_LOADS,
    `style-src 'unsafe-inline'${remote}`,
    `img-src data: blob:${remote}`,
    `font-src data: blob:${remote}`,
  ].join('; ');
}

// How the preview marks what it changed: blocked images keep their box, missing inline images
// are outlined in red.
const MARK_CSS = [
  `img[${MARK.blocked}] { outline: 1px dashed #8a8f98; outline-offset: -1px; }`,
  `img[${MARK.missingCid}] { outline: 2px dashed #a4161a; outline-offset: -2px; min-width: 1.5em; min-height: 1.5em; }`,
].join('\n');

/** Builds the frame document for an email's HTML. */
export function buildPreviewDocument(email: string, options: PreviewOptions = {}): PreviewDocument {
  const limited = limitHtml(email);
  const built = buildLimited(limited.html, options);
  return limited.cut ? { ...built, report: { ...built.report, cut: limited.cut } } : built;
}

function buildLimited(html: string, options: PreviewOptions): PreviewDocument {
  const permission = options.allowRemote ?? false;
  if (typeof permission === 'boolean') return build(html, options, permission);
  const allowed = new Set(permission);
  const built = build(html, options, allowed);
  const found = built.report.remote;
  if (found.length === allowed.size && found.every((resource) => allowed.has(resource.url))) {
    return built;
  }
  return build(html, options, false);
}

function build(
  html: string,
  options: PreviewOptions,
  allowed: boolean | ReadonlySet<string>,
): PreviewDocument {
  const scheme = options.colorScheme ?? 'light';
  const sanitized = sanitizeEmailHtml(html);
  const document = sanitized.document;
  const resources = rewriteResources(document, {
    allowRemote: allowed,
    cid: new CidResolver(options.inlineParts, options.partUrl),
  });
  const allowRemote = allowed !== false && resources.remote.length > 0;
  const externalLinks = rewriteLinks(document);
  const hasDarkStyles = applyColorScheme(document, scheme);
  const declaresDark = declaresDarkSupport(html);

  const csp = frameCsp(allowRemote);
  const head = document.head;
  const policy = document.createElement('meta');
  policy.setAttribute('http-equiv', 'Content-Security-Policy');
  policy.setAttribute('content', csp);
  const referrer = document.createElement('meta');
  referrer.setAttribute('name', 'referrer');
  referrer.setAttribute('content', 'no-referrer');
  head.prepend(policy, referrer);

  const own = [MARK_CSS];
  if (scheme === 'dark' && declaresDark) own.push(DECLARED_DARK_CSS);
  if (options.invert) own.push(FORCED_INVERSION_CSS);
  const style = document.createElement('style');
  style.setAttribute(MARK.own, '');
  style.textContent = own.join('\n');
  head.append(style);

  let built = `<!DOCTYPE html>\n${document.documentElement.outerHTML}`;
  const withheld = gainsElements(document, built);
  if (withheld) {
    document.body.replaceChildren();
    for (const element of Array.from(head.children)) if (element !== policy) element.remove();
    built = `<!DOCTYPE html>\n${document.documentElement.outerHTML}`;
  }
  return {
    html: built,
    csp,
    report: {
      ...resources,
      remoteAllowed: allowRemote,
      externalLinks,
      outlookOnlyBlocks: sanitized.outlookOnlyBlocks,
      hasDarkStyles,
      declaresDarkSupport: declaresDark,
      withheld,
    },
  };
}

/**
 * The structural check behind every pass: whether `html`, parsed again as the frame will parse
 * it, holds an element that `document` (what the sanitizer emitted and the passes changed) does
 * not have at the same position in document order. Raw text that ends its element early (a
 * `</style>` in CSS) shows up here, whatever pass put it there.
 */
export function gainsElements(document: Document, html: string): boolean {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const expected = document.createTreeWalker(document.documentElement, 0x1 /* SHOW_ELEMENT */);
  const found = parsed.createTreeWalker(parsed.documentElement, 0x1 /* SHOW_ELEMENT */);
  let a: Node | null = found.currentNode;
  let b: Node | null = expected.currentNode;
  while (a && b) {
    const x = a as Element;
    const y = b as Element;
    if (x.localName !== y.localName || x.namespaceURI !== y.namespaceURI) return true;
    if (x.attributes.length !== y.attributes.length) return true;
    a = found.nextNode();
    b = expected.nextNode();
  }
  return a !== null || b !== null;
}
