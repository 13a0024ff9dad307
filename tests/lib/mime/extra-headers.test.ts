import { describe, expect, test } from 'vitest';
import { buildMessage, checkExtraHeaders } from '../../../src/lib/mime/index.ts';

const now = new Date('2026-11-27T21:16:10Z');
const longComment = `<bounce@b.example> (${'x'.repeat(1000)})`;

describe('extra headers with a word too long for a line', () => {
  test('are left out by the check itself, with the reason', () => {
    const { accepted, diagnostics } = checkExtraHeaders([
      { name: 'Return-Path', value: longComment },
      { name: 'X-Fine', value: 'ok' },
    ]);
    expect(accepted).toEqual([{ name: 'X-Fine', value: 'ok' }]);
    expect(diagnostics.map((d) => d.code)).toEqual(['line-too-long']);
    expect(diagnostics[0]!.message).toContain('Return-Path');
  });

  test('a Return-Path left out of the message does not set MAIL FROM', () => {
    const message = buildMessage(
      {
        from: 'a@b.example',
        to: ['c@d.example'],
        subject: 's',
        text: 'hi',
        headers: [{ name: 'Return-Path', value: longComment }],
      },
      { now },
    );
    expect(new TextDecoder().decode(message.raw)).not.toContain('Return-Path');
    expect(message.envelope.mailFrom).toBe('a@b.example');
    expect(message.diagnostics.map((d) => d.code)).toEqual(['line-too-long']);
  });
});
