/**
 * A line diff, to show a change (such as CSS inlining) before it is applied: common lines at the
 * ends are kept, and the middle is matched by longest common subsequence while that stays small;
 * beyond that the middle is shown as replaced, which is still a correct diff.
 */

/** One line of a diff. */
export interface DiffLine {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** The largest middle (lines before × lines after) matched line by line. */
const MAX_MATCHED_CELLS = 4_000_000;

function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}

/** The lines of `before` and `after`, marked as kept, removed or added. */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = splitLines(before);
  const b = splitLines(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const out: DiffLine[] = a.slice(0, start).map((text) => ({ kind: 'same', text }));
  const n = endA - start;
  const m = endB - start;
  if (n * m > MAX_MATCHED_CELLS) {
    for (let i = start; i < endA; i++) out.push({ kind: 'removed', text: a[i]! });
    for (let j = start; j < endB; j++) out.push({ kind: 'added', text: b[j]! });
  } else {
    // lengths[i][j]: longest common subsequence of a[start+i..endA) and b[start+j..endB).
    const width = m + 1;
    const lengths = new Uint32Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lengths[i * width + j] =
          a[start + i] === b[start + j]
            ? lengths[(i + 1) * width + j + 1]! + 1
            : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[start + i] === b[start + j]) {
        out.push({ kind: 'same', text: a[start + i]! });
        i++;
        j++;
      } else if (
        j < m &&
        (i === n || lengths[i * width + j + 1]! >= lengths[(i + 1) * width + j]!)
      ) {
        out.push({ kind: 'added', text: b[start + j]! });
        j++;
      } else {
        out.push({ kind: 'removed', text: a[start + i]! });
        i++;
      }
    }
  }
  for (let i = endA; i < a.length; i++) out.push({ kind: 'same', text: a[i]! });
  return out;
}
