/**
 * The text body made from an HTML body: links kept as URLs, tables laid out in columns, images
 * by their alternative text, lines wrapped for mail readers.
 */
import { convert } from 'html-to-text';

/** Plain-text lines are wrapped at 76 characters, the width mail readers expect. */
export const TEXT_WRAP_COLUMN = 76;

/** Convert an HTML body to the plain-text alternative. */
export function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: TEXT_WRAP_COLUMN,
    formatters: {
      // An image's address (often a cid: or a tracking pixel) means nothing in plain text.
      alternativeText(element, _walk, builder) {
        const alt = element.attribs?.['alt']?.trim();
        if (alt) builder.addInline(`[${alt}]`);
      },
    },
    selectors: [
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true, linkBrackets: ['(', ')'] } },
      { selector: 'img', format: 'alternativeText' },
      { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'h3', options: { uppercase: false } },
      { selector: 'style', format: 'skip' },
      { selector: 'head', format: 'skip' },
    ],
  }).trim();
}
