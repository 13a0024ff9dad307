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
export { firstHeader, hasHeader, headerValues } from './header-lookup.ts';
export {
  addressProblem,
  asciiAddress,
  domainToAscii,
  flattenAddresses,
  formatDisplayName,
  formatMailbox,
  parseAddressList,
  type AddressEntry,
  type AddressParseOptions,
  type AddressGroup,
  type Mailbox,
} from './address.ts';
export { readWrittenAddressList, type WrittenMailbox } from './written-address.ts';
export { buildMessage } from './build.ts';
export { TextBodyCache } from './text-body-cache.ts';
export { buildEnvelope, type EnvelopeInput } from './envelope.ts';
export {
  chooseAttachmentEncoding,
  chooseTextEncoding,
  SEVEN_BIT_MAX_LINE,
  type TransferEncoding,
  type TransferEncodingChoice,
} from './transfer-encoding.ts';
export { formatDate, normaliseDate } from './date.ts';
export { isValidBoundary, normaliseMessageId } from './message-id.ts';
export {
  SES_MAX_RECIPIENTS,
  SES_V1_MAX_MESSAGE_BYTES,
  SES_V2_MAX_MESSAGE_BYTES,
} from './build-diagnostics.ts';
export { BUILDER_HEADERS, SES_UNIQUE_HEADERS, checkExtraHeaders } from './header-fields.ts';
export { inspectMessage } from './inspect.ts';
export { decodeBodyText, decodeTransferEncoding } from './part-content.ts';
export { summariseHeaders, type HeaderSummary } from './header-summary.ts';
export {
  BLOCKED_ATTACHMENT_EXTENSIONS,
  isBlockedAttachment,
  sesEncodedSize,
} from './build-diagnostics.ts';
export { parseMailDate } from './mail-date.ts';

// The byte-level readers the SES simulator builds on, so that it reads mail text only through
// this module.
export {
  CR,
  LF,
  SPACE,
  TAB,
  bytesToBinaryString,
  concatBytes,
  lineEndAt,
  utf8Decode,
  utf8Encode,
} from './bytes.ts';
export { decodeHeaderBytes, readHeaderBlock } from './header-block.ts';
export { DiagnosticLog } from './inspect-diagnostics.ts';
export { scanStructure, type ScannedPart } from './structure-scan.ts';
export { decodeText, decodeTransfer } from './part-content.ts';
export { parseAuthenticationResults, type AuthenticationResult } from './authentication-results.ts';
