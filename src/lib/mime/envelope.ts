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
 * Why an envelope override value is refused, or undefined when it may be used. The envelope goes
 * onto SMTP command lines as it is, so a line break or other control character in it would
 * start a command of its own (`a\r\nRCPT TO:<victim@example.com>`); and the address taken from
 * it must be written in it as it is, so that a lenient parse cannot make up a recipient the person
 * never typed.
 */
export function envelopeValueProblem(value: string): string | undefined {
  if (hasControl(value)) {
    return 'it holds a line break or another control character, which would inject SMTP commands';
  }
  const addresses = flattenAddresses(parseAddressList(value)).map((m) => m.address);
  if (addresses.length > 1) return 'it holds more than one address';
  const address = addresses[0] ?? '';
  if (!address) return undefined;
  // Only `address`, `<address>` or `Name <address>`: anything else around the address would be
  // text the parser chose to read past.
  const trimmed = value.trim();
  const bracketed = `<${address}>`;
  const name = trimmed.endsWith(bracketed) ? trimmed.slice(0, -bracketed.length) : undefined;
  if (trimmed !== address && (name === undefined || /[<>]/.test(name))) {
    return 'it is not one address written as it is (address, <address> or Name <address>)';
  }
  return undefined;
}

/** Whether a text holds a control character (line breaks and NUL included). */
function hasControl(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\x00-\x1f\x7f]/.test(text);
}

/** The override values that may be used, in order. */
function usable(values: readonly string[]): string[] {
  return values.filter((value) => value.trim() && envelopeValueProblem(value) === undefined);
}

/**
 * MAIL FROM is the envelope override, else the Return-Path header, else the first From address.
 * RCPT TO is the override, else To + Cc + Bcc, de-duplicated in order; every address with its
 * domain in punycode.
 */
export function buildEnvelope(input: EnvelopeInput): Envelope {
  // A refused override value (see envelopeValueProblem) is never used; the draft's own
  // addresses stand in for it.
  const givenFrom = usable([input.override?.mailFrom ?? ''])[0];
  const givenTo = usable(input.override?.rcptTo ?? []);
  const mailFrom =
    givenFrom !== undefined
      ? firstAddress(givenFrom)
      : input.returnPath !== undefined
        ? firstAddress(input.returnPath)
        : (input.from[0]?.address ?? '');
  const candidates =
    givenTo.length > 0
      ? givenTo.flatMap((value) => flattenAddresses(parseAddressList(value)))
      : input.recipients;
  const seen = new Set<string>();
  const rcptTo: string[] = [];
  for (const { address } of candidates) {
    if (!address || hasControl(address)) continue;
    const ascii = asciiAddress(address);
    const key = recipientKey(ascii);
    if (seen.has(key)) continue;
    seen.add(key);
    rcptTo.push(ascii);
  }
  return { mailFrom: mailFrom && !hasControl(mailFrom) ? asciiAddress(mailFrom) : '', rcptTo };
}
