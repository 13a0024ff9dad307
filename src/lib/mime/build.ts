/**
 * `buildMessage`: a draft in, the exact bytes of an RFC 5322 / MIME message out, with its SMTP
 * envelope, its MIME tree (byte offsets included) and what SES or a reader would object to.
 */
import { domainToAscii, flattenAddresses, parseAddressList } from './address.ts';
import { formatAddressField, readAddressField } from './address-fields.ts';
import {
  addressDiagnostics,
  contentDiagnostics,
  recipientDiagnostics,
  sizeDiagnostics,
} from './build-diagnostics.ts';
import { checkBuildUsage } from './build-usage.ts';
import { bytesToBinaryString } from './bytes.ts';
import { formatDate, normaliseDate } from './date.ts';
import { encodeUnstructured } from './encoded-word.ts';
import { buildEnvelope, envelopeValueProblem } from './envelope.ts';
import { MAX_LINE_OCTETS } from './limits.ts';
import { checkExtraHeaders } from './header-fields.ts';
import { firstHeader } from './header-lookup.ts';
import {
  defaultBoundary,
  hashDraft,
  generateMessageId,
  hashText,
  isValidBoundary,
  normaliseMessageId,
  type BodyBytes,
} from './message-id.ts';
import {
  assignBoundaries,
  alternativePart,
  attachmentPart,
  bodyBytes,
  multipartPart,
  sevenBitBodies,
  textPart,
  type EncodedText,
} from './parts.ts';
import {
  headerRange,
  layOutMessage,
  type EncodedCache,
  type PlannedPart,
  type SerializedMessage,
} from './serialize.ts';
import type { TextBodyCache } from './text-body-cache.ts';
import type { BuildOptions, BuiltMessage, Diagnostic, Draft, HeaderField } from './types.ts';

/** The text bodies already encoded (by a `TextBodyCache`); the others are encoded when planned. */
type EncodedBodies = { text?: EncodedText; html?: EncodedText };

/** The header field that diagnostics with these codes are about. */
const FIELD_OF_CODE: Readonly<Record<string, string>> = {
  'subject-line-break': 'Subject',
  'invalid-date': 'Date',
  'invalid-message-id': 'Message-ID',
};

/** Domain for generated ids when the draft has no usable From domain (RFC 2606 reserves it). */
const FALLBACK_ID_DOMAIN = 'mailwright.invalid';

/**
 * Build a message from a draft. Deterministic: the same draft, `now` and `boundary` give the same
 * bytes. Never throws on what a person typed (it reports diagnostics); throws a RangeError only
 * when called wrongly (no draft, an invalid clock or boundary).
 */
export function buildMessage(
  draft: Draft,
  options: BuildOptions = {},
  textBodies?: TextBodyCache,
): BuiltMessage {
  const { layout, envelope, diagnostics } = assemble(draft, options, textBodies);
  return { raw: layout.writer.finish(), envelope, tree: layout.tree, diagnostics };
}

/** `buildMessage`'s result with the raw bytes left in segments (see `buildMessageSegments`). */
export interface SegmentedMessage extends Omit<BuiltMessage, 'raw'> {
  /** The message's bytes: their concatenation is exactly `buildMessage`'s `raw`. */
  segments: Uint8Array[];
  /** The message's size in bytes. */
  size: number;
}

/**
 * `buildMessage` for a caller that builds the same draft over and over (the build worker, on each
 * keystroke): the same result, with the raw bytes as segments rather than one buffer, and each
 * large attachment's base64 lines encoded once into `cache` and then given as that same array, so
 * a rebuild beside a 20 MB attachment neither encodes nor copies it.
 */
export function buildMessageSegments(
  draft: Draft,
  options: BuildOptions,
  cache: EncodedCache,
  textBodies?: TextBodyCache,
): SegmentedMessage {
  const { layout, envelope, diagnostics } = assemble(draft, options, textBodies);
  const { writer, tree } = layout;
  return { segments: writer.segments(cache), size: writer.length, envelope, tree, diagnostics };
}

/** The work of `buildMessage`, up to the point where the bytes would be joined. */
function assemble(
  draft: Draft,
  options: BuildOptions,
  textBodies: TextBodyCache | undefined,
): Pick<BuiltMessage, 'envelope' | 'diagnostics'> & { layout: SerializedMessage } {
  const now = checkBuildUsage(draft, options);
  const diagnostics: Diagnostic[] = [];
  /** Diagnostics about one header field, given its byte range once the message is written. */
  const fieldOf = new Map<Diagnostic, string>();
  const bodies: BodyBytes = {};
  const encoded: EncodedBodies = {};
  for (const slot of ['text', 'html'] as const) {
    const text = draft[slot];
    if (text === undefined) continue;
    if (textBodies) ({ bytes: bodies[slot], encoded: encoded[slot] } = textBodies.body(slot, text));
    else bodies[slot] = bodyBytes(text);
  }
  const seed = hashDraft(draft, now, bodies);

  const from = readAddressField(
    'From',
    draft.from.trim() ? [draft.from] : [],
    diagnostics,
    fieldOf,
  );
  const to = readAddressField('To', draft.to, diagnostics, fieldOf);
  const cc = readAddressField('Cc', draft.cc, diagnostics, fieldOf);
  const bcc = readAddressField('Bcc', draft.bcc, diagnostics, fieldOf);
  const replyTo = readAddressField('Reply-To', draft.replyTo, diagnostics, fieldOf);
  if (!draft.from.trim()) {
    diagnostics.push({
      severity: 'error',
      code: 'missing-from',
      message: 'The message has no From address (SES: "Missing required header \'From\'.").',
    });
  }

  const headers: HeaderField[] = [];
  if (from.entries.length) headers.push({ name: 'From', value: formatAddressField(from.entries) });
  if (to.entries.length) headers.push({ name: 'To', value: formatAddressField(to.entries) });
  if (cc.entries.length) headers.push({ name: 'Cc', value: formatAddressField(cc.entries) });
  if (replyTo.entries.length)
    headers.push({ name: 'Reply-To', value: formatAddressField(replyTo.entries) });
  if (draft.subject !== undefined) {
    const subject = draft.subject.replace(/\r\n|\r|\n/g, ' ');
    if (subject !== draft.subject) {
      diagnostics.push({
        severity: 'warning',
        code: 'subject-line-break',
        message: 'The subject had line breaks; they were written as spaces.',
      });
    }
    // Only a word that cannot fit any line (RFC 5322 §2.1.1: 998) is encoded so that it can be
    // split and folded; a shorter one stays readable as it is, on a longer line.
    headers.push({
      name: 'Subject',
      value: encodeUnstructured(subject, undefined, MAX_LINE_OCTETS - 'Subject: '.length),
    });
  }
  let date = draft.date !== undefined ? normaliseDate(draft.date) : undefined;
  if (draft.date !== undefined && date === undefined) {
    diagnostics.push({
      severity: 'error',
      code: 'invalid-date',
      message: `"${draft.date}" is neither an RFC 3339 nor an RFC 5322 date; the current time was used.`,
    });
  }
  date ??= formatDate(now);
  headers.push({ name: 'Date', value: date });
  const idDomain =
    domainToAscii(from.mailboxes[0]?.address.split('@').pop() ?? '') ?? FALLBACK_ID_DOMAIN;
  let messageId = draft.messageId !== undefined ? normaliseMessageId(draft.messageId) : undefined;
  if (draft.messageId !== undefined && messageId === undefined) {
    diagnostics.push({
      severity: 'error',
      code: 'invalid-message-id',
      message: `"${draft.messageId}" is not a valid Message-ID (<left@right>); one was generated.`,
    });
  }
  messageId ??= generateMessageId(seed, now, idDomain);
  headers.push({ name: 'Message-ID', value: messageId }, { name: 'MIME-Version', value: '1.0' });
  const extra = checkExtraHeaders(draft.headers ?? []);
  // Appended one by one: a draft's lists have no fixed bound, and a spread of one overflows.
  for (const diagnostic of extra.diagnostics) diagnostics.push(diagnostic);
  for (const header of extra.accepted) headers.push(header);

  const root = planBody(draft, bodies, encoded, options, seed, idDomain, diagnostics);
  root.headers = [...headers, ...root.headers];
  const layout = layOutMessage(root);
  for (const diagnostic of diagnostics) {
    const field = fieldOf.get(diagnostic) ?? FIELD_OF_CODE[diagnostic.code];
    const range = field ? headerRange(layout.head, layout.tree.bodyStart, field) : undefined;
    if (range) Object.assign(diagnostic, range);
  }

  const returnPath = firstHeader(extra.accepted, 'return-path');
  const envelope = buildEnvelope({
    from: from.mailboxes,
    recipients: [...to.mailboxes, ...cc.mailboxes, ...bcc.mailboxes],
    ...(returnPath !== undefined ? { returnPath } : {}),
    ...(draft.envelope ? { override: draft.envelope } : {}),
  });
  if (draft.envelope) {
    // An override is sent as given, so its addresses are checked here rather than filtered;
    // a value that could inject SMTP commands is refused outright (buildEnvelope left it out).
    const values = [draft.envelope.mailFrom ?? '', ...(draft.envelope.rcptTo ?? [])];
    for (const value of values) {
      const problem = envelopeValueProblem(value);
      if (!problem) continue;
      diagnostics.push({
        severity: 'error',
        code: 'envelope-refused',
        message: `Envelope: "${JSON.stringify(value).slice(1, -1)}" was refused: ${problem}.`,
      });
    }
    const given = values
      .filter((value) => value.trim() && !envelopeValueProblem(value))
      .flatMap((value) => flattenAddresses(parseAddressList(value)));
    for (const diagnostic of addressDiagnostics('Envelope', given)) diagnostics.push(diagnostic);
  }
  diagnostics.push(
    ...recipientDiagnostics(envelope),
    ...contentDiagnostics(draft),
    ...sizeDiagnostics(layout.writer.length),
  );
  return { layout, envelope, diagnostics };
}

/** Whether a boundary delimiter occurs in any of these 7bit bodies. */
function occursIn(bodies: readonly string[], boundary: string): boolean {
  return bodies.some((text) => text.includes(`--${boundary}`));
}

/** The body structure: only the multipart levels the draft needs. */
function planBody(
  draft: Draft,
  bodies: BodyBytes,
  encoded: EncodedBodies,
  options: BuildOptions,
  seed: string,
  idDomain: string,
  diagnostics: Diagnostic[],
): PlannedPart {
  const fallback = options.filenameFallback ?? 'rfc2231';
  const attachments = draft.attachments ?? [];
  const hasHtml = draft.html !== undefined;
  const related: PlannedPart[] = [];
  const mixed: PlannedPart[] = [];
  const alternatives: PlannedPart[] = [];
  attachments.forEach((attachment, index) => {
    if (attachment.alternative) {
      alternatives.push(alternativePart(attachment));
      return;
    }
    let contentId: string | undefined;
    if (attachment.contentId !== undefined) {
      contentId = normaliseMessageId(attachment.contentId)?.slice(1, -1);
      if (!contentId) {
        diagnostics.push({
          severity: 'error',
          code: 'invalid-content-id',
          message: `"${attachment.contentId}" is not a valid Content-ID (<left@right>); one was generated.`,
        });
      }
    }
    if (attachment.inline && hasHtml) {
      contentId ??= `${hashText(`${seed}:${index}`)}.${index}@${idDomain}`;
      if (!draft.html!.includes(`cid:${contentId}`)) {
        diagnostics.push({
          severity: 'info',
          code: 'unreferenced-inline',
          message: `The HTML does not refer to inline part "${attachment.filename}" (cid:${contentId}).`,
        });
      }
      related.push(attachmentPart(attachment, 'inline', contentId, fallback));
    } else {
      mixed.push(
        attachmentPart(
          attachment,
          attachment.inline ? 'inline' : 'attachment',
          contentId,
          fallback,
        ),
      );
    }
  });
  const text = bodies.text ? textPart('plain', bodies.text, encoded.text) : undefined;
  let html = bodies.html ? textPart('html', bodies.html, encoded.html) : undefined;
  if (html && related.length) html = multipartPart('related', [html, ...related]);
  const renderings = [text, html, ...alternatives].filter((part) => part !== undefined);
  let body =
    renderings.length > 1
      ? multipartPart('alternative', renderings)
      : (text ?? html ?? alternatives[0]);
  if (!body && !mixed.length) body = textPart('plain', new Uint8Array(0));
  const root = mixed.length ? multipartPart('mixed', body ? [body, ...mixed] : mixed) : body!;

  const sevenBit = sevenBitBodies(root).map((bytes) => bytesToBinaryString(bytes));
  assignBoundaries(root, (depth) => {
    if (options.boundary) {
      const boundary = options.boundary(depth);
      if (typeof boundary !== 'string' || !isValidBoundary(boundary)) {
        throw new RangeError(
          `options.boundary(${depth}) gave "${String(boundary)}", which is not 1–70 RFC 2046 boundary characters.`,
        );
      }
      if (occursIn(sevenBit, boundary)) {
        diagnostics.push({
          severity: 'error',
          code: 'boundary-in-body',
          message: `The boundary "${boundary}" occurs in a body, so readers will split the message in the wrong place.`,
        });
      }
      return boundary;
    }
    let boundary = defaultBoundary(seed, depth);
    for (let attempt = 1; occursIn(sevenBit, boundary); attempt++)
      boundary = `${defaultBoundary(seed, depth)}_${attempt}`;
    return boundary;
  });
  return root;
}
