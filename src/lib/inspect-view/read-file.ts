/** Reading a file a person chose or dropped, with progress. */

/** After copying about this much, let the page do other work before reading on. */
const YIELD_BYTES = 1024 * 1024;

/** Read a whole file, reporting the fraction read as it goes. */
export async function readFile(
  file: File,
  onProgress: (fraction: number) => void,
): Promise<Uint8Array> {
  const out = new Uint8Array(file.size);
  const reader = file.stream().getReader();
  let offset = 0;
  let sinceYield = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (offset + value.length > out.length) {
      throw new Error('the file grew while it was being read');
    }
    out.set(value, offset);
    offset += value.length;
    onProgress(file.size === 0 ? 1 : offset / file.size);
    sinceYield += value.length;
    if (sinceYield >= YIELD_BYTES) {
      // Chunks that are ready arrive one after another in the same task: a file of tens of
      // megabytes would be copied in one long task without this pause.
      sinceYield = 0;
      await new Promise((resolve) => setTimeout(resolve));
    }
  }
  return offset === out.length ? out : out.slice(0, offset);
}
