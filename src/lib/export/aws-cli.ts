/**
 * The AWS CLI command lines that send a request: `aws sesv2 send-email` and
 * `aws ses send-raw-email`, with each member as its kebab-cased flag. Structured values are
 * JSON, and blobs are base64 (AWS CLI v2's default for blob parameters).
 */
import type { SendEmailRequest, V1SendRawEmailRequest } from '../ses/api/request-types.ts';
import { toCliJson } from './ses-request.ts';

const SHELL_SAFE = /^[A-Za-z0-9@%+=:,./_-]+$/;

/** Quote a word for a POSIX shell; words of safe characters stay bare. */
export function shellQuote(word: string): string {
  if (SHELL_SAFE.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

function commandLine(command: string, flags: Array<[string, string[]]>): string {
  const lines = [command];
  for (const [flag, values] of flags) lines.push(`${flag} ${values.map(shellQuote).join(' ')}`);
  return lines.join(' \\\n  ');
}

/** `aws sesv2 send-email` with the members of a v2 `SendEmail` request. */
export function awsSesv2SendEmailCommand(request: SendEmailRequest): string {
  const flags: Array<[string, string[]]> = [];
  if (request.FromEmailAddress) flags.push(['--from-email-address', [request.FromEmailAddress]]);
  if (request.Destination) flags.push(['--destination', [toCliJson(request.Destination, 0)]]);
  if (request.ReplyToAddresses?.length) {
    flags.push(['--reply-to-addresses', request.ReplyToAddresses]);
  }
  if (request.FeedbackForwardingEmailAddress) {
    flags.push(['--feedback-forwarding-email-address', [request.FeedbackForwardingEmailAddress]]);
  }
  flags.push(['--content', [toCliJson(request.Content, 0)]]);
  if (request.EmailTags?.length) flags.push(['--email-tags', [toCliJson(request.EmailTags, 0)]]);
  if (request.ConfigurationSetName) {
    flags.push(['--configuration-set-name', [request.ConfigurationSetName]]);
  }
  return commandLine('aws sesv2 send-email', flags);
}

/** `aws ses send-raw-email` with the members of a v1 `SendRawEmail` request. */
export function awsSesSendRawEmailCommand(request: V1SendRawEmailRequest): string {
  const flags: Array<[string, string[]]> = [];
  if (request.Source) flags.push(['--source', [request.Source]]);
  if (request.Destinations?.length) flags.push(['--destinations', request.Destinations]);
  flags.push(['--raw-message', [toCliJson(request.RawMessage, 0)]]);
  if (request.ConfigurationSetName) {
    flags.push(['--configuration-set-name', [request.ConfigurationSetName]]);
  }
  if (request.Tags?.length) flags.push(['--tags', [toCliJson(request.Tags, 0)]]);
  return commandLine('aws ses send-raw-email', flags);
}
