/**
 * The smallest whole-line change that turns one raw message into the next, worked out byte by
 * byte over whole buffers: the oracle that the page's segment-wise `diffMessages` must agree with.
 */

import type { MessageChange } from '../../src/lib/state/message-diff.ts';

const LF = 0x0a;

/** Replace bytes `from`–`to` of the old message with `insert` to get the new one. */
export interface RawChange {
  from: number;
  to: number;
  insert: Uint8Array;
}

/**
 * The change from `previous` to `next`. `from` and `to` are always at line starts (just after an
 * LF, or at either end), so a view that splits lines on CRLF can apply it line by line.
 */
export function diffRaw(previous: Uint8Array, next: Uint8Array): RawChange {
  const shorter = Math.min(previous.length, next.length);
  let prefix = 0;
  while (prefix < shorter && previous[prefix] === next[prefix]) prefix++;
  if (prefix === previous.length && prefix === next.length) {
    return { from: prefix, to: prefix, insert: new Uint8Array(0) };
  }
  // Back to the start of the line the first difference is on.
  while (prefix > 0 && previous[prefix - 1] !== LF) prefix--;
  let suffix = 0;
  const maxSuffix = shorter - prefix;
  while (
    suffix < maxSuffix &&
    previous[previous.length - 1 - suffix] === next[next.length - 1 - suffix]
  ) {
    suffix++;
  }
  // Forward to the start of a line, so the unchanged tail is whole lines.
  while (suffix > 0 && previous[previous.length - suffix - 1] !== LF) suffix--;
  return {
    from: prefix,
    to: previous.length - suffix,
    insert: next.subarray(prefix, next.length - suffix),
  };
}

/** The same change as the page's `MessageChange` (its new bytes are the new message's). */
export function asMessageChange({ from, to, insert }: RawChange): MessageChange {
  return { from, to, length: insert.length };
}

/** Apply a `MessageChange` that turned `previous` into `next`. */
export function applyChange(
  previous: Uint8Array,
  change: MessageChange,
  next: Uint8Array,
): Uint8Array {
  const out = new Uint8Array(previous.length - (change.to - change.from) + change.length);
  out.set(previous.subarray(0, change.from), 0);
  out.set(next.subarray(change.from, change.from + change.length), change.from);
  out.set(previous.subarray(change.to), change.from + change.length);
  return out;
}
