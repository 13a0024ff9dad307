/**
 * Bounces that are not RFC 3464 reports: the plain-text notices of qmail, old Sendmail, Exim,
 * Postfix without DSN, Exchange, Lotus Domino and friends. They are recognised by their
 * wording, and the result says how sure the reading is.
 */
import { classifyRecipients, findStatusCode } from './dsn.ts';
import type { BounceReport } from './types.ts';

/** How sure a plain-text reading is: a known MTA's form, or only hints. */
export type BounceConfidence = 'high' | 'medium' | 'low';

/** A plain-text bounce read as well as it can be. */
export interface TextBounce {
  report: BounceReport;
  confidence: BounceConfidence;
  /** The form that was recognised, e.g. `qmail`, `exim`, or `generic`. */
  form: string;
}

interface Form {
  name: string;
  signature: RegExp;
}

/** Wordings of well-known MTAs' failure notices. */
const FORMS: Form[] = [
  { name: 'qmail', signature: /this is the qmail-send program/i },
  { name: 'postfix', signature: /this is the mail system at host/i },
  { name: 'exim', signature: /(could not be delivered to one or more of its|following address\(es\) failed)/i },
  { name: 'sendmail', signature: /-+ ?the following addresses had (permanent )?fatal errors/i },
  { name: 'exchange', signature: /delivery has failed to these recipients or groups/i },
  { name: 'domino', signature: /was not delivered to:/i },
  { name: 'gmail', signature: /delivery to the following recipients? failed/i },
  { name: 'yahoo', signature: /sorry, we were unable to deliver your message to the following address/i },
  { name: 'aol', signature: /your mail to the following recipients could not be delivered/i },
  { name: 'generic', signature: /(permanent(ly)? (fatal )?(error|failure)|user unknown|mailbox (unavailable|full)|no such user|recipient address rejected|does not exist|undeliverable)/i },
]; // prettier-ignore

const BOUNCE_SUBJECT =
  /(undeliver|returned mail|delivery (status notification|failure|failed|problem)|failure notice|mail delivery (failed|system)|non-?delivery|could not be delivered|delivery notification)/i;
const BOUNCE_SENDER = /(mailer-daemon|postmaster|mail delivery (subsystem|system))/i;
const ADDRESS =
  /<?([A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)+)>?/g;
const SMTP_REPLY = /\b([45]\d\d)[ -]((?:[245]\.\d{1,3}\.\d{1,3} )?[^\r\n]{0,200})/;

/** What the text bounce is read from. */
export interface TextBounceInput {
  subject?: string;
  from?: string;
  /** The message's text: its first text/plain part (or its body). */
  text: string;
  /** Addresses that are the sender's own (From, Return-Path): never reported as recipients. */
  ownAddresses?: string[];
}

/** Read a plain-text bounce, or `undefined` when nothing suggests the message is one. */
export function readTextBounce(input: TextBounceInput): TextBounce | undefined {
  const subjectHint = BOUNCE_SUBJECT.test(input.subject ?? '');
  const senderHint = BOUNCE_SENDER.test(input.from ?? '');
  // The notice is at the top; the returned message below it says nothing about the failure.
  const notice = input.text.slice(0, 20_000);
  const form = FORMS.find((f) => f.signature.test(notice));
  if (!form && !subjectHint && !senderHint) return undefined;
  if (form?.name === 'generic' && !subjectHint && !senderHint) return undefined;
  const own = new Set((input.ownAddresses ?? []).map((a) => a.toLowerCase()));
  const recipients: BounceReport['recipients'] = [];
  const cut = notice.search(
    /^-+ ?(original message|this is a copy|below this line)|^Return-Path:|^Received:/im,
  );
  const head = cut > 0 ? notice.slice(0, cut) : notice;
  for (const match of head.matchAll(ADDRESS)) {
    const address = match[1]!.replace(/\.$/, '');
    const lower = address.toLowerCase();
    if (own.has(lower) || /mailer-daemon|postmaster/i.test(lower)) continue;
    if (recipients.some((r) => r.emailAddress.toLowerCase() === lower)) continue;
    // The failure reason is usually on the same or the following lines.
    const after = head.slice(match.index!, match.index! + 600);
    const reply = SMTP_REPLY.exec(after);
    const recipient: BounceReport['recipients'][number] = {
      emailAddress: address,
      action: 'failed',
    };
    const status = findStatusCode(after);
    if (status) recipient.status = status;
    if (reply) recipient.diagnosticCode = `smtp; ${reply[1]} ${reply[2]!.trim()}`;
    recipients.push(recipient);
    if (recipients.length >= 50) break;
  }
  const coded = recipients.some((r) => r.status || r.diagnosticCode);
  // A postmaster or mailer-daemon sender alone, with no failure wording, is not enough.
  if (!form && !subjectHint && !coded) return undefined;
  const classification = classifyRecipients(recipients);
  const known = form !== undefined && form.name !== 'generic';
  let confidence: BounceConfidence = 'low';
  if (known && recipients.length > 0 && coded) confidence = 'high';
  else if ((known || form) && recipients.length > 0) confidence = 'medium';
  return {
    report: { kind: 'bounce', ...classification, recipients },
    confidence,
    form: form?.name ?? 'hints',
  };
}
