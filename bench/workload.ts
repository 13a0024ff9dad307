/**
 * The benchmark's workloads, shared with the tests that check the same messages with Python's
 * `email` package. All content is generated deterministically.
 */
import type { Draft } from '../src/lib/mime/index.ts';

/** Deterministic pseudo-random bytes (a linear congruential generator): incompressible enough. */
export function pseudoRandomBytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let state = seed >>> 0;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    out[i] = state >>> 24;
  }
  return out;
}

const PROSE = [
  'The quarterly report is attached; please review the figures before Thursday.',
  'Grüße aus Köln — wir sehen uns nächste Woche im Büro.',
  'Le café était délicieux, et la réunion s’est terminée à l’heure.',
  'Съешь же ещё этих мягких французских булок, да выпей чаю.',
  'Total: 1 250,00 € (incl. 20 % VAT) = paid.',
  '東京の会議は午後三時から始まります。',
  'Emoji are text too 😀🎉, and so are long lines that go on and on without a break at all.',
];

/** Mixed UTF-8 prose of about `bytes` bytes, in lines of varied length. */
export function mixedProse(bytes: number): string {
  const encoder = new TextEncoder();
  const pieces: string[] = [];
  let size = 0;
  for (let index = 0; size < bytes; index++) {
    const piece = PROSE[index % PROSE.length]! + (index % 3 === 0 ? ' ' : '\n');
    pieces.push(piece);
    size += encoder.encode(piece).length;
  }
  return pieces.join('');
}

/** The 2 MB message: text 20 KiB, HTML 100 KiB, 2 inline images, attachments of 1 MiB, 200 KiB and 10 KiB, non-ASCII headers. */
export function largeDraft(): Draft {
  const html =
    '<!doctype html><html><body><h1>Quarterly report — Überblick</h1>' +
    '<p><img src="cid:logo@mailwright.example" alt="logo"> <img src="cid:chart@mailwright.example" alt="chart"></p>' +
    mixedProse(100 * 1024 - 300)
      .split('\n')
      .map((line) => `<p>${line}</p>`)
      .join('\n') +
    '</body></html>';
  return {
    from: 'Jürgen Müller <jurgen@example.com>',
    to: ['Zoë Ångström <zoe@bücher.example>', 'Bob <bob@example.com>'],
    cc: ['"Doe, Jane" <jane@example.org>'],
    subject: 'Quarterly report — Überblick, 数字 and 📎 attachments',
    text: mixedProse(20 * 1024),
    html,
    attachments: [
      {
        filename: 'logo.png',
        contentType: 'image/png',
        content: pseudoRandomBytes(6 * 1024, 4),
        inline: true,
        contentId: 'logo@mailwright.example',
      },
      {
        filename: 'chart.png',
        contentType: 'image/png',
        content: pseudoRandomBytes(40 * 1024, 5),
        inline: true,
        contentId: 'chart@mailwright.example',
      },
      {
        filename: 'Bericht über 2026 – final.pdf',
        contentType: 'application/pdf',
        content: pseudoRandomBytes(1024 * 1024, 1),
      },
      {
        filename: 'données.zip',
        contentType: 'application/zip',
        content: pseudoRandomBytes(200 * 1024, 2),
      },
      { filename: 'notes.bin', content: pseudoRandomBytes(10 * 1024, 3) },
    ],
    headers: [{ name: 'X-SES-CONFIGURATION-SET', value: 'reports' }],
  };
}

/** A tiny ASCII message. */
export function tinyDraft(): Draft {
  return {
    from: 'alerts@example.com',
    to: ['ops@example.com'],
    subject: 'Disk space low on build-7',
    text: 'Free space on /var fell below 10%.\nThis is an automated message.\n',
  };
}

/** A 25 MB message: headers, a text part and an 18 MB attachment in base64 lines of 76. */
export function largeMessage(): Buffer {
  const attachment = Buffer.alloc(18 * 1024 * 1024);
  for (let i = 0; i < attachment.length; i++) attachment[i] = (i * 7919) & 0xff;
  const base64 = attachment.toString('base64').replace(/.{76}/g, '$&\r\n');
  const head =
    'From: Big Sender <big@example.com>\r\nTo: you@example.org\r\nSubject: A very large message\r\n' +
    'Date: Fri, 27 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n' +
    'Content-Type: multipart/mixed; boundary="big"\r\n\r\n--big\r\n' +
    'Content-Type: text/plain; charset=us-ascii\r\n\r\n' +
    'Padding text.\r\n'.repeat(100_000) +
    '\r\n--big\r\nContent-Type: application/octet-stream; name="big.bin"\r\n' +
    'Content-Disposition: attachment; filename="big.bin"\r\nContent-Transfer-Encoding: base64\r\n\r\n';
  return Buffer.concat([Buffer.from(head), Buffer.from(base64), Buffer.from('\r\n--big--\r\n')]);
}
