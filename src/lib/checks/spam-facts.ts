/**
 * What the local spam rules look at, worked out once from the message.
 */
import { visibleText } from './html-document.ts';
import type { CheckedMessage } from './message.ts';
import { allBelow } from './source-text.ts';
import { hostOf, schemeOf } from './urls.ts';

/** Facts about a message for the spam rules. */
export interface SpamFacts {
  now: Date;
  header(name: string): string | undefined;
  subject: string;
  bodyText: string;
  words: number;
  uppercaseShare: number;
  linkHosts: string[];
  httpsTextHttpLink: boolean;
  hasHtml: boolean;
  hasText: boolean;
  htmlTag: boolean;
  asciiTextInBase64: boolean;
  /** Share of the HTML's words the text part has, when there are both. */
  alternativeOverlap?: number;
  images: number;
  imageArea: number;
  remoteImages: number;
  htmlTextLength: number;
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Gather the facts. */
export function gatherSpamFacts(message: CheckedMessage, now: Date): SpamFacts {
  const html = message.html?.document;
  const htmlText = html ? visibleText(html) : '';
  const bodyText = message.text?.text ?? htmlText;
  const letters = bodyText.replace(/[^\p{L}]/gu, '');
  const upper = bodyText.replace(/[^\p{Lu}]/gu, '');
  const facts: SpamFacts = {
    now,
    header: (name) => message.header(name),
    subject: message.inspection.subject ?? '',
    bodyText,
    words: wordsOf(`${bodyText} ${htmlText}`).length,
    uppercaseShare: letters.length >= 40 ? upper.length / letters.length : 0,
    linkHosts: [],
    httpsTextHttpLink: false,
    hasHtml: html !== undefined,
    hasText: message.text !== undefined,
    htmlTag: html?.elements.some((e) => e.name === 'html' && e.inSource) ?? false,
    asciiTextInBase64: false,
    images: 0,
    imageArea: 0,
    remoteImages: 0,
    htmlTextLength: htmlText.length,
  };
  for (const element of html?.elements ?? []) {
    if (element.name === 'a') {
      const href = element.attrs.get('href')?.value.trim() ?? '';
      const host = hostOf(href);
      if (host) facts.linkHosts.push(host);
      if (schemeOf(href) === 'http' && /^\s*https:\/\//i.test(element.text))
        facts.httpsTextHttpLink = true;
    } else if (element.name === 'img') {
      facts.images++;
      const width = parseInt(element.attrs.get('width')?.value ?? '', 10);
      const height = parseInt(element.attrs.get('height')?.value ?? '', 10);
      if (width > 0 && height > 0) facts.imageArea += width * height;
      const scheme = schemeOf(element.attrs.get('src')?.value ?? '');
      if (scheme === 'http' || scheme === 'https') facts.remoteImages++;
    }
  }
  const textNode = message.inspection.tree;
  const base64Text = (node: typeof textNode): boolean =>
    node.children.length > 0
      ? node.children.some(base64Text)
      : node.contentType === 'text/plain' && node.transferEncoding === 'base64';
  facts.asciiTextInBase64 = base64Text(textNode) && allBelow(message.text?.text ?? '\u0080', 0x80);
  if (html && message.text) {
    const htmlWords = wordsOf(htmlText);
    const textWords = new Set(wordsOf(message.text.text));
    if (htmlWords.length >= 5) {
      facts.alternativeOverlap =
        htmlWords.filter((w) => textWords.has(w)).length / htmlWords.length;
    }
  }
  return facts;
}
