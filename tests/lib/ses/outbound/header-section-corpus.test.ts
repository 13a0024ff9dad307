/**
 * Over every corpus message the SES simulator reads the top-level header section as
 * `inspectMessage` does (one reader for both), and SES's rewrite keeps every byte it does not
 * mean to change.
 */
import { expect, test } from 'vitest';
import { bytesToBinaryString } from '../../../../src/lib/mime/bytes.ts';
import { decodeEncodedWords } from '../../../../src/lib/mime/encoded-word.ts';
import { readHeaderSection } from '../../../../src/lib/ses/outbound/header-section.ts';
import { firstHeader } from '../../../../src/lib/mime/index.ts';
import { commonHeadersOf } from '../../../../src/lib/ses/outbound/mail-object.ts';
import { stampMessage } from '../../../../src/lib/ses/outbound/outgoing-message.ts';
import { SES_CONTROL_HEADERS } from '../../../../src/lib/ses/outbound/validation.ts';
import { describeCorpus, readCorpus } from '../../../support/corpus.ts';
import { bothReadings, wspTrimmed } from '../support.ts';
import { corpusMessages } from '../../mime/corpus-messages.ts';

const startsWithByteOrderMark = (raw: Uint8Array) =>
  raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf;

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const STAMP = {
  messageIdHeader: '<0100019a-stamp@email.amazonses.com>',
  acceptedAt: new Date('2026-01-01T00:00:00Z'),
  feedbackId: '1.us-east-1.abc=:AmazonSES',
  outgoingIp: '192.0.2.1',
  returnPath: '0100019a-stamp@amazonses.com',
};
/** The headers `stampMessage` removes or replaces. */
const TOUCHED = new Set(
  [...SES_CONTROL_HEADERS, 'Return-Path', 'Message-ID', 'Date'].map((n) => n.toLowerCase()),
);

describeCorpus('the SES simulator’s header section over every corpus message', () => {
  const { messages } = corpusMessages();

  test('From, To, Cc, Subject and Message-ID read as inspectMessage reads them', async () => {
    const failures: string[] = [];
    let byteOrderMarks = 0;
    for (const path of messages) {
      const raw = readCorpus(path);
      const { ses, inspector, section, inspection } = await bothReadings(raw);
      if (startsWithByteOrderMark(raw)) {
        // The inspector skips a text editor's byte order mark; SES is given the bytes as they
        // are, so for it the first line is not a header field.
        byteOrderMarks++;
        if (section.headers.length > 0 || section.strayLine?.start !== 0) {
          failures.push(`${path}: a byte order mark should make the first line a stray line`);
        }
        continue;
      }
      if (JSON.stringify(ses) !== JSON.stringify(inspector))
        failures.push(`${path}: the fields differ`);
      if (section.bodyStart !== inspection.tree.bodyStart)
        failures.push(`${path}: bodyStart differs`);
      for (const name of ['From', 'To', 'Cc']) {
        const own = inspection.headers.find((h) => h.name.toLowerCase() === name.toLowerCase());
        const value = firstHeader(section.headers, name);
        if (value !== (own && wspTrimmed(own.value))) failures.push(`${path}: ${name} differs`);
      }
      const common = commonHeadersOf(section.headers, 'ses-id', decodeEncodedWords);
      if (common.subject !== (inspection.subject && wspTrimmed(inspection.subject))) {
        failures.push(
          `${path}: subject ${JSON.stringify(common.subject)} vs ${JSON.stringify(inspection.subject)}`,
        );
      }
      if (common.messageId !== (inspection.messageId ?? 'ses-id')) {
        failures.push(
          `${path}: messageId ${JSON.stringify(common.messageId)} vs ${JSON.stringify(inspection.messageId)}`,
        );
      }
    }
    console.log(
      `SES header reading: ${messages.length} corpus messages, ${byteOrderMarks} with a byte order mark`,
    );
    expect(failures).toEqual([]);
    expect(messages.length).toBeGreaterThanOrEqual(1749);
  });

  test('stamping keeps the body and every field it leaves alone byte for byte', () => {
    const failures: string[] = [];
    for (const path of messages) {
      const raw = readCorpus(path);
      const before = readHeaderSection(raw);
      const out = stampMessage(raw, STAMP);
      const after = readHeaderSection(out);
      const body = raw.subarray(before.bodyStart);
      const stampedBody = out.subarray(after.bodyStart);
      if (!sameBytes(body, stampedBody)) failures.push(`${path}: the body changed`);
      const kept = (section: typeof before, bytes: Uint8Array, skip: number) =>
        section.headers
          .slice(skip)
          .filter((h) => !TOUCHED.has(h.name.toLowerCase()))
          .map((h) => bytesToBinaryString(bytes, h.start, h.end));
      // Return-Path, Feedback-ID, X-SES-Outgoing go on top, then Date when the message had none.
      const added = before.headers.some((h) => h.name.toLowerCase() === 'date') ? 3 : 4;
      if (kept(before, raw, 0).join('|') !== kept(after, out, added).join('|')) {
        failures.push(`${path}: a field left alone changed`);
      }
      const ids = after.headers.filter((h) => h.name.toLowerCase() === 'message-id');
      if (ids.length !== 1 || ids[0]!.value !== STAMP.messageIdHeader) {
        failures.push(`${path}: Message-ID not replaced once`);
      }
    }
    expect(failures).toEqual([]);
  });
});
