/**
 * caniemail's support data (the `caniemail` package, v1.0.5, data of 2025-09-09, MIT licence),
 * indexed by what can be found in a message: elements, attributes, CSS properties, values,
 * functions, units, at-rules, selectors. Loaded on first use: it is about 640 KB.
 */

/** Support of one feature in one client family and platform, by version, in caniemail's words. */
type Stats = Record<string, Record<string, Record<string, string>>>;

/** One caniemail feature. */
export interface CompatFeature {
  slug: string;
  title: string;
  url: string;
  category: string;
  stats: Stats;
  notes_by_num?: Record<string, string> | null;
}

/** The whole data file. */
export interface CaniemailData {
  last_update_date: string;
  nicenames: { family: Record<string, string>; platform: Record<string, string> };
  data: CompatFeature[];
}

/** Where each feature is looked up. */
export interface CompatIndex {
  data: CaniemailData;
  elements: Map<string, CompatFeature>;
  attributes: Map<string, CompatFeature>;
  properties: Map<string, CompatFeature>;
  /** `property:value`, e.g. `display:flex`. */
  propertyValues: Map<string, CompatFeature>;
  functions: Map<string, CompatFeature>;
  units: Map<string, CompatFeature>;
  /** Keywords found in values, e.g. `system-ui`, `fit-content`. */
  keywords: Map<string, CompatFeature>;
  /** At-rules by name (`font-face`) and media features (`prefers-color-scheme`). */
  atRules: Map<string, CompatFeature>;
  mediaFeatures: Map<string, CompatFeature>;
  /** Pseudo-classes and pseudo-elements (`:hover`, `::before`). */
  pseudos: Map<string, CompatFeature>;
  /** Other features by slug (selectors, comments, doctype, links, image formats, …). */
  bySlug: Map<string, CompatFeature>;
}

/** Version and date of the bundled data, for the licence line the panel shows. */
export const CANIEMAIL_VERSION = '1.0.5';
export const CANIEMAIL_LICENCE = 'MIT licence, © Avi Goldman, © Andrew Powell';

/** Features whose titles do not name what to look for. */
const EXTRA_NAMES: Record<string, { elements?: string[]; attributes?: string[]; properties?: string[] }> = {
  'html-lists': { elements: ['ul', 'ol', 'dl'] },
  'html-h1-h6': { elements: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] },
  'html-semantics': { elements: ['article', 'aside', 'details', 'figcaption', 'figure', 'footer', 'header', 'main', 'mark', 'nav', 'section', 'summary', 'time'] },
  'html-image-maps': { elements: ['map', 'area'] },
  'html-address': { elements: ['address'] },
  'html-base': { elements: ['base'] },
  'html-link': { elements: ['link'] },
  'html-svg': { elements: ['svg'] },
  'html-srcset': { attributes: ['srcset', 'sizes'] },
  'html-loading-attribute': { attributes: ['loading'] },
  'css-grid-template': { properties: ['grid-template', 'grid-template-columns', 'grid-template-rows', 'grid-template-areas'] },
  'css-column-layout-properties': { properties: ['column-fill', 'column-gap', 'column-rule', 'column-rule-color', 'column-rule-style', 'column-rule-width', 'column-span', 'column-width', 'columns'] },
  'css-scroll-snap': { properties: ['scroll-snap-type', 'scroll-snap-align', 'scroll-snap-stop'] },
  'css-border-radius-logical': { properties: ['border-start-start-radius', 'border-start-end-radius', 'border-end-start-radius', 'border-end-end-radius'] },
  'css-border-inline-block-longhand': { properties: ['border-inline-color', 'border-inline-style', 'border-inline-width', 'border-block-color', 'border-block-style', 'border-block-width'] },
  'css-border-inline-block-individual': { properties: ['border-inline-start', 'border-inline-end', 'border-block-start', 'border-block-end'] },
  'css-color-scheme': { properties: ['color-scheme'] },
  'css-font': { properties: ['font'] },
}; // prettier-ignore

const PROPERTY_NAME = /^-?[a-z][a-z-]*$/;

function addAll(map: Map<string, CompatFeature>, names: readonly string[], feature: CompatFeature) {
  for (const name of names) if (!map.has(name)) map.set(name, feature);
}

function indexCss(index: CompatIndex, feature: CompatFeature): void {
  const title = feature.title.trim();
  const parts = title.split(/\s*(?:,|&)\s*/).map((p) => p.trim());
  if (title.startsWith('@media (')) {
    for (const media of title.matchAll(/\(([-a-z]+)\)/g))
      addAll(index.mediaFeatures, [media[1]!], feature);
  } else if (title.startsWith('@')) {
    addAll(index.atRules, [title.slice(1)], feature);
  } else if (title.startsWith(':')) {
    addAll(index.pseudos, [title.replace(/\(\)$/, '')], feature);
  } else if (/^lang\(\)$/.test(title)) {
    addAll(index.pseudos, [':lang'], feature);
  } else if (/^[a-z-]+:\s*[a-z-]+$/.test(title)) {
    const [property, value] = title.split(':').map((s) => s.trim());
    addAll(index.propertyValues, [`${property}:${value}`], feature);
  } else if (parts.every((p) => /^[a-z-]+\(\)$/.test(p))) {
    addAll(
      index.functions,
      parts.map((p) => p.slice(0, -2)),
      feature,
    );
  } else if (/^CSS calc\(\) function$/.test(title)) {
    addAll(index.functions, ['calc'], feature);
  } else if (/ unit$/.test(title)) {
    const unit = title.slice(0, -5).trim();
    if (unit !== 'initial') addAll(index.units, [unit], feature);
  } else if (feature.slug === 'css-sytem-ui' || feature.slug === 'css-intrinsic-size') {
    addAll(index.keywords, parts, feature);
  } else if (parts.every((p) => PROPERTY_NAME.test(p.replace(/ property$/, '')))) {
    addAll(
      index.properties,
      parts.map((p) => p.replace(/ property$/, '')),
      feature,
    );
  }
}

function indexHtml(index: CompatIndex, feature: CompatFeature): void {
  const title = feature.title.trim();
  const element = /^<([a-z0-9]+)(?: type="([a-z]+)")?> element$/.exec(title);
  if (element) {
    addAll(
      index.elements,
      [element[2] ? `${element[1]}[type=${element[2]}]` : element[1]!],
      feature,
    );
  } else if (/^[a-z-]+ attribute$/.test(title)) {
    addAll(index.attributes, [title.slice(0, -10)], feature);
  }
}

/** Build the lookup tables from caniemail's data. */
export function indexCompatData(data: CaniemailData): CompatIndex {
  const index: CompatIndex = {
    data,
    elements: new Map(), attributes: new Map(), properties: new Map(), propertyValues: new Map(),
    functions: new Map(), units: new Map(), keywords: new Map(), atRules: new Map(),
    mediaFeatures: new Map(), pseudos: new Map(), bySlug: new Map(),
  }; // prettier-ignore
  for (const feature of data.data) {
    index.bySlug.set(feature.slug, feature);
    const extra = EXTRA_NAMES[feature.slug];
    if (extra) {
      addAll(index.elements, extra.elements ?? [], feature);
      addAll(index.attributes, extra.attributes ?? [], feature);
      addAll(index.properties, extra.properties ?? [], feature);
    } else if (feature.category === 'css') indexCss(index, feature);
    else if (feature.category === 'html') indexHtml(index, feature);
  }
  return index;
}

let loaded: Promise<CompatIndex> | undefined;

/** caniemail's data, indexed; loaded and indexed once. */
export function loadCompatIndex(): Promise<CompatIndex> {
  loaded ??= import('caniemail/caniemail.json').then((module) =>
    indexCompatData((module.default ?? module) as unknown as CaniemailData),
  );
  return loaded;
}
