import { beforeAll, describe, expect, it } from 'vitest';
import {
  bodyHash,
  checkDkim,
  formatKeyRecord,
  generateDkimKeyPair,
  type DkimKeyPair,
} from '../../../../src/lib/mime/dkim/index.ts';
import { pem, runDkimpy } from '../../../support/dkimpy.ts';

const enc = new TextEncoder();

const MESSAGE =
  'Return-Path: <bounce@mail.example.com>\r\nFrom: Ana <ana@example.com>\r\nTo: bo@example.net\r\nSubject: Hello\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nHi Bo.\r\n';

let keys: DkimKeyPair;
let other: DkimKeyPair;
beforeAll(async () => {
  [keys, other] = await Promise.all([generateDkimKeyPair(), generateDkimKeyPair(1024)]);
});

function dkimpySign(message: Uint8Array, domain: string) {
  return runDkimpy([
    { op: 'sign', message, selector: 'sel', domain, key: pem('PRIVATE KEY', keys.privateKey) },
  ])[0]!.message!;
}

/** One ARC set as a sealer writes it; its message signature's body hash is real. */
function arcSet(i: number, cv: string, sealer: string, results: string) {
  const bh = bodyHash('Hi Bo.\r\n', 'relaxed');
  return (
    `ARC-Seal: i=${i}; a=rsa-sha256; t=1796544000; cv=${cv};\r\n\td=${sealer}; s=arc; b=AAAA\r\n` +
    `ARC-Message-Signature: i=${i}; a=rsa-sha256; c=relaxed/relaxed; d=${sealer}; s=arc;\r\n\th=from:to:subject; bh=${bh}; b=AAAA\r\n` +
    `ARC-Authentication-Results: i=${i}; ${sealer};\r\n\t${results}\r\n`
  );
}

describe('checkDkim', () => {
  it('verifies with a pasted key record and works out alignment from the verified result', () => {
    const signed = dkimpySign(enc.encode(MESSAGE), 'example.com');
    const record = formatKeyRecord(keys.publicKey);
    const pass = checkDkim(signed, { pastedRecords: { 'sel._domainkey.example.com.': record } });
    expect(pass.signatures.map((s) => s.result)).toEqual(['pass']);
    expect(pass.alignment).toMatchObject({
      fromDomain: 'example.com',
      dkim: [{ domain: 'example.com', relaxed: true, strict: true, result: 'pass' }],
      spf: { domain: 'mail.example.com', relaxed: true, strict: false },
      passRelaxed: true,
      passStrict: true,
    });
    const wrongKey = checkDkim(signed, {
      pastedRecords: { 'sel._domainkey.example.com': formatKeyRecord(other.publicKey) },
    });
    expect(wrongKey.signatures[0]).toMatchObject({ result: 'fail', bodyHashMatches: true });
    expect(wrongKey.alignment.passRelaxed).toBe(false);
    const noKey = checkDkim(signed);
    expect(noKey.signatures[0]).toMatchObject({ result: 'temperror', bodyHashMatches: true });
  });

  it('prefers a pasted record to the DNS, and reads a signature by another domain as unaligned', () => {
    const signed = dkimpySign(enc.encode(MESSAGE), 'esp.example.org');
    const check = checkDkim(signed, {
      resolveTxt: () => [formatKeyRecord(other.publicKey)],
      pastedRecords: { 'sel._domainkey.esp.example.org': formatKeyRecord(keys.publicKey) },
    });
    expect(check.signatures[0]!.result).toBe('pass');
    expect(check.alignment.dkim).toEqual([
      { domain: 'esp.example.org', relaxed: false, strict: false, result: 'pass' },
    ]);
    expect(check.alignment.passRelaxed).toBe(false);
  });

  it('lists ARC sets, newest first as relays add them, and finds their structure sound', () => {
    const chain =
      arcSet(2, 'pass', 'relay.example.org', 'arc=pass; dkim=pass header.d=example.com') +
      arcSet(1, 'none', 'mx.example.net', 'dkim=pass header.d=example.com');
    const check = checkDkim(enc.encode(chain + MESSAGE));
    expect(check.arc.problems).toEqual([]);
    expect(check.arc.structure).toBe('pass');
    expect(
      check.arc.sets.map((s) => [s.instance, s.chainValidation, s.sealDomain, s.bodyHashMatches]),
    ).toEqual([
      [1, 'none', 'mx.example.net', true],
      [2, 'pass', 'relay.example.org', true],
    ]);
    expect(check.arc.sets[0]!.authenticationResults).toContain('dkim=pass');
  });

  it('names what is wrong with a broken ARC chain', () => {
    const arc = (i: number, cv: string) =>
      `ARC-Seal: i=${i}; a=rsa-sha256; cv=${cv}; d=x.example; s=a; t=1; b=AAAA\r\n` +
      `ARC-Message-Signature: i=${i}; a=rsa-sha256; c=relaxed/relaxed; d=x.example; s=a; h=from; bh=AAAA; b=AAAA\r\n` +
      `ARC-Authentication-Results: i=${i}; x.example; dkim=pass\r\n`;
    const check = checkDkim(enc.encode(arc(3, 'pass') + arc(1, 'pass') + MESSAGE));
    expect(check.arc.structure).toBe('fail');
    expect(check.arc.problems).toEqual([
      'ARC-Seal 1 says cv=pass; set 1 should say cv=none.',
      'ARC set 2 is missing; instances must run from 1 without gaps.',
    ]);
    expect(check.arc.sets.map((s) => s.bodyHashMatches)).toEqual([false, false]);
    expect(checkDkim(enc.encode(MESSAGE)).arc).toEqual({
      sets: [],
      structure: 'none',
      problems: [],
    });
  });
});
