import { describe, expect, it } from 'vitest';
import { sampleLogo } from '../../../src/lib/state/sample-draft.ts';

describe('sampleLogo', () => {
  it('is a whole 24×24 PNG', () => {
    const logo = sampleLogo();
    expect([...logo.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    const header = new DataView(logo.buffer, logo.byteOffset + 16, 8);
    expect([header.getUint32(0), header.getUint32(4)]).toEqual([24, 24]);
    // The image ends with its IEND chunk and its CRC, nothing cut off or left over.
    expect(new TextDecoder().decode(logo.subarray(-8, -4))).toBe('IEND');
  });
});
