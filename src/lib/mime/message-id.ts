/**
 * Deterministic identifiers: Message-ID, Content-ID and multipart boundaries are derived from a
 * hash of the draft and the caller's clock, never from a random source, so the same draft built
 * at the same `now` gives the same bytes.
 */
import { MAX_LINE_OCTETS } from './limits.ts';
import type { Draft } from './types.ts';

const FNV_PRIME = 0x01000193;
const FNV_OFFSET = 0x811c9dc5;

/**
 * FNV-1a, 32 bits, over four lanes that are folded together at the end: fast, and good enough to
 * tell drafts apart (not a security hash). Short texts go into the first lane a character at a
 * time; bodies go through all four lanes a 32-bit word at a time, so that hashing a 100 KB body
 * costs a few hundredths of a millisecond rather than a chain of 100,000 multiplications.
 */
export class DraftHash {
  #a = FNV_OFFSET | 0;
  #b = (FNV_OFFSET ^ 1) | 0;
  #c = (FNV_OFFSET ^ 2) | 0;
  #d = (FNV_OFFSET ^ 3) | 0;

  /** Mix in a string (its UTF-16 code units), then its length. Meant for short texts. */
  addText(text: string): this {
    let h = this.#a;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
    this.#a = h;
    return this.addNumber(text.length);
  }

  /**
   * Mix in every byte of a body, then its length. Words of 4 bytes go to the lanes in turn; after
   * each multiplication the high bits are folded down, since a multiplication alone never carries
   * a change in a word's top bits into the bits below. The last `length mod 16` bytes go into the
   * first lane one at a time.
   */
  addContent(bytes: Uint8Array): this {
    const length = bytes.length;
    const whole = length - (length & 15);
    let a = this.#a;
    let i = 0;
    if (whole > 0) {
      const view = new DataView(bytes.buffer, bytes.byteOffset, length);
      let b = this.#b;
      let c = this.#c;
      let d = this.#d;
      for (; i < whole; i += 16) {
        a = Math.imul(a ^ view.getInt32(i, true), FNV_PRIME);
        a ^= a >>> 15;
        b = Math.imul(b ^ view.getInt32(i + 4, true), FNV_PRIME);
        b ^= b >>> 15;
        c = Math.imul(c ^ view.getInt32(i + 8, true), FNV_PRIME);
        c ^= c >>> 15;
        d = Math.imul(d ^ view.getInt32(i + 12, true), FNV_PRIME);
        d ^= d >>> 15;
      }
      this.#b = b;
      this.#c = c;
      this.#d = d;
    }
    for (; i < length; i++) a = Math.imul(a ^ bytes[i]!, FNV_PRIME);
    this.#a = a;
    return this.addNumber(length);
  }

  /**
   * Mix in an attachment's bytes: their length and up to 4 KiB from each end. Sampling keeps
   * building a large message fast; the hash only has to vary between drafts, and uniqueness
   * against content is checked separately where it matters (boundaries).
   */
  addBytes(bytes: Uint8Array): this {
    const SAMPLE = 4096;
    if (bytes.length <= 2 * SAMPLE) return this.addContent(bytes);
    this.addContent(bytes.subarray(0, SAMPLE));
    return this.addContent(bytes.subarray(bytes.length - SAMPLE)).addNumber(bytes.length);
  }

  /** Mix in a number (into the first lane, followed by a separator). */
  addNumber(value: number): this {
    let h = this.#a;
    const text = String(value);
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
    this.#a = Math.imul(h ^ 0x2c, FNV_PRIME);
    return this;
  }

  /** The hash as 8 hex digits: the four lanes folded byte by byte into one FNV-1a state. */
  hex(): string {
    let h = FNV_OFFSET;
    for (const lane of [this.#a, this.#b, this.#c, this.#d]) {
      for (let shift = 0; shift < 32; shift += 8) {
        h = Math.imul(h ^ ((lane >>> shift) & 255), FNV_PRIME);
      }
    }
    return (h >>> 0).toString(16).padStart(8, '0');
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
const MAX_ID_LENGTH = MAX_LINE_OCTETS - 'Message-ID: '.length;

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

/** A draft's text and HTML bodies as the message carries them: UTF-8 with CRLF line ends. */
export interface BodyBytes {
  text?: Uint8Array;
  html?: Uint8Array;
}

/**
 * The seed of a draft's generated ids and boundaries: a hash of everything in it and of `now`.
 * The bodies are hashed as the bytes the message will carry (encoded once, by the caller).
 */
export function hashDraft(draft: Draft, now: Date, bodies: BodyBytes): string {
  const hash = new DraftHash();
  for (const value of [draft.from, draft.subject, draft.date, draft.messageId]) {
    hash.addText(value ?? '\u0000');
  }
  for (const body of [bodies.text, bodies.html]) {
    if (body) hash.addContent(body);
    else hash.addText('\u0000');
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
