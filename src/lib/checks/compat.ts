/**
 * Client compatibility: every element, attribute and CSS feature of the HTML body looked up in
 * caniemail's data for the client families that matter; one finding per feature used that some
 * of them lack, naming the clients and linking to the feature's page.
 */
import type { CompatFeature, CompatIndex } from './compat-data.ts';
import { featureSupport } from './compat-support.ts';
import type { CssDeclaration, CssRule } from './css.ts';
import type { FindingList } from './findings.ts';
import type { CheckedMessage } from './message.ts';
import { documentStyles } from './styles.ts';

/**
 * Features whose absence degrades gracefully (the client ignores them and the message still
 * reads): findings about them are informational.
 */
const ENHANCEMENTS =
  /^(html-(style|meta-color-scheme|lang|dir|role|aria-.*|lists|h1-h6|semantics)|css-(at-media.*|selector-.*|pseudo-.*|color-scheme|important|display-none))$/;

/** Features a client may drop without the reader seeing any difference: not reported. */
const INVISIBLE = new Set(['html-doctype', 'html-body', 'html-comments', 'css-comments']);

/** The first place each feature is used, as offsets into the HTML source. */
type Usage = Map<string, { feature: CompatFeature; start: number; end: number }>;

const IMAGE_FORMATS: Record<string, string> = {
  png: 'image-png', jpg: 'image-jpg', jpeg: 'image-jpg', gif: 'image-gif', webp: 'image-webp',
  svg: 'image-svg', avif: 'image-avif', bmp: 'image-bmp', tif: 'image-tiff', tiff: 'image-tiff',
  ico: 'image-ico', heic: 'image-heif', heif: 'image-heif', apng: 'image-apng', mp4: 'image-mp4',
}; // prettier-ignore

function use(usage: Usage, feature: CompatFeature | undefined, start: number, end: number): void {
  if (feature && !usage.has(feature.slug)) usage.set(feature.slug, { feature, start, end });
}

function findDeclarationFeatures(index: CompatIndex, usage: Usage, declaration: CssDeclaration) {
  const { start, end, property, value } = declaration;
  const at = (feature: CompatFeature | undefined) => use(usage, feature, start, end);
  if (property.startsWith('--') || value.includes('var(')) at(index.bySlug.get('css-variables'));
  at(index.properties.get(property.replace(/^-(webkit|moz|ms|o)-/, '')));
  const firstWord = value.trim().split(/\s+/, 1)[0]!.toLowerCase();
  at(index.propertyValues.get(`${property}:${firstWord}`));
  if (declaration.important) at(index.bySlug.get('css-important'));
  const lower = value.toLowerCase();
  for (const match of lower.matchAll(/([a-z-]+)\(/g)) at(index.functions.get(match[1]!));
  for (const match of lower.matchAll(/\d(%|[a-z]+)/g)) at(index.units.get(match[1]!));
  for (const match of lower.matchAll(/[a-z][a-z-]*/g)) at(index.keywords.get(match[0]));
}

function findSelectorFeatures(index: CompatIndex, usage: Usage, rule: CssRule): void {
  const at = (slug: string) => use(usage, index.bySlug.get(slug), rule.start, rule.start + rule.prelude.length);
  const selector = rule.prelude;
  for (const match of selector.matchAll(/::?[a-z-]+/gi)) {
    use(usage, index.pseudos.get(match[0].toLowerCase()), rule.start, rule.start + selector.length);
  }
  if (selector.includes(',')) at('css-selector-grouping');
  if (selector.includes('>')) at('css-selector-child');
  if (selector.includes('+')) at('css-selector-adjacent-sibling');
  if (/~(?!=)/.test(selector)) at('css-selector-general-sibling');
  if (selector.includes('[')) at('css-selector-attribute');
  if (selector.includes('#')) at('css-selector-id');
  if (selector.includes('.')) at('css-selector-class');
  if (selector.includes('*')) at('css-selector-universal');
  if (/(^|[\s,>+~])[a-z]/i.test(selector)) at('css-selector-type');
  if (/[\w\])]\s+[\w.#[:*]/.test(selector.replace(/\s*([>+~,])\s*/g, '$1'))) at('css-selector-descendant');
  if (/[\w\])][.#[:]/.test(selector)) at('css-selector-chaining');
} // prettier-ignore

function findCssFeatures(index: CompatIndex, usage: Usage, message: CheckedMessage): void {
  const document = message.html!.document;
  const styles = documentStyles(document);
  for (const rule of styles.rules) {
    if (rule.kind === 'style') findSelectorFeatures(index, usage, rule);
    else {
      use(usage, index.atRules.get(rule.kind), rule.start, rule.start + rule.kind.length + 1);
      for (const media of rule.prelude.toLowerCase().matchAll(/\(\s*([-a-z]+)/g)) {
        use(usage, index.mediaFeatures.get(media[1]!), rule.start, rule.start + rule.prelude.length + rule.kind.length + 1);
      } // prettier-ignore
    }
    for (const declaration of rule.declarations) findDeclarationFeatures(index, usage, declaration);
  }
  for (const declarations of styles.inline.values()) {
    for (const declaration of declarations) findDeclarationFeatures(index, usage, declaration);
  }
  if (document.styles.some((block) => block.css.includes('/*'))) {
    const block = document.styles.find((b) => b.css.includes('/*'))!;
    use(usage, index.bySlug.get('css-comments'), block.start, block.start);
  }
}

function findHtmlFeatures(index: CompatIndex, usage: Usage, message: CheckedMessage): void {
  const document = message.html!.document;
  if (document.hasDoctype) use(usage, index.bySlug.get('html-doctype'), 0, 0);
  if (document.comments > 0) use(usage, index.bySlug.get('html-comments'), 0, 0);
  for (const element of document.elements) {
    if (!element.inSource) continue;
    const { start, end, name, attrs } = element;
    const type = attrs.get('type')?.value.trim().toLowerCase();
    use(usage, index.elements.get(type ? `${name}[type=${type}]` : name) ?? index.elements.get(name), start, end);
    for (const [attr, { start: from, end: to }] of attrs) use(usage, index.attributes.get(attr), from, to);
    const href = attrs.get('href')?.value.trim().toLowerCase() ?? '';
    if (name === 'a' && href.startsWith('mailto:')) use(usage, index.bySlug.get('html-mailto-links'), start, end);
    if (name === 'a' && href.startsWith('#') && href.length > 1) use(usage, index.bySlug.get('html-anchor-links'), start, end);
    if (name === 'meta' && attrs.get('name')?.value.toLowerCase() === 'color-scheme') {
      use(usage, index.bySlug.get('html-meta-color-scheme'), start, end);
    }
    const src = attrs.get('src')?.value.trim().toLowerCase() ?? '';
    if (name === 'img' && src.startsWith('data:')) use(usage, index.bySlug.get('image-base64'), start, end);
    const extension = /\.([a-z0-9]{2,5})(?:[?#]|$)/.exec(src)?.[1];
    const format = name === 'img' && extension ? IMAGE_FORMATS[extension] : undefined;
    if (format) use(usage, index.bySlug.get(format), start, end);
  }
} // prettier-ignore

/** Run the compatibility checks for these client families. */
export function checkCompatibility(
  message: CheckedMessage,
  index: CompatIndex,
  families: readonly string[],
  list: FindingList,
): void {
  const html = message.html;
  if (!html) return;
  const usage: Usage = new Map();
  findHtmlFeatures(index, usage, message);
  findCssFeatures(index, usage, message);
  for (const { feature, start, end } of usage.values()) {
    if (INVISIBLE.has(feature.slug)) continue;
    const support = featureSupport(index.data, feature, families);
    if (support.unsupported.length === 0 && support.partial.length === 0) continue;
    const code = feature.category === 'css' ? 'css-unsupported' : 'html-unsupported';
    const clients = [...support.unsupported, ...support.partial];
    const parts: string[] = [];
    if (support.unsupported.length > 0)
      parts.push(`not supported in ${support.unsupported.join(', ')}`);
    if (support.partial.length > 0)
      parts.push(`only partly supported in ${support.partial.join(', ')}`);
    const note = support.notes[0] ? ` (${support.notes[0].replace(/\.$/, '')})` : '';
    list.add(
      code,
      support.unsupported.length > 0 && !ENHANCEMENTS.test(feature.slug) ? 'warning' : 'info',
      `${feature.title} is ${parts.join(' and ')}${note}; give those clients a fallback or leave it out.`,
      { source: html.source, start, end },
      { clients, reference: feature.url },
    );
  }
}
