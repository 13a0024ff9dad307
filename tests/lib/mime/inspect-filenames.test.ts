import { describe, expect, test } from 'vitest';
import { inspectMessage } from '../../../src/lib/mime/inspect.ts';

const HEAD =
  'From: a@example.com\r\nTo: b@example.com\r\nDate: Mon, 1 May 2023 10:00:00 +0000\r\n' +
  'Message-ID: <1@example.com>\r\nSubject: =?utf-8?Q?r=C3=A9sum=C3=A9?=\r\n' +
  'Content-Type: multipart/mixed; boundary=b\r\n\r\n';

describe('file names of parts', () => {
  test('an RFC 2231 name alone makes a text part an attachment, in the list and the tree', async () => {
    const raw =
      `${HEAD}--b\r\nContent-Type: text/plain\r\n\r\nbody\r\n` +
      "--b\r\nContent-Type: text/plain; name*=UTF-8''r%C3%A9sum%C3%A9.txt\r\n\r\nfile\r\n" +
      '--b\r\nContent-Type: text/plain; name=old.txt\r\nContent-Disposition: inline; filename*0=new; filename*1=.txt\r\n\r\nboth\r\n' +
      '--b--\r\n';
    const inspection = await inspectMessage(raw);
    expect(inspection.text).toBe('body');
    expect(inspection.attachments.map((a) => a.filename)).toEqual(['résumé.txt', 'new.txt']);
    expect(inspection.tree.children.map((c) => c.filename)).toEqual([
      undefined,
      'résumé.txt',
      'new.txt',
    ]);
  });

  test('the subject is the decoded Subject header', async () => {
    const inspection = await inspectMessage(`${HEAD}--b--\r\n`);
    expect(inspection.subject).toBe('résumé');
    expect(inspection.headers.find((h) => h.name === 'Subject')?.decoded).toBe('résumé');
  });
});
