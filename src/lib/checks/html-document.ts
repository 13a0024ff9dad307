/**
 * An HTML body read with parse5 (the WHATWG parsing algorithm, no DOM) with source locations:
 * its elements in document order with their attributes and offsets, its visible text, and its
 * `<style>` blocks. Every HTML check works from this one reading, never from regular expressions.
 */
import { parse, type DefaultTreeAdapterTypes } from 'parse5';

type Node = DefaultTreeAdapterTypes.Node;
type ParentNode = DefaultTreeAdapterTypes.ParentNode;

/** An attribute with the offsets of its whole `name="value"` in the source. */
export interface HtmlAttribute {
  value: string;
  start: number;
  end: number;
}

/** An element as found in the source. */
export interface HtmlElement {
  /** Lower-case tag name. */
  name: string;
  attrs: Map<string, HtmlAttribute>;
  /** Offsets of the start tag (for an element the parser made up, those of its first child). */
  start: number;
  end: number;
  /** Index of the parent element in `elements`, or -1. */
  parent: number;
  /** The element's own visible text, and that of its descendants. */
  text: string;
  /** Whether the parser found it in the source (not implied, like a missing `<tbody>`). */
  inSource: boolean;
}

/** A run of visible text. */
export interface TextRun {
  text: string;
  start: number;
  end: number;
}

/** A `<style>` block's CSS and where it begins. */
export interface StyleBlock {
  css: string;
  start: number;
}

/** Elements whose text is not shown to the reader. */
const HIDDEN_TEXT = new Set(['style', 'script', 'head', 'title', 'template', 'noscript']);

/** The parsed HTML body. */
export interface HtmlDocument {
  source: string;
  elements: HtmlElement[];
  text: TextRun[];
  styles: StyleBlock[];
  hasDoctype: boolean;
  comments: number;
}

function elementLocation(node: DefaultTreeAdapterTypes.Element): { start: number; end: number } {
  const location = node.sourceCodeLocation;
  const tag = location?.startTag ?? location;
  return tag ? { start: tag.startOffset, end: tag.endOffset } : { start: -1, end: -1 };
}

/** Parse an HTML body. Never throws: parse5 recovers from any input as browsers do. */
export function readHtml(source: string): HtmlDocument {
  const document = parse(source, { sourceCodeLocationInfo: true, scriptingEnabled: false });
  const out: HtmlDocument = {
    source,
    elements: [],
    text: [],
    styles: [],
    hasDoctype: false,
    comments: 0,
  };
  // Iterative walk: deeply nested mail (thousands of tables) must not overflow the stack.
  const stack: Array<{ node: Node; parent: number; hidden: boolean; exit?: number }> = [];
  const pushChildren = (node: ParentNode, parent: number, hidden: boolean) => {
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--)
      stack.push({ node: children[i]!, parent, hidden });
  };
  pushChildren(document, -1, false);
  while (stack.length > 0) {
    const { node, parent, hidden, exit } = stack.pop()!;
    if (exit !== undefined) {
      // Leaving an element: its text joins its parent's.
      const element = out.elements[exit]!;
      if (element.parent >= 0) out.elements[element.parent]!.text += element.text;
      continue;
    }
    if (node.nodeName === '#documentType') out.hasDoctype = true;
    else if (node.nodeName === '#comment') out.comments++;
    else if (node.nodeName === '#text') {
      const textNode = node as DefaultTreeAdapterTypes.TextNode;
      if (hidden) {
        if (parent >= 0 && out.elements[parent]!.name === 'style') {
          out.styles.push({
            css: textNode.value,
            start: textNode.sourceCodeLocation?.startOffset ?? 0,
          });
        }
        continue;
      }
      const location = textNode.sourceCodeLocation;
      out.text.push({
        text: textNode.value,
        start: location?.startOffset ?? 0,
        end: location?.endOffset ?? 0,
      });
      if (parent >= 0) out.elements[parent]!.text += textNode.value;
    } else if ('tagName' in node) {
      const element = node as DefaultTreeAdapterTypes.Element;
      const attrs = new Map<string, HtmlAttribute>();
      const attrLocations = element.sourceCodeLocation?.attrs;
      const { start, end } = elementLocation(element);
      for (const attr of element.attrs) {
        const location = attrLocations?.[attr.name];
        attrs.set(attr.name.toLowerCase(), {
          value: attr.value,
          start: location?.startOffset ?? start,
          end: location?.endOffset ?? end,
        });
      }
      const index = out.elements.length;
      out.elements.push({
        name: element.tagName.toLowerCase(),
        attrs,
        start,
        end,
        parent,
        text: '',
        inSource: start >= 0,
      });
      stack.push({ node, parent, hidden, exit: index });
      const childHidden = hidden || HIDDEN_TEXT.has(element.tagName.toLowerCase());
      const content = element.tagName === 'template' ? null : element;
      if (content) pushChildren(content, index, childHidden);
    }
  }
  fillImpliedLocations(out.elements);
  return out;
}

/** Elements the parser implied take the location of their first located descendant. */
function fillImpliedLocations(elements: HtmlElement[]): void {
  // Reverse document order visits children before parents, and a first child last.
  for (let i = elements.length - 1; i >= 0; i--) {
    const element = elements[i]!;
    const parent = element.parent >= 0 ? elements[element.parent]! : undefined;
    if (parent && !parent.inSource && element.start >= 0) {
      parent.start = element.start;
      parent.end = element.end;
    }
  }
  for (const element of elements) {
    if (element.start < 0) element.start = element.end = 0;
  }
}

/** Visible text of the body, runs joined with spaces and white space collapsed. */
export function visibleText(document: HtmlDocument): string {
  return document.text
    .map((run) => run.text)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}
