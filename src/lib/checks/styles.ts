/**
 * The CSS of an HTML body: its `<style>` blocks and each element's `style` attribute, read once
 * with offsets into the HTML source.
 */
import {
  allRules,
  readDeclarations,
  readStylesheet,
  type CssDeclaration,
  type CssRule,
} from './css.ts';
import type { HtmlDocument } from './html-document.ts';

/** The body's CSS. */
export interface DocumentStyles {
  /** Every rule of every `<style>` block, nested ones included. */
  rules: CssRule[];
  /** Each element's inline declarations, by index in `document.elements`. */
  inline: Map<number, CssDeclaration[]>;
}

const cache = new WeakMap<HtmlDocument, DocumentStyles>();

/** Where an attribute's value begins in the source. */
export function attributeValueStart(source: string, attr: { value: string; start: number; end: number }): number {
  const text = source.slice(attr.start, attr.end);
  const at = attr.value ? text.indexOf(attr.value) : -1;
  return attr.start + Math.max(0, at);
} // prettier-ignore

/** Read (once per document) the CSS of an HTML body. */
export function documentStyles(document: HtmlDocument): DocumentStyles {
  const cached = cache.get(document);
  if (cached) return cached;
  const rules: CssRule[] = [];
  for (const block of document.styles) allRules(readStylesheet(block.css, block.start), rules);
  const inline = new Map<number, CssDeclaration[]>();
  document.elements.forEach((element, index) => {
    const style = element.attrs.get('style');
    if (!style || !style.value.trim()) return;
    const base = attributeValueStart(document.source, style);
    inline.set(index, readDeclarations(style.value, 0, style.value.length, base));
  });
  const styles = { rules, inline };
  cache.set(document, styles);
  return styles;
}

/** The last inline value of `property` on the element at `index` (later declarations win). */
export function inlineValue(
  styles: DocumentStyles,
  index: number,
  property: string,
): string | undefined {
  let value: string | undefined;
  for (const declaration of styles.inline.get(index) ?? []) {
    if (declaration.property === property) value = declaration.value;
  }
  return value;
}
