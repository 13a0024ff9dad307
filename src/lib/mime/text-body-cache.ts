/**
 * Text bodies encoded again after a small edit, for a caller that builds the same draft on every
 * keystroke: the body is kept in blocks of whole lines, each with its UTF-8 bytes, its scan and
 * its quoted-printable lines, and an edit re-encodes only the blocks it touched. Every figure and
 * every encoded byte of a text body depends on its lines alone (quoted-printable starts afresh
 * after each CRLF), so the result is exactly what encoding the whole body gives.
 */
import { concatBytes, utf8Encode } from './bytes.ts';
import { encodeBody, normaliseLineEnds, type EncodedText } from './parts.ts';
import { encodeQuotedPrintable } from './qp.ts';
import { chooseEncodingFor, joinStats, scanText, type TextStats } from './transfer-encoding.ts';

/** About this many characters of whole lines make a block (a longer line is a block alone). */
const BLOCK_CHARS = 4096;

interface Block {
  /** The block's text as given: whole lines, each ending in LF, except perhaps the body's last. */
  text: string;
  /** Its UTF-8 bytes with line ends normalised to CRLF. */
  bytes: Uint8Array;
  stats: TextStats;
  /** The block's quoted-printable lines, once asked for. */
  quoted?: Uint8Array;
}

interface Entry extends CachedText {
  /** The body as last given, before line ends were normalised. */
  source: string;
  blocks: Block[];
}

/** A text body as a message carries it (see `bodyBytes`), and that body encoded for its part. */
export interface CachedText {
  bytes: Uint8Array;
  encoded: EncodedText;
  /** How many characters of the text were encoded afresh for this result (the rest were kept). */
  freshChars: number;
}

function block(text: string): Block {
  // A block ends just after a LF (or at the end), so its line ends normalise on their own.
  const bytes = utf8Encode(normaliseLineEnds(text));
  return { text, bytes, stats: scanText(bytes) };
}

/** Blocks of whole lines for `text[from, to)`, which starts after a LF and ends after one (or at the end). */
function blocksOf(text: string, from: number, to: number, size: number): Block[] {
  const blocks: Block[] = [];
  for (let start = from; start < to;) {
    const newline = start + size >= to ? -1 : text.indexOf('\n', start + size - 1);
    const end = newline < 0 || newline >= to ? to : newline + 1;
    blocks.push(block(text.slice(start, end)));
    start = end;
  }
  return blocks;
}

/** Whether `text` holds `piece` at `at` (a slice compared whole is faster than `startsWith`). */
function holds(text: string, piece: string, at: number): boolean {
  return text.slice(at, at + piece.length) === piece;
}

/**
 * The blocks of `text`, reusing the blocks of `previous` it still holds at its start and at its
 * end. A block is reused only where a LF comes just before it, so lines are never joined or split
 * across a seam (a CR before it might pair with a LF it starts with).
 */
function reblock(previous: readonly Block[], text: string, size: number): Block[] {
  let head = 0;
  let at = 0;
  while (head < previous.length) {
    const piece = previous[head]!.text;
    // The body's last block may lack a CRLF: reused at the start only if it still ends the text.
    const endsLine = piece.endsWith('\n') || at + piece.length === text.length;
    if (!endsLine || !holds(text, piece, at)) break;
    at += piece.length;
    head++;
  }
  let tail = previous.length;
  let end = text.length;
  while (tail > head) {
    const piece = previous[tail - 1]!.text;
    const start = end - piece.length;
    const startsLine = start === at || (start > at && text.charCodeAt(start - 1) === 0x0a);
    if (start < at || !startsLine || !holds(text, piece, start)) break;
    end = start;
    tail--;
  }
  return [...previous.slice(0, head), ...blocksOf(text, at, end, size), ...previous.slice(tail)];
}

/** The parts as one array: the only part itself when there is one (nothing is copied then). */
function joined(parts: readonly Uint8Array[]): Uint8Array {
  return parts.length === 1 ? parts[0]! : concatBytes(parts);
}

function encode(blocks: readonly Block[], bytes: Uint8Array): EncodedText {
  const stats = blocks.map((b) => b.stats).reduce(joinStats, scanText(new Uint8Array(0)));
  const choice = chooseEncodingFor(stats, bytes.length);
  // Quoted-printable starts afresh after each CRLF, so it is the one encoding kept per block.
  if (choice.encoding !== 'quoted-printable') return { choice, body: encodeBody(bytes, choice) };
  return { choice, body: joined(blocks.map((b) => (b.quoted ??= encodeQuotedPrintable(b.bytes)))) };
}

/**
 * Text bodies kept between builds, one per slot (`text`, `html`). The caller owns it and passes it
 * to every build of the same draft; a build's bytes are the same with it as without it.
 */
export class TextBodyCache {
  #entries = new Map<string, Entry>();
  #blockChars: number;

  /** `blockChars`: about how many characters make a block (smaller re-encodes less per edit). */
  constructor(blockChars = BLOCK_CHARS) {
    if (!Number.isInteger(blockChars) || blockChars < 1) {
      throw new RangeError(`blockChars must be a positive whole number, not ${blockChars}.`);
    }
    this.#blockChars = blockChars;
  }

  /** `bodyBytes(text)` and its encoding, re-encoding only what changed since the slot's last. */
  body(slot: string, text: string): CachedText {
    const previous = this.#entries.get(slot);
    if (previous?.source === text) return { ...previous, freshChars: 0 };
    const size = this.#blockChars;
    const blocks = previous
      ? reblock(previous.blocks, text, size)
      : blocksOf(text, 0, text.length, size);
    const reused = new Set(previous?.blocks);
    let freshChars = 0;
    for (const b of blocks) if (!reused.has(b)) freshChars += b.text.length;
    const bytes = joined(blocks.map((b) => b.bytes));
    const entry: Entry = {
      source: text,
      blocks,
      bytes,
      encoded: encode(blocks, bytes),
      freshChars,
    };
    this.#entries.set(slot, entry);
    return entry;
  }
}
