/** Comparing JSON payloads by shape: keys in order and value types, not values. */

/** A JSON value's shape: objects keep their key order, arrays the shape of their first item. */
export function shapeOf(value: unknown): unknown {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length === 0 ? [] : [shapeOf(value[0])];
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>))
      out[key] = shapeOf(item);
    return out;
  }
  return typeof value;
}

/** The keys of an object, in order. */
export function keysOf(value: unknown): string[] {
  return Object.keys(value as Record<string, unknown>);
}

/** Read a fixture of this directory. */
export async function fixture(name: string): Promise<unknown> {
  const { readFile } = await import('node:fs/promises');
  const url = new URL(`./fixtures/${name}`, import.meta.url);
  return JSON.parse(await readFile(url, 'utf8')) as unknown;
}
