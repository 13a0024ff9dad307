import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFile } from '../../../src/lib/inspect-view/read-file.ts';

describe('readFile', () => {
  it('gives every byte of a file, whatever its size, and ends its progress at 1', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.integer({ min: 0, max: 3 * 1024 * 1024 + 7 }),
          fc.constantFrom(0, 1024 * 1024 - 1, 1024 * 1024, 1024 * 1024 + 1),
        ),
        async (size) => {
          const bytes = new Uint8Array(size);
          for (let i = 0; i < size; i++) bytes[i] = (i * 31 + (i >> 8)) & 0xff;
          const progress: number[] = [];
          const read = await readFile(new File([bytes], 'a.eml'), (f) => progress.push(f));
          expect(read.length).toBe(size);
          expect(Buffer.from(read).equals(bytes)).toBe(true);
          expect(progress.at(-1)).toBe(1);
          expect(progress).toEqual([...progress].sort((a, b) => a - b));
        },
      ),
      { numRuns: 8 },
    );
  });
});
