/**
 * Dev server for the HTML preview's browser tests (port 4174). It serves a test page that mounts
 * the real HtmlPreview component under the app's own Content Security Policy, read from
 * /index.html so the two can never drift apart. Never part of the build.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig, type Plugin } from 'vite';
import appConfig from '../../../vite.config.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const CSP_META = /<meta\s+http-equiv="Content-Security-Policy"[^>]*\/?>/i;

/** The app's CSP meta tag, exactly as /index.html ships it. */
export function appCspMeta(): string {
  const tag = CSP_META.exec(readFileSync(resolve(root, 'index.html'), 'utf8'))?.[0];
  if (!tag) throw new Error('index.html has no Content-Security-Policy meta tag.');
  return tag;
}

function appCsp(): Plugin {
  return {
    name: 'mailwright-app-csp',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) =>
        html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    ${appCspMeta()}`),
    },
  };
}

export default mergeConfig(
  appConfig,
  defineConfig({
    root,
    plugins: [appCsp()],
    server: { hmr: false, host: '127.0.0.1', port: 4174, strictPort: true },
    optimizeDeps: { entries: ['tests/e2e/harness/preview.html'] },
  }),
);
