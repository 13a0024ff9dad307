/**
 * The engine's public value types. These shapes are a contract (see SPEC.md, "The engine"):
 * fields may be added, never renamed or removed without updating every caller.
 */

/** A finding about a message: a standards problem, or something SES or a reader would refuse. */
export interface Diagnostic {
  severity: 'error' | 'warning' | 'info';
  /** Stable, machine-readable identifier, e.g. `bare-lf` or `recipients-over-limit`. */
  code: string;
  /** One plain sentence a person can act on. */
  message: string;
  /** Byte range in the raw message the finding is about, when it has one. */
  from?: number;
  to?: number;
}

/** One header field, in order, as a name and an unfolded value. */
export interface HeaderField {
  name: string;
  value: string;
}

/** A node of a MIME tree, with byte offsets into the raw message. */
export interface MimeNode {
  /** Lower-case `type/subtype`, e.g. `multipart/alternative`. */
  contentType: string;
  headers: HeaderField[];
  /** Offset of the first byte of the part (its headers included). */
  start: number;
  /** Offset just past the last byte of the part. */
  end: number;
  /** Offset where the part's body begins. */
  bodyStart: number;
  transferEncoding?: string;
  /** Why the builder chose this transfer encoding, in a sentence the UI can show. */
  transferEncodingReason?: string;
  charset?: string;
  filename?: string;
  contentId?: string;
  disposition?: string;
  children: MimeNode[];
}

/** A file attached to a draft. */
export interface DraftAttachment {
  filename: string;
  contentType?: string;
  content: Uint8Array;
  contentId?: string;
  inline?: boolean;
  /**
   * Another rendering of the message rather than a file: a `text/calendar` invitation beside the
   * text and HTML. It goes inside multipart/alternative after them (RFC 2046 §5.1.4), without a
   * Content-Disposition; `contentType` may carry its parameters (`text/calendar; method=REQUEST`).
   */
  alternative?: boolean;
}

/** What a person writes: the input of `buildMessage`. */
export interface Draft {
  /** `Name <a@b.example>` or `a@b.example`; non-ASCII names and IDN domains allowed. */
  from: string;
  to?: string[];
  cc?: string[];
  bcc?: string[];
  replyTo?: string[];
  subject?: string;
  /** Plain-text body. */
  text?: string;
  /** HTML body. */
  html?: string;
  attachments?: DraftAttachment[];
  /** Extra headers, e.g. `X-SES-CONFIGURATION-SET`. */
  headers?: HeaderField[];
  /** RFC 3339 or RFC 5322 date; default: `options.now`. */
  date?: string;
  /** Default: generated deterministically. */
  messageId?: string;
  envelope?: { mailFrom?: string; rcptTo?: string[] };
}

/** The SMTP envelope: who the message is sent from and to, as opposed to what its headers say. */
export interface Envelope {
  mailFrom: string;
  rcptTo: string[];
}

/** The result of `buildMessage`. */
export interface BuiltMessage {
  /** The whole message, CRLF line ends, 7-bit only. */
  raw: Uint8Array;
  /** Bcc recipients are here, never in the headers. */
  envelope: Envelope;
  tree: MimeNode;
  diagnostics: Diagnostic[];
}

/** A DSN (RFC 3464) understood as SES would classify it. */
export interface BounceReport {
  kind: 'bounce';
  bounceType: 'Permanent' | 'Transient' | 'Undetermined';
  bounceSubType: string;
  reportingMTA?: string;
  recipients: Array<{
    emailAddress: string;
    action?: string;
    status?: string;
    diagnosticCode?: string;
  }>;
  /** Where the report was read from: an RFC 3464 part, or the wording of a plain-text notice. */
  source?: 'rfc3464' | 'text';
  /** How sure a plain-text reading is (`high` for RFC 3464 reports). */
  confidence?: 'high' | 'medium' | 'low';
  /** For a plain-text notice, the form recognised: `qmail`, `exim`, `postfix`, …, or `hints`. */
  form?: string;
}

/** An ARF feedback report (RFC 5965). */
export interface ComplaintReport {
  kind: 'complaint';
  feedbackType?: string;
  userAgent?: string;
  arrivalDate?: string;
  complainedRecipients: string[];
  originalMessageId?: string;
}

/** An attachment found in an inspected message. */
export interface InspectedAttachment {
  filename?: string;
  contentType: string;
  size: number;
  contentId?: string;
  disposition?: string;
  content: Uint8Array;
}

/** The result of `inspectMessage`. */
export interface Inspection {
  headers: Array<{ name: string; value: string; decoded: string }>;
  tree: MimeNode;
  subject?: string;
  from?: string;
  to: string[];
  date?: string;
  messageId?: string;
  /** As found in the message: never synthesized from the other body. */
  text?: string;
  html?: string;
  attachments: InspectedAttachment[];
  diagnostics: Diagnostic[];
  report?: BounceReport | ComplaintReport;
  /** The Received chain as hops, oldest first, with delays. */
  route?: InspectedRoute;
  /** Verdicts from the newest Authentication-Results header (not verified here). */
  authentication?: InspectedAuthentication;
  /** One summary per DKIM-Signature header, in header order. */
  dkim?: InspectedDkimSignature[];
  /** DMARC alignment of From with Return-Path and DKIM d= (relaxed and strict; no DNS). */
  alignment?: InspectedAlignment;
  /** Text before and after each multipart's parts, by the multipart's `start` offset. */
  preambles?: Array<{ partStart: number; preamble?: ByteRange; epilogue?: ByteRange }>;
}

/** A byte range `[start, end)` in the raw message. */
export interface ByteRange {
  start: number;
  end: number;
}

/** One Received header read as a hop. */
export interface InspectedHop {
  from?: string;
  fromDetail?: string;
  fromIp?: string;
  by?: string;
  via?: string;
  with?: string;
  id?: string;
  for?: string;
  /** ISO 8601 UTC. */
  date?: string;
  /** Seconds since the previous hop. */
  delaySeconds?: number;
  raw: string;
}

/** The route a message took. */
export interface InspectedRoute {
  hops: InspectedHop[];
  totalDelaySeconds?: number;
}

/** One method result of an Authentication-Results header (RFC 8601). */
export interface InspectedAuthResult {
  authservId: string;
  method: string;
  result: string;
  reason?: string;
  properties: Record<string, string>;
}

/** SPF, DKIM, DMARC and ARC verdicts as the receiving server reported them. */
export interface InspectedAuthentication {
  spf?: InspectedAuthResult;
  dkim: InspectedAuthResult[];
  dmarc?: InspectedAuthResult;
  arc?: InspectedAuthResult;
  results: InspectedAuthResult[];
}

/** What a DKIM-Signature header says (d=, s=, a=, h=, …); not verified. */
export interface InspectedDkimSignature {
  domain?: string;
  selector?: string;
  algorithm?: string;
  signedHeaders: string[];
  canonicalization: string;
  identity?: string;
  signedAt?: string;
  expiresAt?: string;
  bodyLength?: number;
  problems: string[];
}

/** How an identifier lines up with the From domain (RFC 7489 §3.1). */
export interface InspectedIdentifierAlignment {
  domain: string;
  relaxed: boolean;
  strict: boolean;
  result?: string;
}

/** DMARC alignment of a message. */
export interface InspectedAlignment {
  fromDomain?: string;
  spf?: InspectedIdentifierAlignment;
  dkim: InspectedIdentifierAlignment[];
  passRelaxed?: boolean;
  passStrict?: boolean;
}

/** How `buildMessage` runs. Everything that would otherwise vary is passed in. */
export interface BuildOptions {
  /** The clock: the Date header and generated ids come from it. Default: the current time. */
  now?: Date;
  /**
   * The multipart boundary for a multipart at `depth` (0 = outermost). Default: derived from a
   * hash of the draft and `now`. Must be 1–70 characters of RFC 2046 §5.1.1 `bchars`.
   */
  boundary?: (depth: number) => string;
  /**
   * How a non-ASCII attachment name is written in Content-Type `name=` (Content-Disposition
   * always uses RFC 2231): `rfc2231` (default; standard, and Python's `email` parses it without
   * a defect) or `rfc2047` (an encoded word in quotes, for very old clients, which Python's
   * `email` flags as a defect).
   */
  filenameFallback?: 'rfc2231' | 'rfc2047';
}
