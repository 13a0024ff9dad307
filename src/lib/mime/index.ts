/**
 * The MIME engine's public face: pure TypeScript, no DOM, runs in Node, the page and a worker.
 */
export type * from './types.ts';
export type { DecodeIssue } from './decode-issue.ts';
export { decodeBase64, encodeBase64, encodeBase64Lines, BASE64_MAX_LINE } from './base64.ts';
export {
  decodeQuotedPrintable,
  encodeQuotedPrintable,
  QP_MAX_LINE,
  type QuotedPrintableOptions,
} from './qp.ts';
export {
  decodeCharset,
  resolveCharset,
  FALLBACK_CHARSET,
  type ResolvedCharset,
} from './charset.ts';
export {
  decodeB,
  decodeEncodedWords,
  decodeQ,
  decodeWord,
  encodeQ,
  encodeUnstructured,
  encodeWord,
  encodeWordRun,
  needsEncoding,
  ENCODED_WORD_MAX,
  type WordEncoding,
} from './encoded-word.ts';
export {
  encodeParameter,
  formatHeaderValue,
  parseHeaderValue,
  PARAM_MAX_LENGTH,
  type ParsedHeaderValue,
} from './params.ts';
export { foldHeader, unfoldHeader, HEADER_FOLD_AT, MAX_LINE_LENGTH } from './fold.ts';
export {
  addressProblem,
  asciiAddress,
  domainToAscii,
  flattenAddresses,
  formatDisplayName,
  formatMailbox,
  parseAddressList,
  type AddressEntry,
  type AddressGroup,
  type Mailbox,
} from './address.ts';
