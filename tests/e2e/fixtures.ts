/**
 * The `test` every spec should import: Playwright's, plus two checks on the app itself that run
 * around each test and fail it at the end. The app's page must report no Content Security Policy
 * violation, and must load no image, stylesheet or font from anywhere but itself (only the HTML
 * preview's frame may, after the person allows remote content).
 */
import { test as base, expect } from '@playwright/test';

/** Request kinds the page itself must never fetch from elsewhere. */
const REMOTE_KINDS = new Set(['image', 'stylesheet', 'font']);

export const test = base.extend<{ appPolicy: void }>({
  appPolicy: [
    async ({ context, baseURL }, use) => {
      const violations: string[] = [];
      const remote: string[] = [];
      await context.exposeBinding('__reportPolicyViolation', (_source, text: string) => {
        violations.push(text);
      });
      await context.addInitScript(() => {
        // The app's own document only: the preview frame's stricter policy blocks on purpose.
        if (window.top !== window) return;
        document.addEventListener('securitypolicyviolation', (event) => {
          const report = (window as unknown as { __reportPolicyViolation?: (t: string) => void })
            .__reportPolicyViolation;
          report?.(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'}`);
        });
      });
      const own = (url: string) =>
        url.startsWith('data:') ||
        url.startsWith('blob:') ||
        (baseURL !== undefined && url.startsWith(new URL(baseURL).origin)) ||
        url.startsWith('http://127.0.0.1') ||
        url.startsWith('http://localhost');
      context.on('request', (request) => {
        if (!REMOTE_KINDS.has(request.resourceType()) || own(request.url())) return;
        let frame;
        try {
          frame = request.frame();
        } catch {
          return; // A service worker's own request: not the page's.
        }
        if (frame.parentFrame() === null) remote.push(`${request.resourceType()} ${request.url()}`);
      });
      await use();
      expect(violations, 'CSP violations reported by the app').toEqual([]);
      expect(remote, 'remote images, styles or fonts loaded by the app itself').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
