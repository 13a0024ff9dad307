/** Reading a file a person chose or dropped, with progress. */

/** Read a whole file, reporting the fraction read as it goes. */
export async function readFile(
  file: File,
  onProgress: (fraction: number) => void,
): Promise<Uint8Array> {
  const out = new Uint8Array(file.size);
  const reader = file.stream().getReader();
  let offset = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (offset + value.length > out.length) {
      throw new Error('the file grew while it was being read');
    }
    out.set(value, offset);
    offset += value.length;
    onProgress(file.size === 0 ? 1 : offset / file.size);
  }
  return offset === out.length ? out : out.slice(0, offset);
}
