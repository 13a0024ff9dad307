/**
 * The local spam rules: a data module of rule objects, each needing nothing but the message (no
 * DNS, no network, no Bayes). Modelled on Apache SpamAssassin's header, body, URI and HTML/MIME
 * rules and the points its score set 0 (network tests and Bayes off) gives them; rule names
 * follow SpamAssassin's where one exists, and points are rounded. Source:
 * https://spamassassin.apache.org/ (rules/50_scores.cf, 72_active.cf; Apache License 2.0).
 */
import { parseMailDate } from '../mime/mail-date.ts';
import type { SpamFacts } from './spam-facts.ts';

/** Where the rule set comes from, shown beside the score. */
export const SPAM_RULES_SOURCE =
  "Modelled on Apache SpamAssassin's local rules, score set 0 (no network, no Bayes); points rounded.";
/** SpamAssassin's default required score. */
export const SPAM_THRESHOLD = 5;

/** One rule: when `test` gives a sentence, the rule fired and the sentence says why. */
export interface SpamRule {
  name: string;
  points: number;
  kind: 'header' | 'body' | 'uri' | 'html' | 'mime';
  description: string;
  test(facts: SpamFacts): string | undefined;
}

/** Twelve hours: a Date further ahead than this is in the future, not a clock a little fast. */
const FUTURE_SLACK_MS = 12 * 3600 * 1000;
const SHORTENERS = new Set(['bit.ly', 'tinyurl.com', 't.co', 'goo.gl', 'ow.ly', 'is.gd', 'buff.ly', 'rebrand.ly', 'cutt.ly', 'shorturl.at', 'tiny.cc']); // prettier-ignore

/** The rules, in the order their findings are listed. */
export const SPAM_RULES: readonly SpamRule[] = [
  { name: 'MISSING_MID', points: 0.5, kind: 'header', description: 'Missing Message-ID header',
    test: (f) => (f.header('message-id') ? undefined : 'There is no Message-ID header; SES adds one, other senders may not.') },
  { name: 'MISSING_DATE', points: 1.4, kind: 'header', description: 'Missing Date header',
    test: (f) => (f.header('date') ? undefined : 'There is no Date header.') },
  { name: 'INVALID_DATE', points: 1.1, kind: 'header', description: 'Invalid Date header (not RFC 5322)',
    test: (f) => { const d = f.header('date'); return d && !parseMailDate(d) ? `The Date header "${d.slice(0, 40)}" is not an RFC 5322 date.` : undefined; } },
  { name: 'DATE_IN_FUTURE', points: 1.0, kind: 'header', description: 'Date header is in the future',
    test: (f) => { const d = parseMailDate(f.header('date') ?? ''); return d && d.time - f.now.getTime() > FUTURE_SLACK_MS ? 'The Date header is more than 12 hours ahead of now.' : undefined; } },
  { name: 'MISSING_SUBJECT', points: 1.8, kind: 'header', description: 'Missing Subject header',
    test: (f) => (f.header('subject') === undefined ? 'There is no Subject header.' : undefined) },
  { name: 'SUBJ_ALL_CAPS', points: 0.5, kind: 'header', description: 'Subject is all capitals',
    test: (f) => { const s = f.subject.replace(/[^\p{L}]/gu, ''); return s.length >= 8 && s === s.toUpperCase() && s !== s.toLowerCase() ? 'The subject is written in capitals only.' : undefined; } },
  { name: 'MISSING_HEADERS', points: 1.0, kind: 'header', description: 'Missing To header',
    test: (f) => (f.header('to') || f.header('cc') ? undefined : 'There is neither a To nor a Cc header.') },
  { name: 'EMPTY_MESSAGE', points: 2.3, kind: 'body', description: 'Message appears to have no textual content',
    test: (f) => (f.words === 0 && f.images === 0 ? 'Neither body has any words.' : undefined) },
  { name: 'UPPERCASE_50_75', points: 0.8, kind: 'body', description: 'Message body is 50-75% uppercase',
    test: (f) => (f.uppercaseShare >= 0.5 && f.uppercaseShare < 0.75 ? `${Math.round(f.uppercaseShare * 100)}% of the body's letters are capitals.` : undefined) },
  { name: 'UPPERCASE_75_100', points: 1.2, kind: 'body', description: 'Message body is 75-100% uppercase',
    test: (f) => (f.uppercaseShare >= 0.75 ? `${Math.round(f.uppercaseShare * 100)}% of the body's letters are capitals.` : undefined) },
  { name: 'DEAR_SOMETHING', points: 2.0, kind: 'body', description: 'Contains "Dear (something)"',
    test: (f) => (/\bdear (friend|customer|sir|madam|user|member|beneficiary|winner|account holder)\b/i.test(f.bodyText) ? 'The body addresses the reader as "Dear friend/customer/…" rather than by name.' : undefined) },
  { name: 'NUMERIC_HTTP_ADDR', points: 1.2, kind: 'uri', description: 'Link to a numeric IP address',
    test: (f) => { const h = f.linkHosts.find((host) => /^\d{1,3}(\.\d{1,3}){3}$|^\[/.test(host)); return h ? `A link goes to the IP address ${h} rather than a domain.` : undefined; } },
  { name: 'URI_SHORTENER', points: 1.0, kind: 'uri', description: 'Link through a URL shortener',
    test: (f) => { const h = f.linkHosts.find((host) => SHORTENERS.has(host)); return h ? `A link goes through the shortener ${h}, which hides its destination.` : undefined; } },
  { name: 'HTTPS_HTTP_MISMATCH', points: 0.1, kind: 'uri', description: 'Link text says https, the link is http',
    test: (f) => (f.httpsTextHttpLink ? 'A link shows an https:// address but goes to an http:// one.' : undefined) },
  { name: 'MIME_HTML_ONLY', points: 0.7, kind: 'mime', description: 'Message only has text/html MIME parts',
    test: (f) => (f.hasHtml && !f.hasText ? 'The message has an HTML part and no text/plain part.' : undefined) },
  { name: 'MIME_BASE64_TEXT', points: 1.7, kind: 'mime', description: 'Message text disguised using base64 encoding',
    test: (f) => (f.asciiTextInBase64 ? 'A text part is plain ASCII yet sent in base64, which hides its words from simple filters.' : undefined) },
  { name: 'MPART_ALT_DIFF', points: 0.7, kind: 'mime', description: 'HTML and text parts are different',
    test: (f) => (f.alternativeOverlap !== undefined && f.alternativeOverlap < 0.5 ? `The text part shares only ${Math.round(f.alternativeOverlap * 100)}% of the HTML part's words.` : undefined) },
  { name: 'HTML_MIME_NO_HTML_TAG', points: 0.6, kind: 'html', description: 'HTML-only message, but there is no HTML tag',
    test: (f) => (f.hasHtml && !f.htmlTag ? 'The HTML part has no <html> element.' : undefined) },
  { name: 'HTML_IMAGE_ONLY', points: 1.8, kind: 'html', description: 'HTML: images with under 400 characters of text',
    test: (f) => (f.images > 0 && f.htmlTextLength < 400 ? `The HTML has ${f.images} image(s) and only ${f.htmlTextLength} characters of text.` : undefined) },
  { name: 'HTML_IMAGE_RATIO_02', points: 0.8, kind: 'html', description: 'HTML has a low ratio of text to image area',
    test: (f) => (f.imageArea > 0 && f.htmlTextLength >= 400 && f.htmlTextLength / (f.imageArea / 1000) < 2 ? `${f.htmlTextLength} characters of text against ${Math.round(f.imageArea / 1000)} thousand pixels of images.` : undefined) },
  { name: 'T_REMOTE_IMAGE', points: 0.01, kind: 'html', description: 'Message contains an external image',
    test: (f) => (f.remoteImages > 0 ? `${f.remoteImages} image(s) load from the web.` : undefined) },
]; // prettier-ignore
