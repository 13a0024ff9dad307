import { describe, expect, it } from 'vitest';
import { classifyFile, outlookMessageRefusal } from '../../../src/lib/inspect-view/file-kind.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('classifyFile', () => {
  it('refuses Outlook .msg files by their compound-file signature, not by name', () => {
    const signature = Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0);
    expect(classifyFile(signature)).toBe('outlook-msg');
    // A MIME message saved as .msg (as Email::ARF's examples are) is still a message.
    expect(classifyFile(bytes('From: a@b\nSubject: x\n'))).toBe('message');
    expect(outlookMessageRefusal('note.msg')).toMatch(/not a MIME message.*\.eml/);
  });

  it('tells an mbox from a single message', () => {
    expect(classifyFile(bytes('From a@b Mon Jan  1 00:00:00 2024\nSubject: x\n'))).toBe('mbox');
    expect(classifyFile(bytes('Received: from x\n'))).toBe('message');
  });
});
