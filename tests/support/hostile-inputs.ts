/**
 * Small inputs crafted to make a careless reader slow: each generator takes a size and returns
 * input whose cost grows with it. The pathological-input tests run each once at a size where
 * quadratic work takes minutes; `scripts/measure-hostile.ts` times each at several sizes.
 */

/** A message of `count` header fields that all have the same name. */
export function sameNameFields(count: number, name = 'X-A'): string {
  return `${name}: b\r\n`.repeat(count) + '\r\nBody.\r\n';
}

/** A message whose Received and Date fields end in `count` unclosed comment openers. */
export function unclosedDateComments(count: number): string {
  const run = '('.repeat(count);
  return (
    `Received: from a.example by b.example; ${run}\r\n` +
    `Date: ${run}\r\nFrom: a@example.com\r\n\r\nBody.\r\n`
  );
}

/** A message with an RFC 2231 extended file name of `length` characters. */
export function longRfc2231Value(length: number): string {
  const value = 'A'.repeat(length);
  return (
    'From: a@example.com\r\nTo: b@example.com\r\nSubject: x\r\nMIME-Version: 1.0\r\n' +
    'Content-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nHi\r\n' +
    `--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename*=utf-8''${value}\r\n\r\nAAAA\r\n--b--\r\n`
  );
}

/** A display name of `count` fragments that open encoded words and never close one. */
export function encodedWordFragments(count: number): string {
  return '=?a'.repeat(count) + ' x';
}

/** A message with a From display name made of `count` `=?` fragments. */
export function encodedWordFragmentsMessage(count: number): string {
  return `From: ${encodedWordFragments(count)} <a@example.com>\r\nTo: b@example.com\r\n\r\nBody.\r\n`;
}

/** A message with one unfolded Subject line of `bytes` octets. */
export function singleLineHeader(bytes: number): string {
  return `Subject: ${'a'.repeat(bytes)}\r\nFrom: a@example.com\r\n\r\nBody.\r\n`;
}

/**
 * `depth` nested multiparts whose boundaries are prefixes of each other (`b`, `bb`, `bbb`, …),
 * around a body of `bytes` octets of lines that all begin with the innermost boundary's prefix.
 */
export function nestedPrefixBoundaries(depth: number, bytes: number): string {
  let head = 'From: a@example.com\r\nMIME-Version: 1.0\r\n';
  let tail = '';
  for (let level = 1; level <= depth; level++) {
    const boundary = 'b'.repeat(level);
    head += `Content-Type: multipart/mixed; boundary="${boundary}"\r\n\r\n--${boundary}\r\n`;
    tail = `\r\n--${boundary}--\r\n` + tail;
  }
  const line = `--${'b'.repeat(depth)}x\r\n`;
  const body = line.repeat(Math.max(1, Math.floor(bytes / line.length)));
  return head + 'Content-Type: text/plain\r\n\r\n' + body + tail;
}

/** An mbox file of `count` messages that never end their header block. */
export function mboxUnendedHeaders(count: number): string {
  return 'From a@example.com Thu Jan  1 00:00:00 1970\nX-A: b\nX-B: c\n'.repeat(count);
}

/** An mbox file of `count` bare `From ` lines. */
export function mboxBareFromLines(count: number): string {
  return 'From \n'.repeat(count);
}

/** A glob of `stars` `*a` pairs and a final `b`, and an address it will never match. */
export function backtrackingGlob(stars: number, addressLength: number) {
  return {
    pattern: '*a'.repeat(stars) + 'b',
    address: 'a'.repeat(addressLength) + '@example.com',
  };
}
