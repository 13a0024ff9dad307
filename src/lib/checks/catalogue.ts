/**
 * The catalogue of finding codes (SPEC, "Pre-send checks"): each code's area, for grouping in a
 * checklist, and where its rule comes from. Codes are part of the interface: add, never rename.
 */

/** The areas a checklist groups findings by. */
export type CheckArea =
  | 'content'
  | 'compatibility'
  | 'deliverability'
  | 'spam'
  | 'accessibility'
  | 'dark-mode'
  | 'validity';

/** Area names as a person reads them, in checklist order. */
export const CHECK_AREAS: ReadonlyArray<{ area: CheckArea; label: string }> = [
  { area: 'deliverability', label: 'Deliverability' },
  { area: 'spam', label: 'Spam score' },
  { area: 'content', label: 'Size, links and images' },
  { area: 'compatibility', label: 'Client compatibility' },
  { area: 'accessibility', label: 'Accessibility' },
  { area: 'dark-mode', label: 'Dark mode' },
  { area: 'validity', label: 'HTML validity' },
];

/** One catalogue entry. */
export interface CatalogueEntry {
  area: CheckArea;
  /** Where the rule comes from. */
  reference: string;
}

const RFC_8058 = 'https://www.rfc-editor.org/rfc/rfc8058';
const GMAIL_BULK = 'https://support.google.com/a/answer/81126';
const YAHOO_BULK = 'https://senders.yahooinc.com/best-practices/';
const WCAG_CONTRAST = 'https://www.w3.org/TR/WCAG22/#contrast-minimum';
const SES_QUOTAS = 'https://docs.aws.amazon.com/ses/latest/dg/quotas.html';

/** Every code `checkMessage` can report. */
export const CHECK_CATALOGUE = {
  'img-missing-alt': { area: 'accessibility', reference: 'https://www.w3.org/WAI/tutorials/images/' },
  'img-missing-size': { area: 'content', reference: 'https://www.caniemail.com/features/html-width/' },
  'img-too-large': { area: 'content', reference: 'https://www.caniemail.com/features/html-img/' },
  'remote-images': { area: 'content', reference: 'https://support.google.com/mail/answer/145919' },
  'cid-missing-part': { area: 'content', reference: 'https://www.rfc-editor.org/rfc/rfc2392' },
  'link-insecure': { area: 'content', reference: GMAIL_BULK },
  'link-unsafe': { area: 'content', reference: 'https://owasp.org/www-community/attacks/xss/' },
  'link-malformed': { area: 'content', reference: 'https://url.spec.whatwg.org/' },
  'link-text-mismatch': { area: 'content', reference: 'https://www.ftc.gov/business-guidance/resources/phishing' },
  'link-text-vague': { area: 'accessibility', reference: 'https://www.w3.org/WAI/WCAG22/Understanding/link-purpose-in-context' },
  'gmail-clipping': { area: 'content', reference: 'https://support.google.com/mail/thread/3283937' },
  'ses-size-limit': { area: 'content', reference: SES_QUOTAS },
  'no-text-alternative': { area: 'deliverability', reference: 'https://www.rfc-editor.org/rfc/rfc2046#section-5.1.4' },
  'text-missing-link': { area: 'deliverability', reference: 'https://www.rfc-editor.org/rfc/rfc2046#section-5.1.4' },
  'text-html-drift': { area: 'deliverability', reference: 'https://www.rfc-editor.org/rfc/rfc2046#section-5.1.4' },
  'preheader-length': { area: 'deliverability', reference: 'https://www.litmus.com/blog/the-ultimate-guide-to-preview-text-support' },
  'subject-spammy': { area: 'deliverability', reference: 'https://spamassassin.apache.org/' },
  'subject-too-long': { area: 'deliverability', reference: 'https://www.rfc-editor.org/rfc/rfc5322#section-2.1.1' },
  'list-unsubscribe-missing': { area: 'deliverability', reference: 'https://www.rfc-editor.org/rfc/rfc2369' },
  'one-click-unsubscribe-missing': { area: 'deliverability', reference: RFC_8058 },
  'unsubscribe-link-missing': { area: 'deliverability', reference: YAHOO_BULK },
  'html-lang-missing': { area: 'accessibility', reference: 'https://www.w3.org/WAI/WCAG22/Understanding/language-of-page' },
  'layout-table-role-missing': { area: 'accessibility', reference: 'https://www.w3.org/WAI/ARIA/apg/practices/hiding-semantics/' },
  'heading-order': { area: 'accessibility', reference: 'https://www.w3.org/WAI/tutorials/page-structure/headings/' },
  'contrast-low': { area: 'accessibility', reference: WCAG_CONTRAST },
  'css-unsupported': { area: 'compatibility', reference: 'https://www.caniemail.com/' },
  'html-unsupported': { area: 'compatibility', reference: 'https://www.caniemail.com/' },
  'html-invalid': { area: 'validity', reference: 'https://html-validate.org/rules/' },
  'dark-mode-unready': { area: 'dark-mode', reference: 'https://www.caniemail.com/features/css-at-media-prefers-color-scheme/' },
  'from-not-verified': { area: 'deliverability', reference: 'https://docs.aws.amazon.com/ses/latest/dg/verify-addresses-and-domains.html' },
  'dkim-missing': { area: 'deliverability', reference: GMAIL_BULK },
  'dmarc-unaligned': { area: 'deliverability', reference: 'https://www.rfc-editor.org/rfc/rfc7489#section-3.1' },
  'spam-rule': { area: 'spam', reference: 'https://spamassassin.apache.org/' },
} as const satisfies Record<string, CatalogueEntry>; // prettier-ignore

/** A code from the catalogue. */
export type CheckCode = keyof typeof CHECK_CATALOGUE;

/** The catalogue entry of a code, or undefined for a code the catalogue does not hold. */
export function catalogueEntry(code: string): CatalogueEntry | undefined {
  return (CHECK_CATALOGUE as Record<string, CatalogueEntry>)[code];
}
