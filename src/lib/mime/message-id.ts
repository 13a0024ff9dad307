/**
 * Deterministic identifiers: Message-ID, Content-ID and multipart boundaries are derived from a
 * hash of the draft and the caller's clock, never from a random source, so the same draft built
 * at the same `now` gives the same bytes.
 */
import type { Draft } from './types.ts';

/** FNV-1a, 32 bits: fast, and good enough to tell drafts apart (not a security hash). */
export class DraftHash {
  #state = 0x811c9dc5;

  /** Mix in a string (its UTF-16 code units). */
  addText(text: string): this {
    let h = this.#state;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    this.#state = h;
    return this.addNumber(text.length);
  }

  /**
   * Mix in bytes: their length and up to 4 KiB from each end. Sampling keeps building a large
   * message fast; the hash only has to vary between drafts, and uniqueness against content is
   * checked separately where it matters (boundaries).
   */
  addBytes(bytes: Uint8Array): this {
    const SAMPLE = 4096;
    let h = this.#state;
    const head = Math.min(bytes.length, SAMPLE);
    for (let i = 0; i < head; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
    for (let i = Math.max(head, bytes.length - SAMPLE); i < bytes.length; i++) {
      h = Math.imul(h ^ bytes[i]!, 0x01000193);
    }
    this.#state = h;
    return this.addNumber(bytes.length);
  }

  /** Mix in a number. */
  addNumber(value: number): this {
    let h = this.#state;
    const text = String(value);
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    this.#state = Math.imul(h ^ 0x2c, 0x01000193);
    return this;
  }

  /** The hash as 8 hex digits. */
  hex(): string {
    return (this.#state >>> 0).toString(16).padStart(8, '0');
  }
}

/** Lower-case hex of a 32-bit hash of a text, for deriving several ids from one seed. */
export function hashText(text: string): string {
  return new DraftHash().addText(text).hex();
}

/** RFC 5322 §3.6.4 msg-id with dot-atom-text on both sides (no-fold-literal is accepted too). */
const MSG_ID =
  /^<[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+(\.[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+)*@([A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+(\.[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+)*|\[[\x21-\x5a\x5e-\x7e]*\])>$/;

/** An id must fit one header line: 998 (RFC 5322 §2.1.1) less the longest name, `Message-ID: `. */
const MAX_ID_LENGTH = 998 - 'Message-ID: '.length;

/** A message or content id in angle brackets, or undefined when it is not a valid msg-id. */
export function normaliseMessageId(id: string): string | undefined {
  const trimmed = id.trim();
  const bracketed = trimmed.startsWith('<') ? trimmed : `<${trimmed}>`;
  return bracketed.length <= MAX_ID_LENGTH && MSG_ID.test(bracketed) ? bracketed : undefined;
}

/** A generated Message-ID: `<hash.time@domain>`, deterministic in its inputs. */
export function generateMessageId(seed: string, now: Date, domain: string): string {
  return `<${seed}.${now.getTime().toString(36)}@${domain}>`;
}

/** RFC 2046 §5.1.1: a boundary is 1 to 70 of these characters, not ending in a space. */
const BOUNDARY = /^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/;

/** Whether a text may be used as a multipart boundary. */
export function isValidBoundary(boundary: string): boolean {
  return BOUNDARY.test(boundary);
}

/**
 * The default boundary for a multipart at `depth`, from the draft's hash (which covers `now`): `=_` cannot occur in quoted-printable or
 * base64 output, so only 7bit parts need checking for it.
 */
export function defaultBoundary(seed: string, depth: number): string {
  return `=_mw${depth}_${seed}`;
}

/**
 * The seed of a draft's generated ids and boundaries: a hash of everything in it and of `now`.
 */
export function hashDraft(draft: Draft, now: Date): string {
  const hash = new DraftHash();
  for (const value of [
    draft.from,
    draft.subject,
    draft.text,
    draft.html,
    draft.date,
    draft.messageId,
  ]) {
    hash.addText(value ?? '\u0000');
  }
  for (const list of [draft.to, draft.cc, draft.bcc, draft.replyTo])
    hash.addText((list ?? []).join('\u0000'));
  for (const header of draft.headers ?? []) hash.addText(`${header.name}:${header.value}`);
  for (const attachment of draft.attachments ?? []) {
    hash.addText(
      `${attachment.filename}\u0000${attachment.contentType ?? ''}\u0000${attachment.contentId ?? ''}`,
    );
    hash.addBytes(attachment.content);
  }
  return hash.addNumber(now.getTime()).hex();
}
