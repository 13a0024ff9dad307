/**
 * The constructs the corpus manifest says a sanitized document must not hold, found with a
 * parser (jsdom's), not with string matching.
 */

const FORBIDDEN_ELEMENTS =
  'script, iframe, frame, frameset, object, embed, applet, base, form, input, button, textarea, select, svg, math, animate, set, meta[http-equiv]';

/** Lists what should not be there: elements, handlers, scripting URLs and scripting CSS. */
export function findScriptingLeftovers(html: string, isDocument = false): string[] {
  const doc = new DOMParser().parseFromString(
    isDocument ? html : `<!DOCTYPE html><body>${html}`,
    'text/html',
  );
  const problems: string[] = [];
  const ownPolicy = doc.head.querySelector(
    'meta[http-equiv="Content-Security-Policy"]:first-child',
  );
  for (const element of Array.from(doc.querySelectorAll(FORBIDDEN_ELEMENTS))) {
    if (element !== ownPolicy) problems.push(`<${element.localName}>`);
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
