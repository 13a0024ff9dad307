import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  formatMailbox as writeMailbox,
  inspectMessage,
  summariseHeaders,
} from '../../../src/lib/mime/index.ts';
import { formatMailbox } from '../../../src/lib/mime/inspect-headers.ts';
import { propertyRuns } from '../../support/property-runs.ts';

const message = (from: string, to = from) =>
  `From: ${from}\r\nTo: ${to}\r\nSubject: hi\r\n` +
  'Date: Thu, 1 Jan 2026 10:00:00 +0000\r\nMessage-ID: <1@b.example>\r\n\r\nhi\r\n';

describe('display names in Inspect', () => {
  test('are decoded once: an encoded word that spells an encoded word shows as written', async () => {
    const from = '=?utf-8?q?=3D=3Futf-8=3Fq=3Fevil=3F=3D?= <a@b.example>';
    const shown = formatMailbox('=?utf-8?q?evil?=', 'a@b.example');
    // Quoted, so that the mailbox as shown reads back as the sender wrote it (RFC 2047 §5).
    expect(shown).toBe('"=?utf-8?q?evil?=" <a@b.example>');
    const inspection = await inspectMessage(message(from));
    expect(inspection.from).toBe(shown);
    expect(inspection.to).toEqual([shown]);
    expect(summariseHeaders(new TextEncoder().encode(message(from))).from).toBe(shown);
  });

  test('still decode ordinary encoded words', async () => {
    const inspection = await inspectMessage(message('=?utf-8?Q?Zo=C3=AB?= <z@b.example>'));
    expect(inspection.from).toBe('Zoë <z@b.example>');
  });

  const word = fc.stringMatching(/^[!-~À-ÿ]{1,12}$/);
  const name = fc.oneof(
    fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => words.join(' ')),
    word.map((text) => `=?utf-8?q?${text}?=`),
  );

  test.prop([name], propertyRuns())(
    'give back the name a sender wrote, whatever it looks like',
    async (displayName) => {
      const header = writeMailbox({ name: displayName, address: 'a@b.example' });
      const inspection = await inspectMessage(message(header));
      expect(inspection.from).toBe(formatMailbox(displayName, 'a@b.example'));
      const summary = summariseHeaders(new TextEncoder().encode(message(header)));
      expect(summary.from).toBe(inspection.from);
    },
  );
});
