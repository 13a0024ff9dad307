import { expect, test } from 'vitest';
import { inspectMessage } from '../../../src/lib/mime/inspect.ts';
import type { BounceReport } from '../../../src/lib/mime/types.ts';
import { describeCorpus, readCorpus } from '../../support/corpus.ts';
import { corpusMessages } from './corpus-messages.ts';

const BOUNCE_SOURCES = /^(sisimai-set-of-emails|bounceparser-perl|php-bounce-handler|mimekit)\//;

/**
 * An independent, deliberately simple reading of a message/delivery-status part: find its
 * Content-Type line in the text, take the lines up to the next boundary line (`--…`), and
 * collect the Final-Recipient and Status fields in order.
 */
function simpleDeliveryStatus(raw: Uint8Array): Array<{ address: string; status?: string }> | undefined {
  const text = new TextDecoder('latin1').decode(raw);
  const start = text.search(/^content-type:[ \t]*message\/(global-)?delivery-status/im);
  if (start < 0) return undefined;
  const lines = text.slice(start).split(/\r\n|\r|\n/).slice(1);
  const end = lines.findIndex((line) => line.startsWith('--'));
  const fields = (end < 0 ? lines : lines.slice(0, end)).join('\n').replace(/\n[ \t]+/g, ' ');
  // RFC 3464 §2.1: fields come in blocks split by blank lines, in any order within a block
  // (SES and others put Status and Action before Final-Recipient). A block that runs several
  // recipients together gives each the Status that follows it.
  const out: Array<{ address: string; status?: string }> = [];
  for (const block of fields.split(/\n[ \t]*\n/)) {
    let pending: string | undefined;
    const first = out.length;
    for (const line of block.split('\n')) {
      const recipient = /^final-recipient:\s*(?:[\w-]+\s*;)?\s*<?([^>\s]*)>?/i.exec(line);
      if (recipient) out.push({ address: recipient[1]!.toLowerCase() });
      const status = /^status:\s*(\d\.\d{1,3}\.\d{1,3})/i.exec(line);
      if (!status) continue;
      if (out.length > first) out[out.length - 1]!.status = status[1];
      else pending = status[1];
    }
    if (pending !== undefined && out.length > first && out[first]!.status === undefined) {
      out[first]!.status = pending;
    }
  }
  return out;
} // prettier-ignore

/**
 * Messages where a delivery-status Content-Type line appears in the text but no
 * message/delivery-status part exists in the structure, each checked by hand. The inspector
 * reads these as plain-text bounces where their wording allows (Python's `email` finds no
 * delivery-status part in them either).
 */
const NOT_A_REPORT_PART: Record<string, string> = {
  // The file begins with a blank line, so it has no headers: all of it is body.
  'php-bounce-handler/eml/exchange1.eml': 'blank first line',
  'php-bounce-handler/eml/exchange2.eml': 'blank first line',
  'php-bounce-handler/eml/exchange3.eml': 'blank first line',
  // A blank line after Content-Description puts the Content-Type line in the body.
  'php-bounce-handler/eml/testfile.eml': 'Content-Type after a blank line',
  // A bounce forwarded as the text of a text/plain message.
  'sisimai-set-of-emails/maildir/bsd/lhost-postfix-49.eml': 'report quoted in text',
  'sisimai-set-of-emails/maildir/bsd/lhost-postfix-50.eml': 'report quoted in text',
  // No multipart Content-Type at the top (the sendmail test cases drop it on purpose).
  'sisimai-set-of-emails/maildir/bsd/lhost-sendmail-53.eml': 'no multipart declared',
  'sisimai-set-of-emails/maildir/bsd/lhost-sendmail-54.eml': 'no multipart declared',
  // The delivery-status "part" sits inside the first part: no delimiter comes before it.
  'sisimai-set-of-emails/maildir/bsd/rfc3464-35.eml': 'no delimiter before the part',
  // The boundary parameter and the delimiter lines differ (anonymised differently), so the
  // multipart has no parts.
  'sisimai-set-of-emails/maildir/bsd/rhost-franceptt-07.eml': 'boundary mismatch',
  'sisimai-set-of-emails/maildir/bsd/rhost-google-02.eml': 'boundary mismatch',
  // An mbox of several messages: the first is not a bounce; a later one is.
  'mimekit/UnitTests/TestData/mbox/content-length.mbox.txt': 'mbox, report in a later message',
};

describeCorpus('complaints (ARF) anywhere in the corpus', () => {
  test('every feedback-report gives a complaint with its Feedback-Type and agent', async () => {
    const problems: string[] = [];
    let complaints = 0;
    for (const path of corpusMessages().messages) {
      const raw = readCorpus(path);
      const text = new TextDecoder('latin1').decode(raw);
      if (!/^content-type:[ \t]*message\/feedback-report/im.test(text)) continue;
      complaints++;
      const report = (await inspectMessage(raw)).report;
      const type = /^feedback-type:[ \t]*([\w-]+)/im.exec(text)?.[1]?.toLowerCase();
      const agent = /^user-agent:[ \t]*(.+?)[ \t]*$/im.exec(text)?.[1];
      if (
        report?.kind !== 'complaint' ||
        report.feedbackType !== type ||
        report.userAgent !== agent
      ) {
        problems.push(`${path}: ${JSON.stringify(report)}`);
      }
    }
    console.log(`ARF: ${complaints} feedback reports read as complaints`);
    expect(problems).toEqual([]);
    expect(complaints).toBeGreaterThanOrEqual(25);
  });
});

describeCorpus('bounces and complaints in the bounce corpora', () => {
  const bounces = corpusMessages().messages.filter((path) => BOUNCE_SOURCES.test(path));

  test('every RFC 3464 report gives the recipients and status codes of its delivery-status part', async () => {
    const shares: Record<string, number> = { Permanent: 0, Transient: 0, Undetermined: 0 };
    const textShares: Record<string, number> = { Permanent: 0, Transient: 0, Undetermined: 0 };
    const confidence: Record<string, number> = { high: 0, medium: 0, low: 0 };
    let reports = 0;
    let complaints = 0;
    const mismatches: string[] = [];
    for (const path of bounces) {
      const raw = readCorpus(path);
      const inspection = await inspectMessage(raw);
      const report = inspection.report;
      if (report?.kind === 'complaint') complaints++;
      if (report?.kind === 'bounce' && report.source === 'text') {
        textShares[report.bounceType]!++;
        confidence[report.confidence ?? 'low']!++;
      }
      const expected = simpleDeliveryStatus(raw);
      if (!expected || expected.length === 0) continue;
      reports++;
      if (report?.kind !== 'bounce' || report.source !== 'rfc3464') {
        if (!(path in NOT_A_REPORT_PART)) mismatches.push(`${path}: no RFC 3464 report read`);
        reports--;
        continue;
      }
      shares[report.bounceType]!++;
      const got = (report as BounceReport).recipients.map((r) => ({
        address: r.emailAddress.toLowerCase(),
        ...(r.status && /^\d\.\d+\.\d+$/.test(r.status) ? { status: r.status } : {}),
      }));
      if (JSON.stringify(got) !== JSON.stringify(expected)) {
        mismatches.push(`${path}:\n    read:   ${JSON.stringify(got)}\n    simple: ${JSON.stringify(expected)}`);
      }
    }
    const pct = (n: number, of: number) => `${n} (${((n / of) * 100).toFixed(1)}%)`;
    const textTotal = textShares.Permanent! + textShares.Transient! + textShares.Undetermined!;
    console.log(
      `Bounce corpus: ${bounces.length} messages, ${reports} RFC 3464 reports, ${complaints} ARF complaints, ${textTotal} plain-text bounces\n` +
        `  RFC 3464: Permanent ${pct(shares.Permanent!, reports)}, Transient ${pct(shares.Transient!, reports)}, Undetermined ${pct(shares.Undetermined!, reports)}\n` +
        `  plain text: Permanent ${pct(textShares.Permanent!, textTotal)}, Transient ${pct(textShares.Transient!, textTotal)}, Undetermined ${pct(textShares.Undetermined!, textTotal)}; confidence high ${confidence.high}, medium ${confidence.medium}, low ${confidence.low}`,
    );
    if (mismatches.length > 0) console.log(mismatches.join('\n'));
    expect(mismatches).toEqual([]);
    expect(reports).toBeGreaterThan(400);
  }); // prettier-ignore
});
