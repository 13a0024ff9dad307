/**
 * Reading a state file's text. `JSON.parse` keeps the last of two equal keys in an object without
 * a word, so a hand-edited file could say two things and be read as one of them; such a file is
 * refused, naming the key, before its value is looked at.
 */

/** The first key that appears twice in one object of a JSON text, with where it is. */
function duplicateKey(text: string): string | undefined {
  const objects: Array<Set<string> | undefined> = [];
  const path: string[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const raw = text.slice(i, j + 1);
      let k = j + 1;
      while (k < text.length && ' \t\r\n'.includes(text[k]!)) k++;
      const keys = objects[objects.length - 1];
      if (text[k] === ':' && keys) {
        const key = JSON.parse(raw) as string;
        if (keys.has(key)) {
          return [...path.slice(0, objects.length - 1).filter(Boolean), key].join('.');
        }
        keys.add(key);
        path[objects.length - 1] = key;
      }
      i = j + 1;
      continue;
    }
    if (ch === '{') objects.push(new Set());
    else if (ch === '[') objects.push(undefined);
    else if (ch === '}' || ch === ']') {
      objects.pop();
      path.length = Math.min(path.length, objects.length);
    }
    i++;
  }
  return undefined;
}

/**
 * Parse a saved state's text; throws RangeError with a plain sentence when it is not JSON or an
 * object in it names a key twice. Whether the value is a state is `readState`'s to check.
 */
export function parseStateJson(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new RangeError('The file is not JSON.');
  }
  const key = duplicateKey(text);
  if (key !== undefined) throw new RangeError(`The file names the key "${key}" twice.`);
  return value;
}
