/**
 * The smallest whole-line change that turns one raw message into the next: as a person types,
 * only the part being edited (and a header or two) changes, so the raw view is updated with
 * that change rather than replaced, which keeps typing smooth even beside a large attachment.
 */

const LF = 0x0a;

/**
 * Replace bytes `from`–`to` of the old message with `insert` to get the new one. `insert` is a view
 * into the new message, not a copy: a change that adds 27 MB copies nothing.
 */
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

/** Apply a change (for tests and for views that hold bytes). */
export function applyRawChange(previous: Uint8Array, change: RawChange): Uint8Array {
  const out = new Uint8Array(previous.length - (change.to - change.from) + change.insert.length);
  out.set(previous.subarray(0, change.from), 0);
  out.set(change.insert, change.from);
  out.set(previous.subarray(change.to), change.from + change.insert.length);
  return out;
}
