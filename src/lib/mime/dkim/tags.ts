/**
 * DKIM tag lists (RFC 6376 §3.2): `name=value` pairs separated by semicolons, folding white
 * space allowed around names, equals signs and values. Used by DKIM-Signature and ARC headers
 * and by DKIM key records.
 */

/** A parsed tag list, or the reason it could not be read. */
export type TagList = { ok: true; tags: Map<string, string> } | { ok: false; reason: string };

/** Parse a tag list; duplicate tags and malformed entries make it unreadable (RFC 6376 §3.2). */
export function parseTagList(text: string): TagList {
  const tags = new Map<string, string>();
  const entries = text.split(';');
  // A trailing semicolon leaves one empty entry, which is allowed.
  if (entries.length > 1 && entries[entries.length - 1]!.trim() === '') entries.pop();
  for (const entry of entries) {
    const eq = entry.indexOf('=');
    if (eq < 0) return { ok: false, reason: `The tag “${entry.trim()}” has no “=”.` };
    const name = entry.slice(0, eq).trim();
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) {
      return { ok: false, reason: `“${name}” is not a tag name.` };
    }
    if (tags.has(name)) return { ok: false, reason: `The tag ${name}= appears twice.` };
    tags.set(name, entry.slice(eq + 1).replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, ''));
  }
  return { ok: true, tags };
}

/** A base64 tag value with its folding white space removed. */
export function compactBase64(value: string): string {
  return value.replace(/[ \t\r\n]+/g, '');
}
