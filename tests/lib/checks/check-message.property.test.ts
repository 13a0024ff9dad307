/**
 * `checkMessage` never throws on any message, and every place it gives is inside the message:
 * byte ranges within the raw bytes, lines and columns within the part's decoded text.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { checkMessage, type CheckReport } from '../../../src/lib/checks/index.ts';
import { inspectMessage } from '../../../src/lib/mime/index.ts';
import { describeCorpus, readCorpus } from '../../support/corpus.ts';
import { propertyRuns } from '../../support/property-runs.ts';
import { corpusMessages } from '../mime/corpus-messages.ts';
import { NOW, raw } from './support.ts';

/** Every `CORPUS_STRIDE`-th corpus message is checked (the whole corpus takes minutes). */
const CORPUS_STRIDE = 8;

/** The decoded text of each part path the findings name. */
async function partTexts(bytes: Uint8Array): Promise<Map<string, string>> {
  const inspection = await inspectMessage(bytes);
  const texts = new Map<string, string>();
  const { leavesWithPaths } = await import('../../../src/lib/checks/message.ts');
  for (const { node, path } of leavesWithPaths(inspection.tree)) {
    if (node.contentType === 'text/html' && inspection.html !== undefined && !texts.has('html')) {
      texts.set(path, inspection.html);
      texts.set('html', path);
    } else if (
      node.contentType === 'text/plain' &&
      inspection.text !== undefined &&
      !texts.has('text')
    ) {
      texts.set(path, inspection.text);
      texts.set('text', path);
    }
  }
  return texts;
}

async function expectInBounds(bytes: Uint8Array, report: CheckReport): Promise<void> {
  expect(report.score).toBeGreaterThanOrEqual(0);
  expect(report.score).toBeLessThanOrEqual(100);
  const texts = await partTexts(bytes);
  for (const finding of report.findings) {
    expect(finding.message.length).toBeGreaterThan(0);
    if (finding.range) {
      expect(finding.range.start).toBeGreaterThanOrEqual(0);
      expect(finding.range.end).toBeGreaterThanOrEqual(finding.range.start);
      expect(finding.range.end).toBeLessThanOrEqual(bytes.length);
    }
    if (finding.line !== undefined) {
      const text = texts.get(finding.part!);
      expect(text, `${finding.code} names part ${finding.part}`).toBeDefined();
      const lines = text!.split('\n');
      expect(finding.line).toBeGreaterThanOrEqual(1);
      expect(finding.line).toBeLessThanOrEqual(lines.length);
      expect(finding.column).toBeGreaterThanOrEqual(1);
      expect(finding.column).toBeLessThanOrEqual(lines[finding.line - 1]!.length + 1);
    }
  }
}

const htmlFragment = fc.array(
  fc.oneof(
    fc.constantFrom('<p>', '</p>', '<table>', '<td style="color:#999;background:#fff">', '<a href="', '">', '<img src="',
      'cid:x', 'http://a.example/', 'javascript:', '<h3>', '<style>@media (prefers-color-scheme:dark){a{b:c}}', '</style>',
      '<!--', '-->', '"', "'", '{', '}', ';', 'é', '\r\n', '\n', '<div style="display:flex;', 'click here', '</a>'),
    fc.string({ maxLength: 12 }),
  ),
  { maxLength: 40 },
).map((parts) => parts.join('')); // prettier-ignore

describe('checkMessage on any input', () => {
  test.prop([htmlFragment, fc.string({ maxLength: 60 })], propertyRuns(60))(
    'never throws and keeps its places in bounds on built messages',
    async (html, text) => {
      const bytes = raw({
        from: 'a@bakery.example',
        to: ['b@example.org'],
        subject: text,
        html,
        text,
      });
      await expectInBounds(
        bytes,
        await checkMessage(bytes, { now: NOW, validate: false, bulk: true }),
      );
    },
  );

  test.prop([fc.uint8Array({ maxLength: 600 })], propertyRuns(60))(
    'never throws on arbitrary bytes',
    async (bytes) => {
      await expectInBounds(bytes, await checkMessage(bytes, { now: NOW, validate: false }));
    },
  );

  test('rejects wrong calls with a RangeError', async () => {
    await expect(checkMessage('text' as unknown as Uint8Array)).rejects.toThrow(RangeError);
    await expect(
      checkMessage(new Uint8Array(), { clients: 'gmail' as unknown as string[] }),
    ).rejects.toThrow(RangeError);
  });
});

describeCorpus('checkMessage on the corpus sample', () => {
  const sample = corpusMessages().messages.filter((_, i) => i % CORPUS_STRIDE === 0);
  test('never throws and keeps its places in bounds', { timeout: 600_000 }, async () => {
    expect(sample.length).toBeGreaterThan(20);
    for (const path of sample) {
      const bytes = readCorpus(path);
      const report = await checkMessage(bytes, { now: NOW, validate: false, bulk: true });
      await expectInBounds(bytes, report);
    }
  });
});
