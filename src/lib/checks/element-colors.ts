/**
 * The text and background colours an element ends up with from inline styles and HTML
 * attributes (`color`, `bgcolor`), inherited from its ancestors; what `<style>` rules would do
 * is not worked out (many clients drop them anyway).
 */
import { backgroundColor, parseColor, type Rgb } from './color.ts';
import type { HtmlDocument } from './html-document.ts';
import { documentStyles, inlineValue } from './styles.ts';

/** An element's own colour settings. */
export interface OwnColors {
  color?: Rgb;
  background?: Rgb;
}

const cache = new WeakMap<HtmlDocument, Array<OwnColors | undefined>>();

/** The colours an element sets itself. */
export function ownColors(document: HtmlDocument, index: number): OwnColors {
  let known = cache.get(document);
  if (!known) cache.set(document, (known = []));
  return (known[index] ??= readOwnColors(document, index));
}

function readOwnColors(document: HtmlDocument, index: number): OwnColors {
  const styles = documentStyles(document);
  const element = document.elements[index]!;
  const out: OwnColors = {};
  const color =
    parseColor(inlineValue(styles, index, 'color')) ??
    (element.name === 'font' ? parseColor(element.attrs.get('color')?.value) : undefined);
  if (color) out.color = color;
  const background =
    parseColor(inlineValue(styles, index, 'background-color')) ??
    backgroundColor(inlineValue(styles, index, 'background')) ??
    parseColor(element.attrs.get('bgcolor')?.value);
  if (background) out.background = background;
  return out;
}

/** The colours in effect on an element: its own, else its nearest ancestor's, else black on white. */
export function effectiveColors(document: HtmlDocument, index: number): { color: Rgb; background: Rgb; colorSet: boolean } {
  let color: Rgb | undefined;
  let background: Rgb | undefined;
  for (let at = index; at >= 0 && (!color || !background); at = document.elements[at]!.parent) {
    const own = ownColors(document, at);
    color ??= own.color;
    background ??= own.background;
  }
  return { color: color ?? { r: 0, g: 0, b: 0 }, background: background ?? { r: 255, g: 255, b: 255 }, colorSet: color !== undefined };
} // prettier-ignore
