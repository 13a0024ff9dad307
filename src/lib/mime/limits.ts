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

/**
 * Longest address field (From, To, Cc, …) whose addresses are read, in characters. RFC 5322 sets
 * no limit; SES takes at most 50 recipients, which fit in 16 KB. Past it, only the addresses in
 * the first part are read (a megabyte of `a,` is half a million addresses).
 */
export const MAX_ADDRESS_FIELD_CHARS = 64 * 1024;

/**
 * Longest date text that is parsed, after comments are taken out. An RFC 5322 §3.3 date-time is
 * about 40 characters; a longer one is reported as unreadable, not searched.
 */
export const MAX_DATE_CHARS = 256;

/**
 * Longest decoded parameter value (RFC 2045 §5.1, RFC 2231 continuations joined), in bytes. File
 * names are at most 255 bytes on common file systems; past this the value is cut and reported.
 */
export const MAX_PARAMETER_BYTES = 64 * 1024;

/** Longest local part of an address SMTP carries (RFC 5321 §4.5.3.1.1). */
export const MAX_LOCAL_PART_OCTETS = 64;

/** Longest domain SMTP carries (RFC 5321 §4.5.3.1.2). */
export const MAX_DOMAIN_OCTETS = 255;

/** Longest label of a domain (RFC 1035 §2.3.4). */
export const MAX_DOMAIN_LABEL_OCTETS = 63;
