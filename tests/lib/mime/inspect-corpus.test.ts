import { expect, test } from 'vitest';
import { DiagnosticLog } from '../../../src/lib/mime/inspect-diagnostics.ts';
import { inspectMessage } from '../../../src/lib/mime/inspect.ts';
import { scanStructure } from '../../../src/lib/mime/structure-scan.ts';
import type { MimeNode } from '../../../src/lib/mime/types.ts';
import { describeCorpus, readCorpus } from '../../support/corpus.ts';
import { corpusMessages } from './corpus-messages.ts';

/** Every problem with the offsets of a tree, as sentences; empty when all is well. */
function offsetProblems(raw: Uint8Array, node: MimeNode, lo: number, hi: number, path = '1'): string[] {
  const problems: string[] = [];
  if (!(lo <= node.start && node.start <= node.bodyStart && node.bodyStart <= node.end && node.end <= hi)) {
    problems.push(`part ${path}: ${node.start}/${node.bodyStart}/${node.end} outside [${lo}, ${hi}]`);
  }
  let previousEnd = node.bodyStart;
  node.children.forEach((child, i) => {
    if (child.start < previousEnd) problems.push(`part ${path}.${i + 1} overlaps its sibling`);
    previousEnd = child.end;
    problems.push(...offsetProblems(raw, child, node.bodyStart, node.end, `${path}.${i + 1}`));
  });
  return problems;
} // prettier-ignore

/** The header names a leaf's bytes begin with, as a reader of `raw.slice(start, end)` sees them. */
function leadingHeaderNames(raw: Uint8Array, node: MimeNode): string[] {
  const text = new TextDecoder('latin1').decode(raw.subarray(node.start, node.bodyStart));
  return [...text.matchAll(/^([!-9;-~]+)[ \t]*:/gm)].map((m) => m[1]!);
}

describeCorpus('inspectMessage over every corpus message', () => {
  const { messages, skipped } = corpusMessages();

  test('skips only files that are not messages, and says which', () => {
    const summary = [...skipped].map(([reason, files]) => `  ${files.length} ${reason}`);
    console.log(`Corpus: ${messages.length} messages inspected; skipped:\n${summary.join('\n')}`);
    expect(messages.length).toBeGreaterThanOrEqual(1749);
  });

  test('never throws; offsets nest inside the input; each leaf slice is that part', async () => {
    const failures: string[] = [];
    let leaves = 0;
    for (const path of messages) {
      const raw = readCorpus(path);
      let inspection;
      try {
        inspection = await inspectMessage(raw);
      } catch (error) {
        failures.push(`${path}: threw ${String(error)}`);
        continue;
      }
      const tree = inspection.tree;
      if (tree.start !== 0) failures.push(`${path}: the root does not start at 0`);
      for (const problem of offsetProblems(raw, tree, 0, raw.length)) failures.push(`${path}: ${problem}`);
      const walk = (node: MimeNode) => {
        if (node.children.length > 0) return node.children.forEach(walk);
        leaves++;
        // The slice of a leaf holds exactly its own header fields, in order, then its body.
        const names = leadingHeaderNames(raw, node);
        const own = node.headers.map((h) => h.name);
        if (names.join('\n') !== own.join('\n') && !names.join('\n').endsWith(own.join('\n'))) {
          failures.push(`${path}: leaf at ${node.start} has headers [${own}] but its bytes show [${names}]`);
        }
        // Read on its own, the slice is the same part: same fields, body at the same place.
        const alone = scanStructure(raw.slice(node.start, node.end), new DiagnosticLog());
        const same =
          alone.headers.map((h) => `${h.name}:${h.value}`).join('\n') === node.headers.map((h) => `${h.name}:${h.value}`).join('\n') &&
          alone.bodyStart === node.bodyStart - node.start;
        if (node.start > 0 && !same) failures.push(`${path}: the leaf at ${node.start} reads differently on its own`);
      };
      walk(tree);
      for (const d of inspection.diagnostics) {
        if (d.from !== undefined && !(0 <= d.from && d.from <= (d.to ?? d.from) && (d.to ?? 0) <= raw.length)) {
          failures.push(`${path}: diagnostic ${d.code} has range ${d.from}-${d.to}`);
        }
      }
    }
    console.log(`Corpus: ${leaves} leaf parts checked`);
    expect(failures).toEqual([]);
  }); // prettier-ignore
});
