import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { diffLines } from '../../../src/lib/checks/line-diff.ts';
import { propertyRuns } from '../../support/property-runs.ts';

const lines = fc
  .array(fc.constantFrom('a', 'b', 'c', '<p>', ''), { maxLength: 30 })
  .map((l) => l.join('\n'));

describe('diffLines', () => {
  test('marks a changed line as removed and added between kept ones', () => {
    expect(diffLines('a\nb\nc', 'a\nB\nc')).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'added', text: 'B' },
      { kind: 'removed', text: 'b' },
      { kind: 'same', text: 'c' },
    ]);
  });

  test.prop([lines, lines], propertyRuns())('gives back both texts', (before, after) => {
    const diff = diffLines(before, after);
    const side = (kind: string) =>
      diff
        .filter((l) => l.kind === 'same' || l.kind === kind)
        .map((l) => l.text)
        .join('\n');
    expect(side('removed')).toBe(before);
    expect(side('added')).toBe(after);
  });
});
