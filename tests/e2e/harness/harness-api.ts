/**
 * What the preview test page exposes to Playwright as `window.previewHarness`.
 */

/** A message for the test page; inline parts travel as base64 since tests pass JSON. */
export interface HarnessMessage {
  html: string;
  text?: string;
  key: string;
  inlineParts?: Array<{ contentId: string; contentType: string; base64: string }>;
}

/** The test page's interface. */
export interface PreviewHarness {
  /** Shows one preview per message (kept by position, so a new list updates them in place). */
  show(messages: HarnessMessage[]): Promise<void>;
  /** The latest report of each preview. */
  reports(): unknown[];
  /** How many renderings the previews have shown so far. */
  renders(): number;
}

/** Where the test page is served (see playwright.config.ts). */
export const HARNESS_ORIGIN = 'http://127.0.0.1:4174';
export const HARNESS_URL = `${HARNESS_ORIGIN}/tests/e2e/harness/preview.html`;
