/**
 * Where findings point: the line and column in the decoded part, and the raw bytes through each
 * transfer encoding.
 */
import { describe, expect, test } from 'vitest';
import {
  decodeBase64,
  decodeQuotedPrintable,
  inspectMessage,
} from '../../../src/lib/mime/index.ts';
import { check, draft, page, raw } from './support.ts';

function insecureLink(report: Awaited<ReturnType<typeof check>>) {
  const finding = report.findings.find((f) => f.code === 'link-insecure');
  expect(finding).toBeDefined();
  return finding!;
}

const decoder = new TextDecoder();

describe('finding places', () => {
  test('7bit: line, column and bytes of the attribute', async () => {
    const html = page('<p>Bread</p>\n<p>More <a href="http://bakery.example/">bread</a></p>');
    const bytes = raw(draft({ html }));
    const finding = insecureLink(await check(bytes));
    const line = html.split('\n')[finding.line! - 1]!;
    expect(line.slice(finding.column! - 1)).toMatch(/^href="http:\/\/bakery\.example\/"/);
    const tree = (await inspectMessage(bytes)).tree;
    expect(tree.transferEncoding).toBe('7bit');
    expect(finding.part).toBe('1');
    expect(decoder.decode(bytes.subarray(finding.range!.start, finding.range!.end))).toBe(
      'href="http://bakery.example/"',
    );
  });

  test('quoted-printable: the bytes decode to the attribute', async () => {
    const html = page(
      `<p>${'Crème brûlée, '.repeat(20)}<a href="http://bakery.example/crème">brûlée</a></p>`,
    );
    const bytes = raw(draft({ html, text: 'Crème brûlée http://bakery.example/crème' }));
    const finding = insecureLink(await check(bytes));
    expect(finding.part).toBe('2');
    const slice = bytes.subarray(finding.range!.start, finding.range!.end);
    expect(decoder.decode(decodeQuotedPrintable(slice))).toBe('href="http://bakery.example/crème"');
  });

  test('base64: the bytes cover the attribute', async () => {
    const html = page(
      `<p>${'焼きたてのパン。'.repeat(40)}<a href="http://bakery.example/">パン</a></p>`,
    );
    const bytes = raw(draft({ html, text: 'パン http://bakery.example/' }));
    const inspection = await inspectMessage(bytes);
    expect(inspection.tree.children[1]?.transferEncoding).toBe('base64');
    const finding = insecureLink(await check(bytes));
    // Widen to whole base64 quartets, counted from the start of the body, and decode.
    const part = inspection.tree.children[1]!;
    const body = decoder.decode(bytes.subarray(part.bodyStart, part.end));
    const before = body
      .slice(0, finding.range!.start - part.bodyStart)
      .replace(/[^A-Za-z0-9+/]/g, '').length;
    const quartetStart = Math.floor(before / 4) * 4;
    const chars = body.replace(/[^A-Za-z0-9+/=]/g, '');
    const span = finding.range!.end - finding.range!.start;
    const decoded = decodeBase64(chars.slice(quartetStart, quartetStart + span + 8));
    expect(decoder.decode(decoded)).toContain('href="http://bakery.example/"');
  });
});
