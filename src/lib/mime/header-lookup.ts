/**
 * Finding header fields by name. Field names are case-insensitive (RFC 5322 §1.2.2), so every
 * lookup in the engines goes through these instead of comparing names by hand.
 */

/** Anything with a field name and a value: raw, decoded or built header fields alike. */
interface NamedField {
  name: string;
  value: string;
}

/** The value of the first field of a name, as mail readers use the first occurrence. */
export function firstHeader(headers: readonly NamedField[], name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const header of headers) if (header.name.toLowerCase() === lower) return header.value;
  return undefined;
}

/** The values of every field of a name, in order. */
export function headerValues(headers: readonly NamedField[], name: string): string[] {
  const lower = name.toLowerCase();
  return headers.filter((h) => h.name.toLowerCase() === lower).map((h) => h.value);
}

/** Whether a field of a name is present. */
export function hasHeader(headers: readonly { name: string }[], name: string): boolean {
  const lower = name.toLowerCase();
  return headers.some((h) => h.name.toLowerCase() === lower);
}
