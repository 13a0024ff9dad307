/**
 * Dark mode readiness: whether the message says which colour schemes it supports, styles a dark
 * version, and avoids the hard-coded white backgrounds with dark text that clients' automatic
 * inversion turns into unreadable patches.
 */
import { luminance } from './color.ts';
import { effectiveColors, ownColors } from './element-colors.ts';
import type { FindingList } from './findings.ts';
import type { CheckedMessage } from './message.ts';
import { documentStyles } from './styles.ts';

/** Backgrounds lighter than this are "white" for inversion purposes. */
const LIGHT_BACKGROUND = 0.85;
/** Text darker than this reads as "dark text". */
const DARK_TEXT = 0.2;

/** Run the dark mode checks. */
export function checkDarkMode(message: CheckedMessage, list: FindingList): void {
  if (!message.html) return;
  const { source, document } = message.html;
  const styles = documentStyles(document);
  const meta = document.elements.some(
    (e) => e.name === 'meta' && /^(supported-)?color-scheme$/i.test(e.attrs.get('name')?.value.trim() ?? ''),
  );
  const cssScheme = styles.rules.some((rule) => rule.declarations.some((d) => d.property === 'color-scheme'));
  const darkBlock = styles.rules.some((rule) => rule.kind === 'media' && /prefers-color-scheme\s*:\s*dark/i.test(rule.prelude));
  const head = document.elements.find((e) => e.name === 'head');
  const top = { source, start: head?.inSource ? head.start : 0, end: head?.inSource ? head.end : 0 };
  if (!meta && !cssScheme) {
    list.add('dark-mode-unready', 'info', 'The message does not declare its colour schemes; add <meta name="color-scheme" content="light dark"> and :root { color-scheme: light dark; } so that clients that honour it do not invert it blindly.', top); // prettier-ignore
  }
  if (!darkBlock) {
    list.add('dark-mode-unready', 'info', 'There is no @media (prefers-color-scheme: dark) block; add one with dark colours for Apple Mail, Outlook.com and others that apply it.', top); // prettier-ignore
  }
  if (darkBlock) return;
  let count = 0;
  let first: { start: number; end: number } | undefined;
  document.elements.forEach((element, index) => {
    const own = ownColors(document, index);
    if (!own.background || luminance(own.background) < LIGHT_BACKGROUND || !element.text.trim()) return;
    const { color, colorSet } = effectiveColors(document, index);
    if (!colorSet || luminance(color) > DARK_TEXT) return;
    count++;
    first ??= { start: element.start, end: element.end };
  });
  if (first) {
    list.add('dark-mode-unready', 'warning', `${count} element${count === 1 ? ' has' : 's have'} a hard-coded white background with dark text; clients that invert colours in dark mode change one and not the other, so add a prefers-color-scheme block that sets both.`, { source, ...first }); // prettier-ignore
  }
} // prettier-ignore
