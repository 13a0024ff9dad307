/**
 * Choosing a Content-Transfer-Encoding per part (RFC 2045 §6), as a pure function that returns
 * the choice and a sentence saying why, so the Compose view can explain it.
 */
// Byte values are local constants, not imports: a module-to-CommonJS transform (tsx, some test
// runners) turns imported bindings into getter calls, which would dominate this hot loop.
const CR = 0x0d;
const LF = 0x0a;
const SPACE = 0x20;
const TAB = 0x09;

/** The encodings the builder writes. 8bit and binary are never used: SES may rewrite 8-bit mail. */
export type TransferEncoding = '7bit' | 'quoted-printable' | 'base64';

/** A transfer encoding and the reason for it. */
export interface TransferEncodingChoice {
  encoding: TransferEncoding;
  reason: string;
}

/**
 * Text may go unencoded only with lines this short. RFC 5322 allows 998, but lines over 76 are
 * often rewrapped on the way; quoted-printable keeps them intact.
 */
export const SEVEN_BIT_MAX_LINE = 76;

/** What a scan of text bytes found. */
export interface TextStats {
  /** Bytes quoted-printable has to escape: non-ASCII, controls, '='. */
  escaped: number;
  nonAscii: number;
  controls: number;
  longestLine: number;
  trailingSpace: boolean;
}

/** Byte classes for the scan: 0 printable, 1 '=', 2 tab, 3 CR, 4 other control, 5 8-bit. */
const SCAN_CLASS = new Uint8Array(256);
for (let b = 0; b < 256; b++) {
  SCAN_CLASS[b] =
    b >= 0x80 ? 5 : b === 0x3d ? 1 : b === TAB ? 2 : b === CR ? 3 : b < 0x20 || b === 0x7f ? 4 : 0;
}

/**
 * Scan text bytes (CRLF line ends). Every figure is per line, so the stats of text cut after a
 * CRLF are those of its pieces put together with {@link joinStats}.
 */
export function scanText(bytes: Uint8Array): TextStats {
  let escaped = 0;
  let nonAscii = 0;
  let controls = 0;
  let longestLine = 0;
  let lineStart = 0;
  let trailingSpace = false;
  const end = bytes.length;
  for (let i = 0; i < end; i++) {
    const kind = SCAN_CLASS[bytes[i]!]!;
    if (kind === 0 || kind === 2) continue;
    if (kind === 1) {
      escaped++;
      continue;
    }
    if (kind === 5) {
      escaped++;
      nonAscii++;
      continue;
    }
    if (kind === 3 && i + 1 < end && bytes[i + 1] === LF) {
      if (i - lineStart > longestLine) longestLine = i - lineStart;
      if (i > lineStart) {
        const last = bytes[i - 1]!;
        if (last === SPACE || last === TAB) trailingSpace = true;
      }
      lineStart = i + 2;
      i++;
      continue;
    }
    escaped++;
    controls++;
  }
  if (end - lineStart > longestLine) longestLine = end - lineStart;
  if (end > lineStart) {
    const last = bytes[end - 1]!;
    if (last === SPACE || last === TAB) trailingSpace = true;
  }
  return { escaped, nonAscii, controls, longestLine, trailingSpace };
}

/**
 * Choose the transfer encoding of a text body (already normalised to CRLF): 7bit for short-lined
 * ASCII, otherwise quoted-printable when it is shorter than base64 (mostly Latin text stays
 * readable), otherwise base64.
 */
export function chooseTextEncoding(bytes: Uint8Array): TransferEncodingChoice {
  return chooseEncodingFor(scanText(bytes), bytes.length);
}

/** The stats of two pieces of text, the first ending in CRLF, as one. */
export function joinStats(a: TextStats, b: TextStats): TextStats {
  return {
    escaped: a.escaped + b.escaped,
    nonAscii: a.nonAscii + b.nonAscii,
    controls: a.controls + b.controls,
    longestLine: Math.max(a.longestLine, b.longestLine),
    trailingSpace: a.trailingSpace || b.trailingSpace,
  };
}

/** {@link chooseTextEncoding} from a scan already made of `length` bytes. */
export function chooseEncodingFor(stats: TextStats, length: number): TransferEncodingChoice {
  const { nonAscii, controls, longestLine, trailingSpace } = stats;
  if (nonAscii === 0 && controls === 0 && longestLine <= SEVEN_BIT_MAX_LINE && !trailingSpace) {
    return {
      encoding: '7bit',
      reason: `The text is plain ASCII with no line over ${SEVEN_BIT_MAX_LINE} characters, so it is sent as written.`,
    };
  }
  // Each escaped byte costs 3 characters in quoted-printable; base64 costs 4 per 3 bytes.
  // Readable quoted-printable wins unless it is more than half again as long as base64.
  const qpSize = length + 2 * stats.escaped;
  const base64Size = Math.ceil(length / 3) * 4;
  if (qpSize * 2 > base64Size * 3) {
    return {
      encoding: 'base64',
      reason: `Most of the text is not ASCII (${nonAscii} of ${length} bytes), so base64 is much shorter than quoted-printable.`,
    };
  }
  let why: string;
  if (nonAscii > 0) why = `The text has non-ASCII characters (${nonAscii} of ${length} bytes)`;
  else if (controls > 0) why = 'The text has control characters that 7bit cannot carry safely';
  else if (longestLine > SEVEN_BIT_MAX_LINE) {
    why = `A line is ${longestLine} characters long, over the ${SEVEN_BIT_MAX_LINE} that travel safely`;
  } else why = 'A line ends in white space, which mail servers may strip';
  return {
    encoding: 'quoted-printable',
    reason: `${why}; quoted-printable keeps it intact and mostly readable at a size close to base64's.`,
  };
}

/** Attachments always travel as base64: byte for byte, whatever they hold. */
export function chooseAttachmentEncoding(): TransferEncodingChoice {
  return {
    encoding: 'base64',
    reason: 'Attachments are carried byte for byte; base64 carries any bytes in short 7-bit lines.',
  };
}
