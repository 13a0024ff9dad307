/**
 * Where a header field is defined: the RFC section (on rfc-editor.org) or the Amazon SES page
 * that says what it means, for the well-known fields a person meets when debugging mail.
 */

/** A link to the text that defines a header field. */
export interface HeaderDocumentation {
  /** Short name of the source, e.g. `RFC 5322 §3.6.2` or `Amazon SES`. */
  source: string;
  url: string;
}

const rfc = (number: number, section?: string): HeaderDocumentation => ({
  source: section ? `RFC ${number} §${section}` : `RFC ${number}`,
  url: `https://www.rfc-editor.org/rfc/rfc${number}${section ? `#section-${section}` : ''}`,
});

const SES_GUIDE = 'https://docs.aws.amazon.com/ses/latest/dg/';
const ses = (page: string): HeaderDocumentation => ({
  source: 'Amazon SES',
  url: `${SES_GUIDE}${page}.html`,
});

/** Lower-case field name → its definition. */
const DOCUMENTATION: ReadonlyMap<string, HeaderDocumentation> = new Map([
  // RFC 5322: the message format.
  ['date', rfc(5322, '3.6.1')],
  ['from', rfc(5322, '3.6.2')],
  ['sender', rfc(5322, '3.6.2')],
  ['reply-to', rfc(5322, '3.6.2')],
  ['to', rfc(5322, '3.6.3')],
  ['cc', rfc(5322, '3.6.3')],
  ['bcc', rfc(5322, '3.6.3')],
  ['message-id', rfc(5322, '3.6.4')],
  ['in-reply-to', rfc(5322, '3.6.4')],
  ['references', rfc(5322, '3.6.4')],
  ['subject', rfc(5322, '3.6.5')],
  ['comments', rfc(5322, '3.6.5')],
  ['keywords', rfc(5322, '3.6.5')],
  ['resent-date', rfc(5322, '3.6.6')],
  ['resent-from', rfc(5322, '3.6.6')],
  ['resent-sender', rfc(5322, '3.6.6')],
  ['resent-to', rfc(5322, '3.6.6')],
  ['resent-cc', rfc(5322, '3.6.6')],
  ['resent-bcc', rfc(5322, '3.6.6')],
  ['resent-message-id', rfc(5322, '3.6.6')],
  // RFC 5321 §4.4: trace fields added by each SMTP server.
  ['received', rfc(5321, '4.4')],
  ['return-path', rfc(5321, '4.4')],
  // MIME.
  ['mime-version', rfc(2045, '4')],
  ['content-type', rfc(2045, '5')],
  ['content-transfer-encoding', rfc(2045, '6')],
  ['content-id', rfc(2045, '7')],
  ['content-description', rfc(2045, '8')],
  ['content-disposition', rfc(2183, '2')],
  ['content-language', rfc(3282, '2')],
  ['content-location', rfc(2557, '4')],
  // Authentication.
  ['authentication-results', rfc(8601, '2')],
  ['dkim-signature', rfc(6376, '3.5')],
  ['received-spf', rfc(7208, '9.1')],
  ['arc-seal', rfc(8617, '4.1.3')],
  ['arc-message-signature', rfc(8617, '4.1.2')],
  ['arc-authentication-results', rfc(8617, '4.1.1')],
  // Mailing lists and automatic mail.
  ['list-id', rfc(2919, '2')],
  ['list-help', rfc(2369, '3.1')],
  ['list-unsubscribe', rfc(2369, '3.2')],
  ['list-subscribe', rfc(2369, '3.3')],
  ['list-post', rfc(2369, '3.4')],
  ['list-owner', rfc(2369, '3.5')],
  ['list-archive', rfc(2369, '3.6')],
  ['list-unsubscribe-post', rfc(8058, '3.1')],
  ['auto-submitted', rfc(3834, '5')],
  ['delivered-to', rfc(9228, '4')],
  ['disposition-notification-to', rfc(8098, '2.1')],
  ['archived-at', rfc(5064, '2')],
  // Amazon SES.
  ['x-ses-configuration-set', ses('event-publishing-send-email')],
  ['x-ses-message-tags', ses('event-publishing-send-email')],
  ['x-ses-source-arn', ses('sending-authorization-delegate-sender-tasks-email')],
  ['x-ses-from-arn', ses('sending-authorization-delegate-sender-tasks-email')],
  ['x-ses-return-path-arn', ses('sending-authorization-delegate-sender-tasks-email')],
  ['feedback-id', ses('receiving-email-action-lambda-event')],
  ['x-ses-outgoing', ses('receiving-email-action-lambda-event')],
  ['x-ses-spam-verdict', ses('receiving-email-action-lambda-event')],
  ['x-ses-virus-verdict', ses('receiving-email-action-lambda-event')],
  ['x-ses-receipt', ses('receiving-email-action-lambda-event')],
  ['x-ses-dkim-signature', ses('receiving-email-action-lambda-event')],
]);

/** The definition of a header field, for the well-known ones; case-insensitive. */
export function headerDocumentation(name: string): HeaderDocumentation | undefined {
  return DOCUMENTATION.get(name.trim().toLowerCase());
}

/** The SES page that lists which header fields SES accepts at most once, and which it replaces. */
export const SES_HEADER_FIELDS_URL = `${SES_GUIDE}header-fields.html`;
