/**
 * The pre-send checks' public face: pure TypeScript, no DOM; runs in Node, the page and a worker.
 */
export type * from './types.ts';
export { checkMessage } from './check-message.ts';
export {
  CHECK_AREAS,
  CHECK_CATALOGUE,
  catalogueEntry,
  type CatalogueEntry,
  type CheckArea,
  type CheckCode,
} from './catalogue.ts';
export { DEFAULT_CLIENTS, featureSupport, type FeatureSupport } from './compat-support.ts';
export {
  CANIEMAIL_LICENCE,
  CANIEMAIL_VERSION,
  indexCompatData,
  loadCompatIndex,
  type CaniemailData,
  type CompatFeature,
  type CompatIndex,
} from './compat-data.ts';
export { SPAM_RULES, SPAM_RULES_SOURCE, SPAM_THRESHOLD, type SpamRule } from './spam-rules.ts';
export { EMAIL_VALIDATION_CONFIG } from './validity.ts';
export { GMAIL_CLIP_BYTES, IMAGE_MAX_BYTES } from './content-checks.ts';
