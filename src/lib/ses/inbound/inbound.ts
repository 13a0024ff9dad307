/**
 * Receiving a message: the active rule set's rules run for the recipients they match, their
 * actions in order, and each action that notifies produces the JSON SES would: the "Received"
 * SNS notification (ses-facts §8.4) or the Lambda event, with the receipt verdicts.
 */
import {
  firstHeader,
  flattenAddresses,
  parseAddressList,
  decodeBase64,
  decodeEncodedWords,
  encodeBase64,
  formatDate,
  utf8Decode,
  type HeaderField,
  parseAuthenticationResults,
} from '../../mime/index.ts';
import { domainOf } from '../identities/address.ts';
import { readHeaderSection, rewriteHeaderSection } from '../outbound/header-section.ts';
import { inboundMessageId, nextInt, type Random } from '../api/ids.ts';
import { commonHeadersOf, truncateHeaders } from '../outbound/mail-object.ts';
import { containsTestVirus, decodedTextBody } from '../outbound/message-content.ts';
import {
  ruleMatches,
  type InboundActionResult,
  type InboundRecord,
  type ReceivingState,
  type VerdictStatus,
} from './receiving.ts';
import { MAX_SNS_CONTENT_BYTES, MAX_INBOUND_BYTES } from '../limits.ts';

/** The mailboxes of an address header, read by the mime engine (groups opened). */
function mailboxesOf(value: string) {
  return flattenAddresses(parseAddressList(value));
}

/**
 * The reply to a message over `MAX_INBOUND_BYTES`: the text SES's SMTP interface gives for a
 * message that is too long (ses-facts §10); SES does not document its receiving reply.
 */
export const TOO_LONG_REPLY = '552 Message is too long.';

/** A message arriving at SES. */
export interface InboundInput {
  raw: Uint8Array;
  /** Envelope sender; the From address when absent. */
  mailFrom?: string;
  /** Envelope recipients; To and Cc when absent. */
  rcptTo?: string[];
  /** Decoded subject and body text, for keyword conditions (read from the raw when absent). */
  subject?: string;
  body?: string;
  /** Authentication verdicts; read from an Authentication-Results header when absent, else GRAY. */
  spf?: VerdictStatus;
  dkim?: VerdictStatus;
  dmarc?: VerdictStatus;
}

/** What receiving needs from the simulator. */
export interface InboundContext {
  receiving: ReceivingState;
  region: string;
  random: Random;
  nowMs: number;
  isVerifiedDomain: (address: string) => boolean;
}

function verdictFromResults(results: string | undefined, method: string): VerdictStatus {
  // The engine's RFC 8601 reader skips comments such as "(… dkim=fail …)" before the result.
  const value = parseAuthenticationResults(results ?? '').find((r) => r.method === method)?.result;
  if (value === 'pass') return 'PASS';
  if (value === 'fail' || value === 'softfail' || value === 'permerror') return 'FAIL';
  if (value === 'temperror') return 'PROCESSING_FAILED';
  return 'GRAY';
}

/** Receive a message through the active rule set and record it in the inbound store. */
export function receiveMessage(context: InboundContext, input: InboundInput): InboundRecord {
  const { receiving, random, nowMs } = context;
  const section = readHeaderSection(input.raw);
  const headers: HeaderField[] = section.headers.map(({ name, value }) => ({ name, value }));
  const mailFrom =
    input.mailFrom ?? mailboxesOf(firstHeader(headers, 'From') ?? '')[0]?.address ?? '';
  const recipients =
    input.rcptTo ??
    [
      ...mailboxesOf(firstHeader(headers, 'To') ?? ''),
      ...mailboxesOf(firstHeader(headers, 'Cc') ?? ''),
    ].map((m) => m.address);
  const messageId = inboundMessageId(random);
  if (input.raw.length > MAX_INBOUND_BYTES) {
    // Refused at the end of DATA: no rule runs and nothing is stored or scanned.
    const refused: InboundRecord = {
      messageId,
      receivedAt: nowMs,
      mailFrom,
      recipients,
      disposition: 'rejected',
      smtpReply: TOO_LONG_REPLY,
      raw: encodeBase64(input.raw.subarray(0, section.bodyStart)),
      matchedRules: [],
      actions: [],
    };
    receiving.inbound.push(refused);
    return refused;
  }
  const timestamp = new Date(nowMs).toISOString();
  const content = {
    subject: input.subject ?? decodeEncodedWords(firstHeader(headers, 'Subject') ?? ''),
    body: input.body ?? decodedTextBody(input.raw),
  };
  const ruleSet = receiving.ruleSets.find((s) => s.name === receiving.activeRuleSetName);
  const matches = (ruleSet?.rules ?? [])
    .map((rule) => ({
      rule,
      recipients: recipients.filter((r) => ruleMatches(rule, r, context.isVerifiedDomain, content)),
    }))
    .filter((m) => m.recipients.length > 0);
  const results = firstHeader(headers, 'Authentication-Results');
  const spf = input.spf ?? verdictFromResults(results, 'spf');
  const dkim = input.dkim ?? verdictFromResults(results, 'dkim');
  const dmarc = input.dmarc ?? verdictFromResults(results, 'dmarc');
  const virus = containsTestVirus(input.raw);
  const scanned = matches.some((m) => m.rule.scanEnabled);
  const spamStatus: VerdictStatus = scanned ? 'PASS' : 'DISABLED';
  const virusStatus: VerdictStatus = scanned ? (virus ? 'FAIL' : 'PASS') : 'DISABLED';
  const added = [
    { name: 'Return-Path', value: `<${mailFrom}>` },
    {
      name: 'Received',
      value: `from ${domainOf(mailFrom) || 'unknown'} by inbound-smtp.${context.region}.amazonaws.com with SMTP id ${messageId} for ${recipients[0] ?? ''}; ${formatDate(new Date(nowMs))}`,
    },
    { name: 'X-SES-Spam-Verdict', value: spamStatus },
    { name: 'X-SES-Virus-Verdict', value: virusStatus },
    {
      name: 'Authentication-Results',
      value: `amazonses.com; spf=${spf.toLowerCase()}; dkim=${dkim.toLowerCase()}; dmarc=${dmarc.toLowerCase()}`,
    },
  ];
  let raw = rewriteHeaderSection(input.raw, { remove: ['Return-Path'], prepend: added });
  const record: InboundRecord = {
    messageId,
    receivedAt: nowMs,
    mailFrom,
    recipients,
    disposition: matches.length > 0 ? 'accepted' : 'rejected',
    smtpReply:
      matches.length > 0 ? '250 Ok' : '550 5.1.1 Requested action not taken: mailbox unavailable',
    raw: '',
    matchedRules: matches.map((m) => m.rule.name),
    actions: [],
  };
  const processingTimeMillis = nextInt(random, 150, 1_500);
  let stopped = false;
  for (const { rule, recipients: ruleRecipients } of matches) {
    if (stopped) break;
    for (const action of rule.actions) {
      const currentHeaders = readHeaderSection(raw).headers.map(({ name, value }) => ({
        name,
        value,
      }));
      const truncated = truncateHeaders(currentHeaders);
      const mail = {
        timestamp,
        source: mailFrom,
        messageId,
        destination: [
          ...mailboxesOf(firstHeader(currentHeaders, 'To') ?? ''),
          ...mailboxesOf(firstHeader(currentHeaders, 'Cc') ?? ''),
        ].map((m) => m.address),
        headersTruncated: truncated.truncated,
        headers: truncated.headers,
        commonHeaders: commonHeadersOf(currentHeaders, messageId),
      };
      const receipt = (actionJson: object) => ({
        timestamp,
        processingTimeMillis,
        recipients: [...ruleRecipients],
        spamVerdict: { status: spamStatus },
        virusVerdict: { status: virusStatus },
        spfVerdict: { status: spf },
        dkimVerdict: { status: dkim },
        dmarcVerdict: { status: dmarc },
        ...(dmarc === 'FAIL' ? { dmarcPolicy: 'none' } : {}),
        action: actionJson,
      });
      const result: InboundActionResult = { rule: rule.name, action };
      switch (action.type) {
        case 'AddHeader':
          raw = rewriteHeaderSection(raw, {
            prepend: [{ name: action.headerName, value: action.headerValue }],
          });
          break;
        case 'S3': {
          const objectKey = `${action.objectKeyPrefix ?? ''}${messageId}`;
          record.stored = { bucketName: action.bucketName, objectKey };
          record.raw = encodeBase64(raw);
          if (action.topicArn !== undefined) {
            result.payload = {
              notificationType: 'Received',
              mail,
              receipt: receipt({
                type: 'S3',
                topicArn: action.topicArn,
                bucketName: action.bucketName,
                objectKey,
              }),
            };
          }
          break;
        }
        case 'SNS': {
          if (raw.length > MAX_SNS_CONTENT_BYTES) {
            result.note = 'The message is over 150 KB, too large for the SNS action.';
            break;
          }
          const encoding = action.encoding ?? 'UTF-8';
          result.payload = {
            notificationType: 'Received',
            mail,
            receipt: receipt({
              type: 'SNS',
              topicArn: action.topicArn,
              encoding: encoding === 'Base64' ? 'BASE64' : 'UTF8',
            }),
            content: encoding === 'Base64' ? encodeBase64(raw) : utf8Decode(raw),
          };
          break;
        }
        case 'Lambda':
          result.payload = {
            Records: [
              {
                eventSource: 'aws:ses',
                eventVersion: '1.0',
                ses: {
                  mail,
                  receipt: receipt({
                    type: 'Lambda',
                    functionArn: action.functionArn,
                    invocationType: action.invocationType ?? 'Event',
                  }),
                },
              },
            ],
          };
          break;
        case 'Bounce':
          record.bounce = {
            smtpReplyCode: action.smtpReplyCode,
            ...(action.statusCode !== undefined ? { statusCode: action.statusCode } : {}),
            message: action.message,
            sender: action.sender,
          };
          if (action.topicArn !== undefined) {
            result.payload = {
              notificationType: 'Received',
              mail,
              receipt: receipt({
                type: 'Bounce',
                topicArn: action.topicArn,
                smtpReplyCode: action.smtpReplyCode,
                ...(action.statusCode !== undefined ? { statusCode: action.statusCode } : {}),
                message: action.message,
                sender: action.sender,
              }),
            };
          }
          break;
        case 'Stop':
          stopped = true;
          if (action.topicArn !== undefined) {
            result.payload = {
              notificationType: 'Received',
              mail,
              receipt: receipt({ type: 'Stop', topicArn: action.topicArn }),
            };
          }
          break;
      }
      record.actions.push(result);
      if (stopped) break;
    }
  }
  if (record.raw === '') record.raw = encodeBase64(raw);
  receiving.inbound.push(record);
  return record;
}

/** The stored bytes of an inbound record. */
export function inboundBytes(record: InboundRecord): Uint8Array {
  return decodeBase64(record.raw);
}
