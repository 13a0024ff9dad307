/**
 * A message with the same problem everywhere: findings are capped per code, with one more
 * saying how many were left out, and the work stays linear.
 */
import { expect, test } from 'vitest';
import { MAX_FINDINGS_PER_CODE } from '../../../src/lib/checks/findings.ts';
import { check, draft, page } from './support.ts';

test('at most MAX_FINDINGS_PER_CODE findings of a code, then a count of the rest', async () => {
  const links = '<p><a href="https://bakery.example/">click here</a></p>\n'.repeat(
    MAX_FINDINGS_PER_CODE + 12,
  );
  const report = await check(draft({ html: page(links) }));
  const vague = report.findings.filter((f) => f.code === 'link-text-vague');
  expect(vague).toHaveLength(MAX_FINDINGS_PER_CODE + 1);
  expect(vague.at(-1)!.message).toMatch(/^12 more findings like this are not listed/);
  expect(vague[0]!.line).toBe(9); // the first link's line: page() puts the body on line 9
});

test('thousands of nested elements and a 200 KB body are checked without blowing up', async () => {
  // A generous bound: quadratic work on these inputs takes minutes, linear well under a second.
  const nested = '<div style="color:#777777">x'.repeat(3000) + '</div>'.repeat(3000);
  const wide =
    '<table><tr><td style="color:#333;background:#fff"><a href="http://a.example/">here</a></td></tr></table>\n'.repeat(
      1500,
    );
  for (const body of [nested, wide]) {
    const report = await check(draft({ html: page(body), text: 'x' }));
    expect(report.findings.length).toBeGreaterThan(0);
  }
}, 60_000);
