/**
 * Exports of a composed message, pure functions without the DOM: SES API requests, AWS CLI
 * command lines, AWS SDK programs, the SMTP transaction, and the text body made from the HTML.
 */
export { bytesToBase64, base64ToBytes } from './base64.ts';
export {
  CONFIGURATION_SET_HEADER,
  MESSAGE_TAGS_HEADER,
  parseMessageTags,
  readSesHeaders,
  type SesHeaderSettings,
} from './ses-headers.ts';
export {
  SIMPLE_MAX_HEADERS,
  sesV2SendEmail,
  sesV2TemplatedSendEmail,
  sesV1SendRawEmail,
  simpleContentObstacles,
  toCliJson,
  type SesExportSource,
  type SesV2Export,
} from './ses-request.ts';
export { awsSesv2SendEmailCommand, awsSesSendRawEmailCommand, shellQuote } from './aws-cli.ts';
export { javascriptSdkSnippet } from './sdk-javascript.ts';
export { javaSdkSnippet } from './sdk-java.ts';
export {
  MASKED_CREDENTIAL,
  SES_SMTP_MAX_SIZE,
  SES_SMTP_PORT,
  dotStuff,
  smtpTranscript,
  type SmtpExchange,
  type SmtpTranscript,
  type SmtpTranscriptOptions,
} from './smtp-transcript.ts';
