/**
 * Dark mode as mail clients do it. "Email's own dark styles": the email's
 * `prefers-color-scheme` media queries are rewritten to match the chosen scheme, so the frame
 * shows exactly the styles the email prepared for it whatever the viewer's system setting.
 * "Forced inversion": clients that do not trust the email invert its colours and turn images
 * back, as Outlook and some Gmail apps do for emails without dark styles.
 */

/** The colour scheme the preview renders the email in. */
export type ColorScheme = 'light' | 'dark';

const PREFERS_COLOR_SCHEME = /\(\s*prefers-color-scheme\s*:\s*(dark|light)\s*\)/gi;

// Media features that are always true and always false in a frame, with valid syntax, so that
// `not (…)` and `… and (…)` keep their meaning after the rewrite.
const ALWAYS = '(min-width: 0px)';
const NEVER = '(max-width: 0.001px)';

/** Rewrites `prefers-color-scheme` features in CSS text or a media attribute for `scheme`. */
export function applyColorSchemeToCss(css: string, scheme: ColorScheme): string {
  return css.replace(PREFERS_COLOR_SCHEME, (_match, value: string) =>
    value.toLowerCase() === scheme ? ALWAYS : NEVER,
  );
}

/** Whether CSS text has styles for `prefers-color-scheme: dark`. */
export function hasDarkStyles(css: string): boolean {
  return /\(\s*prefers-color-scheme\s*:\s*dark\s*\)/i.test(css);
}

/**
 * Applies the scheme to a sanitized document in place: `<style>` text and `media` attributes.
 * Returns whether the email has dark styles of its own.
 */
export function applyColorScheme(document: Document, scheme: ColorScheme): boolean {
  let found = false;
  for (const style of Array.from(document.querySelectorAll('style'))) {
    const css = style.textContent ?? '';
    if (!/prefers-color-scheme/i.test(css)) continue;
    found ||= hasDarkStyles(css);
    style.textContent = applyColorSchemeToCss(css, scheme);
  }
  for (const element of Array.from(document.querySelectorAll('[media]'))) {
    const media = element.getAttribute('media') ?? '';
    found ||= hasDarkStyles(media);
    element.setAttribute('media', applyColorSchemeToCss(media, scheme));
  }
  return found;
}

/**
 * Whether the email declares that it supports dark mode (`<meta name="color-scheme"
 * content="light dark">`, Apple's `supported-color-schemes`, or CSS `color-scheme: … dark`).
 * Clients darken the page's default colours only then. Read from the raw HTML, because the
 * sanitizer removes `<meta>`. Both scans walk the text once (see limits.ts).
 */
export function declaresDarkSupport(html: string): boolean {
  const lower = html.toLowerCase();
  return metaDeclaresDark(lower) || cssDeclaresDark(lower);
}

// Longer `<meta>` tags are not read: no real one comes near, and it keeps the attribute
// patterns below from running over a hostile tag again and again.
const MAX_META_TAG = 2048;

function metaDeclaresDark(lower: string): boolean {
  let i = lower.indexOf('<meta');
  while (i >= 0) {
    const close = lower.indexOf('>', i);
    if (close < 0) return false; // an unclosed tag, and no tag after it
    if (/[\s/>]/.test(lower[i + 5] ?? '') && close - i <= MAX_META_TAG) {
      const tag = lower.slice(i, close + 1);
      const name = /\bname\s*=\s*["']?([\w-]+)/.exec(tag)?.[1];
      const content = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*))/.exec(tag);
      const value = content?.[1] ?? content?.[2] ?? content?.[3] ?? '';
      if (
        (name === 'color-scheme' || name === 'supported-color-schemes') &&
        value.includes('dark')
      ) {
        return true;
      }
    }
    i = lower.indexOf('<meta', close);
  }
  return false;
}

const VALUE_END = new Set([';', '}', '"', "'", '<']);

// `color-scheme: … dark` (or `supported-color-scheme`), the value ending at `;`, `}`, a quote or
// `<`. The end of the current value and the next `dark` are remembered, since positions only grow.
function cssDeclaresDark(lower: string): boolean {
  let valueEnd = -1;
  let dark = -1;
  let i = lower.indexOf('color-scheme');
  while (i >= 0) {
    const start = lower.startsWith('supported-', i - 10) ? i - 10 : i;
    const before = lower[start - 1];
    let j = i + 12;
    if (before === undefined || !/[\w-]/.test(before)) {
      while (j < lower.length && /[ \t\n\r\f]/.test(lower[j]!)) j++;
      if (lower[j] === ':') {
        j++;
        if (valueEnd < j) {
          valueEnd = j;
          while (valueEnd < lower.length && !VALUE_END.has(lower[valueEnd]!)) valueEnd++;
        }
        if (dark < j) dark = lower.indexOf('dark', j);
        if (dark < 0) return false;
        if (dark + 4 <= valueEnd) return true;
      }
    }
    i = lower.indexOf('color-scheme', i + 1);
  }
  return false;
}

/** Styles the frame adds in dark mode when the email declares dark support. */
export const DECLARED_DARK_CSS = ':root { color-scheme: dark; }';

/**
 * Forced inversion: the body's colours are inverted and hue-rotated back, so hues stay close;
 * images, videos and background images are inverted a second time so they look as authored.
 */
export const FORCED_INVERSION_CSS = [
  'html { background-color: #000 !important; }',
  'body { filter: invert(1) hue-rotate(180deg) !important; min-height: 100vh; }',
  'img, picture, video, [background], [style*="url("] { filter: invert(1) hue-rotate(180deg) !important; }',
].join('\n');
