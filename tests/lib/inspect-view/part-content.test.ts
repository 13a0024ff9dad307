import { describe, expect, it } from 'vitest';
import { inspectMessage } from '../../../src/lib/mime/index.ts';
import { flattenTree } from '../../../src/lib/inspect-view/mime-tree.ts';
import { decodePartBytes, decodePartText } from '../../../src/lib/inspect-view/part-content.ts';

const RAW =
  'From: a@example.com\r\nSubject: Parts\r\nMIME-Version: 1.0\r\n' +
  'Content-Type: multipart/mixed; boundary="b"\r\n\r\n' +
  '--b\r\nContent-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n' +
  'Caf=E9 cr=E8me, soft=\r\n break\r\n' +
  '--b\r\nContent-Type: application/octet-stream; name="x.bin"\r\nContent-Transfer-Encoding: base64\r\n\r\n' +
  'AAEC/w==\r\n' +
  '--b\r\nContent-Type: text/plain\r\n\r\nplain ascii\r\n--b--\r\n';

describe('part contents', () => {
  it('undoes the transfer encoding and applies the charset of each part', async () => {
    const raw = new TextEncoder().encode(RAW);
    const rows = flattenTree((await inspectMessage(raw)).tree);
    expect(rows.map((row) => row.node.contentType)).toEqual([
      'multipart/mixed',
      'text/plain',
      'application/octet-stream',
      'text/plain',
    ]);
    expect(decodePartText(raw, rows[1]!.node)).toBe('Café crème, soft break');
    expect(Array.from(decodePartBytes(raw, rows[2]!.node))).toEqual([0, 1, 2, 255]);
    expect(decodePartText(raw, rows[3]!.node)).toBe('plain ascii');
  });

  it('reads a part exactly as the engine reads the message bodies', async () => {
    // A part that says US-ASCII (or nothing) but holds UTF-8, as careless senders write it.
    for (const charset of ['; charset=us-ascii', '']) {
      const raw = new TextEncoder().encode(
        `From: a@example.com\r\nContent-Type: text/plain${charset}\r\n` +
          'Content-Transfer-Encoding: 8bit\r\n\r\nZoë’s café — naïve\r\n',
      );
      const inspection = await inspectMessage(raw);
      const [row] = flattenTree(inspection.tree);
      expect(decodePartText(raw, row!.node)).toBe(inspection.text);
      expect(inspection.text).toContain('Zoë’s café — naïve');
    }
  });
});
