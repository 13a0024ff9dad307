/**
 * The field blocks of machine-readable report parts: `message/delivery-status` (RFC 3464 §2.1)
 * and `message/feedback-report` (RFC 5965 §3.1). Both are header-like fields in blocks separated
 * by blank lines; real reports also run blocks together or leave extra blank lines, so the
 * blocks are returned as they are and the readers decide where a recipient begins.
 */

/** One field of a report block. */
export interface ReportField {
  /** Lower-case field name. */
  name: string;
  /** Unfolded, trimmed value. */
  value: string;
}

/** Read report text into blocks of fields; lines that are not fields are skipped. */
export function readReportBlocks(text: string): ReportField[][] {
  const blocks: ReportField[][] = [];
  let block: ReportField[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line.trim() === '') {
      if (block.length > 0) blocks.push(block);
      block = [];
      continue;
    }
    const last = block[block.length - 1];
    if ((line[0] === ' ' || line[0] === '\t') && last) {
      last.value = `${last.value} ${line.trim()}`.trim();
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0 || !/^[!-9;-~]+$/.test(line.slice(0, colon).trim())) continue;
    block.push({
      name: line.slice(0, colon).trim().toLowerCase(),
      value: line.slice(colon + 1).trim(),
    });
  }
  if (block.length > 0) blocks.push(block);
  return blocks;
}

/** The value after an RFC 3464 type prefix: `rfc822; a@b.example` → `a@b.example`. */
export function stripTypePrefix(value: string): string {
  const semicolon = value.indexOf(';');
  const rest =
    semicolon >= 0 && /^[\w-]+$/.test(value.slice(0, semicolon).trim())
      ? value.slice(semicolon + 1)
      : value;
  return rest
    .trim()
    .replace(/^<(.*)>$/, '$1')
    .trim();
}

/**
 * The address in a recipient field: type prefix, angle brackets (even unbalanced ones) and
 * anything after the first white space (a comment, a program's arguments) removed.
 */
export function recipientAddress(value: string): string {
  const bare = stripTypePrefix(value).replace(/^<+/, '').replace(/>+$/, '').trim();
  return bare.split(/\s+/)[0] ?? '';
}
