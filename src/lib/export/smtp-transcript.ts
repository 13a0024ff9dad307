/**
 * The SMTP transaction that would carry a message (RFC 5321): EHLO, MAIL FROM, one RCPT TO per
 * envelope recipient, DATA with the message dot-stuffed, and QUIT, with the replies a server such
 * as SES's SMTP interface gives.
 */
import { SES_V2_MAX_MESSAGE_BYTES } from '../mime/build-diagnostics.ts';
import type { Envelope } from '../mime/types.ts';

/** SES's SMTP interface accepts messages up to 40 MB (SES quotas, "Message size"). */
export const SES_SMTP_MAX_SIZE = SES_V2_MAX_MESSAGE_BYTES;

const CR = 0x0d;
const LF = 0x0a;
const DOT = 0x2e;

/** One step of the conversation: what the client sends (if anything) and what the server replies. */
export interface SmtpExchange {
  client?: string;
  server: string[];
}

/** The whole transaction, with the DATA section kept separately because it can be large. */
export interface SmtpTranscript {
  /** Greeting, EHLO, MAIL FROM, RCPT TO… and DATA, up to the server's 354 reply. */
  before: SmtpExchange[];
  /** The message as sent after DATA: dot-stuffed, ending in `CRLF.CRLF`. */
  data: Uint8Array;
  /** 0-based numbers of the message lines that were dot-stuffed. */
  stuffedLines: number[];
  /** The reply to the end of data, and QUIT. */
  after: SmtpExchange[];
}

/** Options for `smtpTranscript`. */
export interface SmtpTranscriptOptions {
  /** The name the client gives in EHLO. */
  clientName?: string;
  /** The server's name in its greeting. */
  serverName?: string;
}

/**
 * Dot-stuff a message for DATA (RFC 5321 §4.5.2): a line that starts with a period gets one more,
 * so that no line of the message reads as the end of data. Appends the terminating `.` line.
 */
export function dotStuff(raw: Uint8Array): { data: Uint8Array; stuffedLines: number[] } {
  const stuffedLines: number[] = [];
  let line = 0;
  for (let i = 0; i < raw.length; i++) {
    if ((i === 0 || raw[i - 1] === LF) && raw[i] === DOT) stuffedLines.push(line);
    if (raw[i] === LF) line++;
  }
  const endsWithLineBreak =
    raw.length >= 2 && raw[raw.length - 2] === CR && raw[raw.length - 1] === LF;
  const tail = endsWithLineBreak ? [DOT, CR, LF] : [CR, LF, DOT, CR, LF];
  const data = new Uint8Array(raw.length + stuffedLines.length + tail.length);
  let out = 0;
  for (let i = 0; i < raw.length; i++) {
    if ((i === 0 || raw[i - 1] === LF) && raw[i] === DOT) data[out++] = DOT;
    data[out++] = raw[i] as number;
  }
  data.set(tail, out);
  return { data, stuffedLines };
}

/** The SMTP transaction for a message and its envelope. */
export function smtpTranscript(
  envelope: Envelope,
  raw: Uint8Array,
  options: SmtpTranscriptOptions = {},
): SmtpTranscript {
  // Each argument ends up on a command line of its own: a line break in one would start another
  // command (MAIL FROM or RCPT TO injected by an address), so such a transcript is never shown.
  for (const value of [envelope.mailFrom, ...envelope.rcptTo, options.clientName ?? '']) {
    // eslint-disable-next-line no-control-regex
    if (/[\x00-\x1f\x7f<>]/.test(value)) {
      throw new RangeError(
        `"${JSON.stringify(value).slice(1, -1)}" cannot go on an SMTP command line: it holds a line break, a control character or an angle bracket.`,
      );
    }
  }
  const client = options.clientName ?? 'mailwright.localhost';
  const server = options.serverName ?? 'email-smtp.us-east-1.amazonaws.com';
  const before: SmtpExchange[] = [
    { server: [`220 ${server} ESMTP SimpleEmailService`] },
    {
      client: `EHLO ${client}`,
      server: [
        `250-${server}`,
        '250-8BITMIME',
        `250-SIZE ${SES_SMTP_MAX_SIZE}`,
        '250-STARTTLS',
        '250-AUTH PLAIN LOGIN',
        '250 Ok',
      ],
    },
    // SIZE (RFC 1870) lets the server refuse an oversized message before it is sent.
    { client: `MAIL FROM:<${envelope.mailFrom}> SIZE=${raw.length}`, server: ['250 Ok'] },
    ...envelope.rcptTo.map((recipient) => ({
      client: `RCPT TO:<${recipient}>`,
      server: ['250 Ok'],
    })),
    { client: 'DATA', server: ['354 End data with <CR><LF>.<CR><LF>'] },
  ];
  const { data, stuffedLines } = dotStuff(raw);
  const after: SmtpExchange[] = [
    { server: ['250 Ok <message ID assigned by SES>'] },
    { client: 'QUIT', server: ['221 Bye'] },
  ];
  return { before, data, stuffedLines, after };
}
