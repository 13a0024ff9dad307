/**
 * What the raw view holds. Up to a few megabytes that is the message itself, byte for byte. A
 * larger message (a 20 MB attachment is 27 MB of base64) keeps its head and its tail, with one
 * line saying how much is left out between them: an editor holding hundreds of thousands of
 * base64 lines would freeze the page, and Export .eml and Copy raw still give every byte.
 */

/** Messages up to this size are shown whole. */
export const RAW_VIEW_WHOLE_LIMIT = 2 * 1024 * 1024;
/** Of a larger message, about this much of the start is shown… */
export const RAW_VIEW_HEAD = 1024 * 1024;
/** …and about this much of the end. */
export const RAW_VIEW_TAIL = 128 * 1024;

const LF = 0x0a;
const encoder = new TextEncoder();

/** The bytes in the view and where they come from. */
export interface RawViewBytes {
  bytes: Uint8Array;
  /** True when `bytes` is the whole message. */
  whole: boolean;
  /** Message offset where the left-out middle starts (the message length when whole). */
  headEnd: number;
  /** Message offset where the shown tail starts. */
  tailStart: number;
  /** Length of the line standing for the left-out middle. */
  markerLength: number;
}

/** The start of the line holding `offset` (just after the previous LF). */
function lineStart(raw: Uint8Array, offset: number): number {
  let at = Math.min(offset, raw.length);
  while (at > 0 && raw[at - 1] !== LF) at--;
  return at;
}

/** What the raw view shows of a message. */
export function rawViewBytes(raw: Uint8Array): RawViewBytes {
  if (raw.length <= RAW_VIEW_WHOLE_LIMIT) {
    return { bytes: raw, whole: true, headEnd: raw.length, tailStart: raw.length, markerLength: 0 };
  }
  const headEnd = lineStart(raw, RAW_VIEW_HEAD);
  const tailStart = lineStart(raw, raw.length - RAW_VIEW_TAIL);
  const left = (tailStart - headEnd).toLocaleString('en');
  const marker = encoder.encode(
    `[… ${left} bytes of the message are not shown here; Export .eml and Copy raw give all of them …]\r\n`,
  );
  const bytes = new Uint8Array(headEnd + marker.length + raw.length - tailStart);
  bytes.set(raw.subarray(0, headEnd), 0);
  bytes.set(marker, headEnd);
  bytes.set(raw.subarray(tailStart), headEnd + marker.length);
  return { bytes, whole: false, headEnd, tailStart, markerLength: marker.length };
}

/** Where a message offset is in the view's bytes; offsets in the left-out middle go to its line. */
export function toViewOffset(view: RawViewBytes, offset: number): number {
  if (view.whole || offset <= view.headEnd) return offset;
  if (offset < view.tailStart) return view.headEnd;
  return offset - view.tailStart + view.headEnd + view.markerLength;
}
