import { beforeAll, describe, expect, it } from 'vitest';
import {
  formatKeyRecord,
  generateDkimKeyPair,
  signMessage,
  verifyDkim,
  type DkimKeyPair,
} from '../../../../src/lib/mime/dkim/index.ts';
import { dkimpyVerify, pem, runDkimpy } from '../../../support/dkimpy.ts';

const enc = new TextEncoder();
const dec = new TextDecoder();

const MESSAGES = [
  'From: Ana <ana@example.com>\r\nTo: bo@example.net\r\nSubject: Hello\r\nDate: Sun, 6 Dec 2026 08:00:00 +0000\r\nMessage-ID: <1@example.com>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nHi Bo.\r\n',
  // Folded headers, white space runs, trailing blank lines, odd case.
  'from:   Ana  <ana@example.com>\r\nTO: bo@example.net,\r\n\t cy@example.net\r\nSubject:  Hello \t there  \r\nMIME-Version: 1.0\r\nContent-Type: text/plain;\r\n charset="utf-8"\r\n\r\nLine one   \r\n\tindented\t \r\n\r\n\r\n',
  // Empty body.
  'From: ana@example.com\r\nTo: bo@example.net\r\nSubject: Empty\r\n\r\n',
  // Bare LF line ends, as a message saved on disk.
  'From: ana@example.com\nTo: bo@example.net\nSubject: LF\n\nOne\nTwo  \n',
];

let keys: DkimKeyPair;
beforeAll(async () => {
  keys = await generateDkimKeyPair(2048);
});

describe('DKIM against dkimpy', () => {
  it('dkimpy verifies what we sign, relaxed and simple', () => {
    const dns = { 'sel1._domainkey.example.com': formatKeyRecord(keys.publicKey) };
    const signed = MESSAGES.flatMap((text) =>
      (['relaxed/relaxed', 'simple/simple', 'relaxed/simple', 'simple/relaxed'] as const).map((c) =>
        signMessage(enc.encode(text.replace(/\r?\n/g, '\r\n')), {
          domain: 'example.com',
          selector: 'sel1',
          privateKey: keys.privateKey,
          canonicalization: c,
          timestamp: 1_796_544_000,
        }),
      ),
    );
    expect(dkimpyVerify(signed, dns)).toEqual(signed.map(() => [true]));
    for (const message of signed) {
      const [result] = verifyDkim(message, (name) =>
        name in dns ? [dns[name as keyof typeof dns]] : undefined,
      );
      expect(result?.result, dec.decode(message).slice(0, 300)).toBe('pass');
    }
  });

  it('we verify what dkimpy signs, and notice tampering', () => {
    const dns = { 'py._domainkey.example.org': formatKeyRecord(keys.publicKey) };
    const resolve = (name: string) =>
      name === 'py._domainkey.example.org' ? [dns[name]] : undefined;
    const jobs = MESSAGES.flatMap((text) =>
      ['relaxed/relaxed', 'simple/simple'].map((canonicalization) => ({
        op: 'sign' as const,
        message: enc.encode(text.replace(/\r?\n/g, '\r\n')),
        selector: 'py',
        domain: 'example.org',
        key: pem('PRIVATE KEY', keys.privateKey),
        canonicalization,
      })),
    );
    const signed = runDkimpy(jobs).map((entry) => entry.message!);
    for (const message of signed) {
      const [result] = verifyDkim(message, resolve);
      expect(result?.result, dec.decode(message).slice(0, 400)).toBe('pass');
      expect(result?.bodyHashMatches).toBe(true);
      const text = dec.decode(message);
      const bodyChanged = enc.encode(text.replace(/\r\n\r\n([\s\S]*)$/, '\r\n\r\nX$1'));
      expect(verifyDkim(bodyChanged, resolve)[0]).toMatchObject({
        result: 'fail',
        bodyHashMatches: false,
      });
      const subjectChanged = enc.encode(text.replace(/Subject:[^\r]*/i, 'Subject: Changed'));
      expect(verifyDkim(subjectChanged, resolve)[0]).toMatchObject({
        result: 'fail',
        bodyHashMatches: true,
      });
    }
  });

  it('reports a missing key and an unlooked-up key without failing the body hash', () => {
    const message = signMessage(enc.encode(MESSAGES[0]!), {
      domain: 'example.com',
      selector: 'gone',
      privateKey: keys.privateKey,
    });
    expect(verifyDkim(message, () => undefined)[0]).toMatchObject({
      result: 'permerror',
      bodyHashMatches: true,
    });
    expect(verifyDkim(message)[0]).toMatchObject({ result: 'temperror', bodyHashMatches: true });
  });
});
