/**
 * The one module that handles untrusted HTML: sanitizing (the only DOMPurify import), remote
 * content, `cid:` parts, dark mode and the preview frame's document.
 */
export { sanitizeEmailHtml, sanitizeFragment, type SanitizedHtml } from './sanitize.ts';
export {
  buildPreviewDocument,
  frameCsp,
  type PreviewDocument,
  type PreviewOptions,
  type PreviewReport,
} from './frame-document.ts';
export {
  CidResolver,
  PartBlobUrls,
  partContents,
  type InlinePart,
  type InlinePartsSpec,
  type PartUrlFactory,
} from './cid.ts';
export type { RemoteKind, RemoteResource, ResourceReport } from './remote-content.ts';
export type { ColorScheme } from './dark-mode.ts';
export { describeReport } from './status.ts';
export { MAX_PREVIEW_DEPTH, MAX_PREVIEW_HTML, type HtmlCut } from './limits.ts';
export { readFrameScroll, replaceFrameDocument } from './frame-update.ts';
