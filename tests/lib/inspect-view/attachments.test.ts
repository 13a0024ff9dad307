import { describe, expect, it } from 'vitest';
import {
  shownFileName,
  attachmentFileName,
  isInlineAttachment,
} from '../../../src/lib/inspect-view/attachments.ts';

describe('isInlineAttachment', () => {
  const cases: Array<{ disposition?: string; contentId?: string; inline: boolean }> = [
    { disposition: 'inline', inline: true },
    { disposition: 'inline', contentId: '<logo@example.com>', inline: true },
    { disposition: 'attachment', contentId: '<logo@example.com>', inline: false },
    { disposition: 'attachment', inline: false },
    { contentId: '<logo@example.com>', inline: true },
    { inline: false },
  ];
  for (const { inline, ...attachment } of cases) {
    it(`${JSON.stringify(attachment)} is ${inline ? 'inline' : 'not inline'}`, () => {
      expect(isInlineAttachment(attachment)).toBe(inline);
    });
  }
});

describe('attachmentFileName', () => {
  it('keeps the name the message gives', () => {
    expect(attachmentFileName({ filename: 'report.pdf', contentType: 'application/pdf' }, 3)).toBe(
      'report.pdf',
    );
  });

  it('names an unnamed part by its position and subtype', () => {
    expect(attachmentFileName({ contentType: 'image/png' }, 0)).toBe('attachment-1.png');
    expect(attachmentFileName({ contentType: 'nonsense' }, 4)).toBe('attachment-5.bin');
  });
});

it('shows and saves names without bidirectional controls', () => {
  const attachment = { filename: 'invoice\u202efdp.exe', contentType: 'application/pdf' };
  expect(attachmentFileName(attachment, 0)).toBe('invoicefdp.exe');
  expect(shownFileName(attachment.filename)).toBe('invoicefdp.exe');
  expect(shownFileName(undefined)).toBeUndefined();
});
