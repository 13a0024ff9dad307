/**
 * The constructs the corpus manifest says a sanitized document must not hold, found with a
 * parser (jsdom's in unit tests, Chromium's in the browser XSS test), not with string matching.
 */

/**
 * Lists what a parsed preview document should not hold: elements, handlers, scripting URLs and
 * scripting CSS, and (for a whole preview document) a Content-Security-Policy meta that is not
 * the first element of its head, or a link the preview did not rewrite.
 *
 * Self-contained (no imports, constants inside) so that the browser test can send its source
 * into the page and run the very same checks on the rendered frames.
 */
export function scriptingLeftoversIn(doc: Document, isDocument: boolean): string[] {
  const forbiddenElements =
    'script, iframe, frame, frameset, object, embed, applet, base, form, input, button, textarea, select, svg, math, animate, set, meta[http-equiv]';
  const problems: string[] = [];
  const ownPolicy = doc.head.querySelector(
    'meta[http-equiv="Content-Security-Policy"]:first-child',
  );
  if (isDocument && !ownPolicy) problems.push('CSP meta is not first in head');
  for (const element of Array.from(doc.querySelectorAll(forbiddenElements))) {
    if (!isDocument || element !== ownPolicy) problems.push(`<${element.localName}>`);
  }
  // In a whole preview document every link is rewritten: web and mail links open a new context
  // without an opener, fragments stay in the frame (#…), anything else has no href.
  if (isDocument) {
    for (const link of Array.from(doc.querySelectorAll('a[href], area[href]'))) {
      const href = link.getAttribute('href') ?? '';
      const rel = ` ${link.getAttribute('rel') ?? ''} `;
      const fragment = href.startsWith('#');
      const external = /^(https?|mailto|tel|sms):/i.test(href);
      if (!fragment && !(external && rel.includes(' noopener ') && rel.includes(' noreferrer '))) {
        problems.push(`link not rewritten: <${link.localName} href="${href.slice(0, 60)}">`);
      }
    }
  }
  for (const element of Array.from(doc.querySelectorAll('*'))) {
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name.toLowerCase();
      // eslint-disable-next-line no-control-regex -- browsers ignore these inside URLs
      const value = attribute.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
      if (name.startsWith('on')) problems.push(`${name} on <${element.localName}>`);
      if (
        /(javascript|vbscript):|data:text\/html/.test(value) &&
        name !== 'alt' &&
        name !== 'title'
      ) {
        problems.push(`${name}="${attribute.value.slice(0, 60)}" on <${element.localName}>`);
      }
    }
    const css = `${element.getAttribute('style') ?? ''} ${element.localName === 'style' ? element.textContent : ''}`;
    if (/expression\s*\(|(^|[^-\w])behavior\s*:|-moz-binding|(java|vb)script:/i.test(css)) {
      problems.push(`scripting CSS in <${element.localName}>`);
    }
  }
  return problems;
}

/** Parses `html` (a fragment, or a whole preview document) and lists its leftovers. */
export function findScriptingLeftovers(html: string, isDocument = false): string[] {
  const doc = new DOMParser().parseFromString(
    isDocument ? html : `<!DOCTYPE html><body>${html}`,
    'text/html',
  );
  return scriptingLeftoversIn(doc, isDocument);
}
