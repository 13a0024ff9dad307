/**
 * Accessibility of the email itself: the language of the text, layout tables that screen
 * readers should not announce as data, heading order, and the contrast of inline colours.
 */
import { contrastRatio, formatColor } from './color.ts';
import { effectiveColors, ownColors } from './element-colors.ts';
import type { FindingList } from './findings.ts';
import type { CheckedMessage } from './message.ts';
import { documentStyles, inlineValue } from './styles.ts';

/** WCAG 2.2 §1.4.3: 4.5:1 for text, 3:1 for large text (24px, or 18.66px bold). */
const CONTRAST_MIN = 4.5;
const CONTRAST_MIN_LARGE = 3;
/** Per kind of finding, at most this many marks; the rest are counted in the last one. */
const MAX_MARKS = 20;

function isLargeText(size: string | undefined, weight: string | undefined): boolean {
  const match = /^([\d.]+)(px|pt)$/.exec(size?.trim().toLowerCase() ?? '');
  if (!match) return false;
  const px = parseFloat(match[1]!) * (match[2] === 'pt' ? 4 / 3 : 1);
  const bold = /^(bold|bolder|[6-9]00)$/.test(weight?.trim().toLowerCase() ?? '');
  return px >= 24 || (bold && px >= 18.66);
}

function checkLanguage(message: CheckedMessage, list: FindingList): void {
  const { source, document } = message.html!;
  const root = document.elements.find((element) => element.name === 'html');
  if (root?.attrs.get('lang')?.value.trim()) return;
  const start = root?.inSource ? root.start : 0;
  const end = root?.inSource ? root.end : 0;
  list.add('html-lang-missing', 'warning', 'The <html> element has no lang attribute; add one (e.g. <html lang="en">) so that screen readers pronounce the text in the right language.', { source, start, end }); // prettier-ignore
}

function checkTables(message: CheckedMessage, list: FindingList): void {
  const { source, document } = message.html!;
  const dataTables = new Set<number>();
  document.elements.forEach((element) => {
    if (element.name !== 'th' && element.name !== 'caption') return;
    let at = element.parent;
    while (at >= 0 && document.elements[at]!.name !== 'table') at = document.elements[at]!.parent;
    if (at >= 0) dataTables.add(at);
  });
  let marked = 0;
  document.elements.forEach((element, index) => {
    if (element.name !== 'table' || dataTables.has(index)) return;
    const role = element.attrs.get('role')?.value.trim().toLowerCase();
    if (role === 'presentation' || role === 'none' || marked >= MAX_MARKS) return;
    marked++;
    list.add('layout-table-role-missing', 'warning', 'A layout table has no role="presentation"; add it so that screen readers do not announce rows and columns that are only there for layout.', { source, start: element.start, end: element.end }); // prettier-ignore
  });
}

function checkHeadings(message: CheckedMessage, list: FindingList): void {
  const { source, document } = message.html!;
  let previous = 0;
  for (const element of document.elements) {
    const level = /^h([1-6])$/.exec(element.name)?.[1];
    if (!level) continue;
    const current = Number(level);
    if (current > previous + 1) {
      const expected = previous === 0 ? 'h1' : `h${previous + 1}`;
      list.add('heading-order', 'warning', `An <h${current}> comes ${previous === 0 ? 'first' : `after an <h${previous}>`}, skipping a level; use <${expected}> (style it as you like) so that the outline makes sense to screen-reader users.`, { source, start: element.start, end: element.end }); // prettier-ignore
    }
    previous = current;
  }
}

function checkContrast(message: CheckedMessage, list: FindingList): void {
  const { source, document } = message.html!;
  const styles = documentStyles(document);
  let marked = 0;
  document.elements.forEach((element, index) => {
    if (marked >= MAX_MARKS || !element.text.trim()) return;
    const own = ownColors(document, index);
    if (!own.color && !own.background) return;
    const { color, background } = effectiveColors(document, index);
    const ratio = contrastRatio(color, background);
    const large = isLargeText(
      inlineValue(styles, index, 'font-size'),
      inlineValue(styles, index, 'font-weight'),
    );
    const minimum = large ? CONTRAST_MIN_LARGE : CONTRAST_MIN;
    if (ratio >= minimum) return;
    marked++;
    list.add('contrast-low', 'warning', `Text in ${formatColor(color)} on ${formatColor(background)} has a contrast of ${ratio.toFixed(2)}:1, under the ${minimum}:1 WCAG asks for; darken the text or lighten the background.`, { source, start: element.start, end: element.end }); // prettier-ignore
  });
}

/** Run the accessibility checks. */
export function checkAccessibility(message: CheckedMessage, list: FindingList): void {
  if (!message.html) return;
  checkLanguage(message, list);
  checkTables(message, list);
  checkHeadings(message, list);
  checkContrast(message, list);
}
