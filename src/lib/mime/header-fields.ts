/**
 * Extra headers a person adds to a draft (e.g. `X-SES-CONFIGURATION-SET`): validated, never
 * silently changed. A bad name or a value with a line break is an error and the header is left
 * out: writing it would let one header smuggle in others (header injection).
 */
import { encodeUnstructured } from './encoded-word.ts';
import { foldHeader } from './fold.ts';
import { MAX_LINE_OCTETS } from './limits.ts';
import type { Diagnostic, HeaderField } from './types.ts';

/** RFC 5322 §3.6.8 field-name: printable ASCII except the colon. */
const FIELD_NAME = /^[\x21-\x39\x3b-\x7e]+$/;

/** Headers the builder writes from the draft's own fields; an extra one would duplicate them. */
export const BUILDER_HEADERS: ReadonlySet<string> = new Set([
  'from',
  'to',
  'cc',
  'bcc',
  'reply-to',
  'subject',
  'date',
  'message-id',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
  'content-disposition',
  'content-id',
]);

/**
 * Headers SES accepts at most once (ses-facts.md §2.3, from the SES developer guide); a second one
 * makes SES answer `Duplicate header 'X'.`
 */
export const SES_UNIQUE_HEADERS: ReadonlySet<string> = new Set(
  [
    'Accept-Language',
    'acceptLanguage',
    'Archived-At',
    'Auto-Submitted',
    'Bounces-to',
    'Comments',
    'Content-Alternative',
    'Content-Base',
    'Content-Class',
    'Content-Description',
    'Content-Disposition',
    'Content-Duration',
    'Content-ID',
    'Content-Language',
    'Content-Length',
    'Content-Location',
    'Content-MD5',
    'Content-Transfer-Encoding',
    'Content-Type',
    'Date',
    'Delivered-To',
    'Disposition-Notification-Options',
    'Disposition-Notification-To',
    'DKIM-Signature',
    'DomainKey-Signature',
    'Errors-To',
    'From',
    'Importance',
    'In-Reply-To',
    'Keywords',
    'List-Archive',
    'List-Help',
    'List-Id',
    'List-Owner',
    'List-Post',
    'List-Subscribe',
    'List-Unsubscribe',
    'List-Unsubscribe-Post',
    'Message-Context',
    'Message-ID',
    'MIME-Version',
    'Organization',
    'Original-From',
    'Original-Message-ID',
    'Original-Recipient',
    'Original-Subject',
    'Precedence',
    'Priority',
    'References',
    'Reply-To',
    'Return-Path',
    'Return-Receipt-To',
    'Sender',
    'Solicitation',
    'Sensitivity',
    'Subject',
    'Thread-Index',
    'Thread-Topic',
    'User-Agent',
    'VBR-Info',
  ].map((name) => name.toLowerCase()),
);

/**
 * Check the draft's extra headers. Returns the ones to write (values made 7-bit with RFC 2047
 * where needed) and a diagnostic for each one left out.
 */
export function checkExtraHeaders(headers: readonly HeaderField[]): {
  accepted: HeaderField[];
  diagnostics: Diagnostic[];
} {
  const accepted: HeaderField[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const { name, value } of headers) {
    const key = name.toLowerCase();
    if (!FIELD_NAME.test(name)) {
      diagnostics.push({
        severity: 'error',
        code: 'invalid-header-name',
        message: name
          ? `The header name "${name}" may only hold printable ASCII without ":" or spaces; it was left out.`
          : 'A header has an empty name (SES: "Empty header names are illegal."); it was left out.',
      });
      continue;
    }
    if (/[\r\n]/.test(value)) {
      diagnostics.push({
        severity: 'error',
        code: 'header-injection',
        message: `The value of ${name} contains a line break, which would start a new header; it was left out.`,
      });
      continue;
    }
    if (key === 'bcc') {
      diagnostics.push({
        severity: 'error',
        code: 'bcc-header',
        message: 'A Bcc header would show blind-copied recipients to everyone; use the Bcc field.',
      });
      continue;
    }
    if (BUILDER_HEADERS.has(key) || (SES_UNIQUE_HEADERS.has(key) && seen.has(key))) {
      diagnostics.push({
        severity: 'error',
        code: 'duplicate-header',
        message: BUILDER_HEADERS.has(key)
          ? `${name} is written from the draft's own field; the extra header would duplicate it (SES: "Duplicate header '${name}'."), so it was left out.`
          : `${name} may appear only once (SES: "Duplicate header '${name}'."); the repeat was left out.`,
      });
      continue;
    }
    const encoded = encodeUnstructured(value);
    // Folding happens only before a word, so a word (with the spaces before it that the line
    // before cannot take) may not fit any line (RFC 5322 §2.1.1).
    if (
      foldHeader(name, encoded)
        .split('\r\n')
        .some((line) => line.length > MAX_LINE_OCTETS)
    ) {
      diagnostics.push({
        severity: 'error',
        code: 'line-too-long',
        message: `${name} has a word too long for a ${MAX_LINE_OCTETS}-character line (RFC 5322 §2.1.1); it was left out.`,
      });
      continue;
    }
    seen.add(key);
    accepted.push({ name, value: encoded });
  }
  return { accepted, diagnostics };
}
