/**
 * Limits the inspector applies to untrusted input, and the protocol limits (line length, encoded
 * word length) that the builder writes within and the inspector checks. Over an inspection limit,
 * `inspectMessage` stops going deeper or further, says so in a diagnostic, and returns what it has
 * parsed.
 */

/**
 * Deepest nesting of multiparts and enclosed messages that is parsed. RFC 2046 §5.1 sets no
 * limit; real mail rarely nests past 10, and crafted messages (a "MIME bomb") nest thousands of
 * levels deep to exhaust a recursive parser's stack.
 */
export const MAX_NESTING_DEPTH = 50;

/**
 * Largest header block of one part, in bytes. RFC 5322 sets no limit; MTAs refuse far smaller
 * ones (Postfix `header_size_limit` is 100 KiB), so past this the rest is treated as body.
 */
export const MAX_HEADER_BLOCK_BYTES = 1024 * 1024;

/**
 * Largest message inspected, in bytes. SES refuses messages over 40 MB (v2 API); the inspector
 * looks at the first 64 MiB of anything larger and reports the rest as unread.
 */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

/** Most parts in one message; past this, further parts are reported as one unparsed leaf. */
export const MAX_PARTS = 10_000;

/** Longest line allowed, without its CRLF (RFC 5322 §2.1.1). */
export const MAX_LINE_OCTETS = 998;

/** Longest RFC 2047 encoded word, in characters (RFC 2047 §2). */
export const MAX_ENCODED_WORD_LENGTH = 75;

/** Most diagnostics of one code that are reported one by one before they are summed up. */
export const MAX_DIAGNOSTICS_PER_CODE = 20;
