/**
 * The SMTP envelope (RFC 5321 §3.3): who the message is sent from (MAIL FROM) and to (RCPT TO),
 * as opposed to what its headers say. Bcc recipients travel only here.
 */
import { asciiAddress, flattenAddresses, parseAddressList, type Mailbox } from './address.ts';
import type { Envelope } from './types.ts';

/** What the envelope is worked out from. */
export interface EnvelopeInput {
  from: readonly Mailbox[];
  recipients: readonly Mailbox[];
  /** The draft's Return-Path header value, if it has one. */
  returnPath?: string;
  override?: { mailFrom?: string; rcptTo?: string[] };
}

/**
 * Recipients compare equal when their local parts match exactly and their domains match
 * ignoring case (RFC 5321 §2.4: only the domain is case-insensitive).
 */
function recipientKey(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? address : address.slice(0, at) + address.slice(at).toLowerCase();
}

/** The address inside a header value such as `Return-Path: <bounces@example.com>`. */
function firstAddress(value: string): string {
  return flattenAddresses(parseAddressList(value))[0]?.address ?? '';
}

/**
 * MAIL FROM is the envelope override, else the Return-Path header, else the first From address.
 * RCPT TO is the override, else To + Cc + Bcc, de-duplicated in order; every address with its
 * domain in punycode.
 */
export function buildEnvelope(input: EnvelopeInput): Envelope {
  const mailFrom =
    input.override?.mailFrom !== undefined
      ? firstAddress(input.override.mailFrom)
      : input.returnPath !== undefined
        ? firstAddress(input.returnPath)
        : (input.from[0]?.address ?? '');
  const candidates = input.override?.rcptTo
    ? input.override.rcptTo.flatMap((value) => flattenAddresses(parseAddressList(value)))
    : input.recipients;
  const seen = new Set<string>();
  const rcptTo: string[] = [];
  for (const { address } of candidates) {
    if (!address) continue;
    const ascii = asciiAddress(address);
    const key = recipientKey(ascii);
    if (seen.has(key)) continue;
    seen.add(key);
    rcptTo.push(ascii);
  }
  return { mailFrom: mailFrom ? asciiAddress(mailFrom) : '', rcptTo };
}
