/**
 * Deliverability: a text alternative that says what the HTML says, the preheader, the subject,
 * and for bulk mail the unsubscribe headers and link and the bulk-sender rules Gmail, Yahoo and
 * Microsoft enforce that can be checked from the message alone (DKIM, DMARC alignment, From).
 */
import { domainOf, organizationalDomain } from '../mime/dmarc-alignment.ts';
import type { FindingList } from './findings.ts';
import { headerPlace } from './header-place.ts';
import { visibleText } from './html-document.ts';
import type { CheckedMessage } from './message.ts';
import { documentStyles, inlineValue } from './styles.ts';
import { hostOf, isPlaceholder, schemeOf } from './urls.ts';

/** Preview text shorter than this lets clients fill the rest with the body's first words. */
export const PREHEADER_MIN = 40;
/** Clients show at most about this many characters of preview text. */
export const PREHEADER_MAX = 140;
/** Subjects longer than this are cut in most inboxes, and need folding (RFC 5322 §2.1.1). */
export const SUBJECT_MAX = 78;
/** The share of the HTML's words the text part may lack before the two are said to drift. */
const DRIFT_TOLERANCE = 0.25;

/** Mailbox providers whose DMARC policy rejects mail From them sent elsewhere. */
const CONSUMER_DOMAINS = new Set([
  'gmail.com', 'googlemail.com', 'yahoo.com', 'ymail.com', 'rocketmail.com', 'aol.com',
  'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'icloud.com', 'me.com', 'mac.com',
  'gmx.com', 'gmx.de', 'web.de', 'mail.ru', 'yandex.ru', 'proton.me', 'protonmail.com',
]); // prettier-ignore

/** Subject patterns that filters and readers take for spam. */
const SPAMMY_SUBJECT: ReadonlyArray<{ pattern: RegExp; why: string }> = [
  { pattern: /!{2,}|\?{3,}/, why: 'repeated punctuation' },
  { pattern: /\${2,}|€{2,}|£{2,}/, why: 'repeated currency signs' },
  { pattern: /\b(100% free|free money|act now|risk[- ]free|you('ve| have) won|winner|guaranteed|no cost|cash bonus|urgent|limited time only|click here|buy now)\b/i, why: 'a phrase typical of spam' },
  { pattern: /^\s*(re|fwd?):/i, why: 'a reply or forward prefix on a message that is neither' },
]; // prettier-ignore

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function checkAlternative(message: CheckedMessage, list: FindingList): void {
  const { html, text } = message;
  if (!html) return;
  if (!text) {
    list.add('no-text-alternative', 'warning', 'The message has HTML but no text/plain part; add a text version in a multipart/alternative so that plain-text readers and filters see the content.', { source: html.source, start: 0, end: 0 }); // prettier-ignore
    return;
  }
  const plain = text.text.replace(/\s+/g, ' ');
  let missing = 0;
  for (const element of html.document.elements) {
    const href = element.name === 'a' ? element.attrs.get('href') : undefined;
    const value = href?.value.trim() ?? '';
    if (!href || !/^https?:/i.test(value) || isPlaceholder(value)) continue;
    const bare = value.replace(/\/$/, '');
    if (plain.includes(bare) || missing >= 20) continue;
    missing++;
    list.add('text-missing-link', 'warning', `The link to ${hostOf(value) ?? value.slice(0, 60)} is in the HTML but not in the text part; add its URL to the text version.`, { source: html.source, start: href.start, end: href.end }); // prettier-ignore
  }
  const htmlWords = words(visibleText(html.document));
  if (htmlWords.length < 5) return;
  const textWords = new Map<string, number>();
  for (const word of words(text.text)) textWords.set(word, (textWords.get(word) ?? 0) + 1);
  let absent = 0;
  for (const word of htmlWords) {
    const left = textWords.get(word) ?? 0;
    if (left > 0) textWords.set(word, left - 1);
    else absent++;
  }
  if (absent / htmlWords.length > DRIFT_TOLERANCE) {
    const share = Math.round((absent / htmlWords.length) * 100);
    list.add('text-html-drift', 'warning', `${share}% of the HTML's words are missing from the text part; update the text version so that it says what the HTML says.`, { source: text, start: 0, end: Math.min(text.text.length, 200) }); // prettier-ignore
  }
}

/** Whether an element is hidden the way preheaders are (display:none, zero size, …). */
function isHiddenPreheader(message: CheckedMessage, index: number): boolean {
  const { document } = message.html!;
  const styles = documentStyles(document);
  const display = inlineValue(styles, index, 'display')?.toLowerCase();
  const maxHeight = inlineValue(styles, index, 'max-height');
  return display === 'none' || maxHeight === '0' || maxHeight === '0px' || inlineValue(styles, index, 'mso-hide') === 'all';
} // prettier-ignore

function checkPreheader(message: CheckedMessage, list: FindingList): void {
  const html = message.html;
  if (!html) return;
  const body = html.document.elements.findIndex((e) => e.name === 'body');
  const index = html.document.elements.findIndex((e, i) => i > body && e.text.trim() !== '');
  if (index < 0 || !isHiddenPreheader(message, index)) return;
  const element = html.document.elements[index]!;
  const length = element.text.replace(/[\s\u034f\u200c\u00ad]+/g, ' ').trim().length;
  const place = { source: html.source, start: element.start, end: element.end };
  if (length < PREHEADER_MIN) {
    list.add('preheader-length', 'info', `The preheader is ${length} characters; inboxes show about 90, so write at least ${PREHEADER_MIN} or clients fill the rest with the first words of the body.`, place); // prettier-ignore
  } else if (length > PREHEADER_MAX) {
    list.add('preheader-length', 'info', `The preheader is ${length} characters; inboxes show at most about ${PREHEADER_MAX}, so shorten it to put what matters first.`, place); // prettier-ignore
  }
}

function checkSubject(message: CheckedMessage, list: FindingList): void {
  const subject = message.inspection.subject;
  if (subject === undefined) return;
  const place = headerPlace(message, 'subject');
  const letters = subject.replace(/[^\p{L}]/gu, '');
  const upper = subject.replace(/[^\p{Lu}]/gu, '');
  const reasons = SPAMMY_SUBJECT.filter((s) => s.pattern.test(subject)).map((s) => s.why);
  if (letters.length >= 10 && upper.length / letters.length > 0.7)
    reasons.unshift('capital letters throughout');
  if (reasons.length > 0) {
    list.add('subject-spammy', 'warning', `The subject has ${reasons.join(' and ')}; filters score these, so write it plainly in sentence case.`, place); // prettier-ignore
  }
  if ([...subject].length > SUBJECT_MAX) {
    list.add('subject-too-long', 'info', `The subject is ${[...subject].length} characters; inboxes show 40 to 70, so put what matters in the first 40.`, place); // prettier-ignore
  }
}

/** A bulk message's unsubscribe headers (RFC 2369, RFC 8058) and link. */
function checkUnsubscribe(message: CheckedMessage, list: FindingList): void {
  const header = message.header('list-unsubscribe');
  if (!header) {
    list.add('list-unsubscribe-missing', 'error', 'Bulk mail needs a List-Unsubscribe header (RFC 2369) with an https URI; Gmail and Yahoo require it of bulk senders and may otherwise filter the mail to spam or refuse it.', headerPlace(message, 'list-unsubscribe')); // prettier-ignore
  } else {
    const uris = [...header.matchAll(/<([^>]*)>/g)].map((m) => m[1]!.trim());
    const https = uris.some((uri) => schemeOf(uri) === 'https');
    const post = message.header('list-unsubscribe-post')?.replace(/\s+/g, '');
    if (!https || post !== 'List-Unsubscribe=One-Click') {
      const what = !https ? 'List-Unsubscribe has no https URI' : 'List-Unsubscribe-Post is missing or not "List-Unsubscribe=One-Click"';
      list.add('one-click-unsubscribe-missing', 'error', `One-click unsubscribe (RFC 8058) is incomplete: ${what}; add List-Unsubscribe: <https://…> and List-Unsubscribe-Post: List-Unsubscribe=One-Click, and sign both with DKIM.`, headerPlace(message, https ? 'list-unsubscribe-post' : 'list-unsubscribe')); // prettier-ignore
    }
  }
  const visible = (text: string) => /unsubscribe|opt[- ]?out|abmelden|désabonner|desuscribir|afmelden/i.test(text);
  const html = message.html;
  const link = html?.document.elements.find((e) => e.name === 'a' && (visible(e.text) || visible(e.attrs.get('href')?.value ?? '')));
  if (html ? !link : !visible(message.text?.text ?? '')) {
    list.add('unsubscribe-link-missing', 'warning', 'Bulk mail needs a visible unsubscribe link in the body; Yahoo and Gmail require one besides the header, so add "Unsubscribe" near the footer.', html ? { source: html.source, start: html.source.text.length, end: html.source.text.length } : undefined); // prettier-ignore
  }
} // prettier-ignore

function coveredBy(identities: readonly string[], address: string): boolean {
  const unlabelled = address.replace(/\+[^@]*@/, '@');
  const domain = domainOf(address);
  return identities.some((raw) => {
    const identity = raw.trim();
    if (identity.includes('@')) return identity === address || identity === unlabelled;
    const verified = identity.toLowerCase().replace(/\.$/, '');
    return !!domain && (domain === verified || domain.endsWith(`.${verified}`));
  });
}

function checkSender(message: CheckedMessage, options: { bulk: boolean; identities?: readonly string[] }, list: FindingList): void {
  const from = message.inspection.from;
  const fromPlace = headerPlace(message, 'from');
  const fromDomain = domainOf(from);
  if (from && options.identities && !coveredBy(options.identities, from)) {
    list.add('from-not-verified', 'error', `From ${from} is not a verified identity; SES refuses it with "Email address is not verified", so verify the address or its domain first.`, fromPlace); // prettier-ignore
  }
  if (!fromDomain) return;
  const signatures = message.inspection.dkim ?? [];
  const signed = signatures.filter((s) => s.domain);
  const sesWillSign = options.identities?.some((i) => !i.includes('@') && coveredBy([i], `x@${fromDomain}`)) ?? false;
  const loud = options.bulk ? 'error' : 'warning';
  if (signed.length === 0 && !sesWillSign) {
    list.add('dkim-missing', options.bulk ? 'error' : 'info', `The message has no DKIM signature and its domain ${fromDomain} is not a verified SES domain that would sign it; verify the domain with Easy DKIM, or Gmail answers 550-5.7.26 ("the sender is unauthenticated") and Microsoft 550 5.7.515.`, headerPlace(message, 'dkim-signature')); // prettier-ignore
  }
  if (CONSUMER_DOMAINS.has(organizationalDomain(fromDomain))) {
    list.add('dmarc-unaligned', loud, `From uses ${fromDomain}, a mailbox provider whose DMARC policy rejects mail it did not send itself; Gmail answers 550-5.7.26 and Yahoo 554 5.7.9, so send From your own domain.`, fromPlace); // prettier-ignore
    return;
  }
  const alignedSignature = signed.some((s) => organizationalDomain(s.domain!) === organizationalDomain(fromDomain));
  if (signed.length > 0 && !alignedSignature) {
    const domains = signed.map((s) => s.domain).join(', ');
    list.add('dmarc-unaligned', loud, `The DKIM signature is for ${domains}, not for ${organizationalDomain(fromDomain)} (the From domain's organization); sign with the From domain, or Gmail answers 550-5.7.32 ("the From: header isn't aligned") and Microsoft 550 5.7.515.`, headerPlace(message, 'dkim-signature')); // prettier-ignore
  }
} // prettier-ignore

/** Run the deliverability checks. */
export function checkDeliverability(
  message: CheckedMessage,
  options: { bulk: boolean; identities?: readonly string[] },
  list: FindingList,
): void {
  checkAlternative(message, list);
  checkPreheader(message, list);
  checkSubject(message, list);
  if (options.bulk) checkUnsubscribe(message, list);
  checkSender(message, options, list);
}
