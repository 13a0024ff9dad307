import { createHash } from 'node:crypto';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  canonicalizeBody,
  canonicalizeHeader,
  parseDkimSignature,
  parseKeyRecord,
  parseTagList,
  sha256,
} from '../../../../src/lib/mime/dkim/index.ts';

describe('sha256', () => {
  test.prop([fc.uint8Array({ maxLength: 300 })])('matches Node’s SHA-256', (bytes) => {
    const expected = createHash('sha256').update(bytes).digest('hex');
    expect(Buffer.from(sha256(bytes)).toString('hex')).toBe(expected);
  });
});

describe('canonicalization (RFC 6376 §3.4.5 example)', () => {
  const fields = ['A: X\r\n', 'B : Y\t\r\n\tZ  \r\n'];
  const body = ' C \r\nD \t E\r\n\r\n\r\n';
  it('relaxed', () => {
    expect(fields.map((f) => canonicalizeHeader(f, 'relaxed')).join('')).toBe('a:X\r\nb:Y Z\r\n');
    expect(canonicalizeBody(body, 'relaxed')).toBe(' C\r\nD E\r\n');
  });
  it('simple', () => {
    expect(fields.map((f) => canonicalizeHeader(f, 'simple')).join('')).toBe(fields.join(''));
    expect(canonicalizeBody(body, 'simple')).toBe(' C \r\nD \t E\r\n');
  });
  it('empty bodies', () => {
    expect(canonicalizeBody('', 'simple')).toBe('\r\n');
    expect(canonicalizeBody('', 'relaxed')).toBe('');
    expect(canonicalizeBody('\r\n \r\n', 'relaxed')).toBe('');
  });
});

describe('tag lists, signatures and key records', () => {
  it('reads folded tags and refuses duplicates', () => {
    const parsed = parseTagList('v=1; a=rsa-sha256;\r\n\tb=ab\r\n\t cd ;');
    expect(parsed.ok && Object.fromEntries(parsed.tags)).toEqual({
      v: '1',
      a: 'rsa-sha256',
      b: 'ab\r\n\t cd',
    });
    expect(parseTagList('a=1; a=2')).toEqual({ ok: false, reason: 'The tag a= appears twice.' });
  });
  it('reads a DKIM-Signature and its required tags', () => {
    const value =
      ' v=1; a=rsa-sha256; q=dns/txt; c=relaxed/simple;\r\n\ts=224i4yxa5dv7c2xz3womw6peuasteono; d=amazonses.com; t=1567800000;\r\n\th=From:To:Subject; bh=abc=;\r\n\tb=de\r\n\tf=';
    const parsed = parseDkimSignature(value);
    expect(parsed).toMatchObject({
      ok: true,
      value: {
        header: 'relaxed',
        body: 'simple',
        domain: 'amazonses.com',
        selector: '224i4yxa5dv7c2xz3womw6peuasteono',
        signedHeaders: ['From', 'To', 'Subject'],
        bodyHash: 'abc=',
        signature: 'def=',
        identity: '@amazonses.com',
        timestamp: 1567800000,
      },
    });
    expect(parseDkimSignature('v=1; a=rsa-sha256; d=x.com; s=s; h=To; bh=a; b=b')).toEqual({
      ok: false,
      reason: 'The signature does not sign the From header (h=).',
    });
    expect(parseDkimSignature('v=1; a=rsa-sha256; d=x.com; s=s; h=From; b=b').ok).toBe(false);
    expect(
      parseDkimSignature('v=1; a=rsa-sha256; d=x.com; i=a@y.com; s=s; h=From; bh=a; b=b'),
    ).toEqual({ ok: false, reason: 'i=a@y.com is not in the signing domain x.com.' });
  });
  it('reads key records and explains the unusable ones', () => {
    expect(parseKeyRecord('v=DKIM1; k=rsa; p=')).toEqual({
      ok: false,
      reason: 'The key has been revoked (empty p=).',
    });
    expect(parseKeyRecord('v=DKIM2; p=abc')).toMatchObject({ ok: false });
    expect(parseKeyRecord('k=ed25519; p=abc')).toMatchObject({ ok: false });
    expect(parseKeyRecord('v=DKIM1; p=!!!')).toMatchObject({ ok: false });
  });
});
