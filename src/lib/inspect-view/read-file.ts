/** Reading a file a person chose or dropped, with progress. */

/**
 * The file is read this much at a time, each piece in a task of its own: read as a stream, the
 * chunks that are ready arrive one after another in the same task, and a file of tens of
 * megabytes was copied in one long task.
 */
const PIECE_BYTES = 1024 * 1024;

/** Read a whole file, reporting the fraction read as it goes. */
export async function readFile(
  file: File,
  onProgress: (fraction: number) => void,
): Promise<Uint8Array> {
  const out = new Uint8Array(file.size);
  for (let offset = 0; offset < file.size; offset += PIECE_BYTES) {
    const piece = new Uint8Array(
      await file.slice(offset, Math.min(file.size, offset + PIECE_BYTES)).arrayBuffer(),
    );
    out.set(piece, offset);
    onProgress((offset + piece.length) / file.size);
  }
  if (file.size === 0) onProgress(1);
  return out;
}
