import { describe, expect, test } from 'vitest';
import {
  parseAuthenticationResults,
  summarizeAuthentication,
} from '../../../src/lib/mime/authentication-results.ts';
import { summarizeDkimSignature } from '../../../src/lib/mime/dkim-signature.ts';
import { organizationalDomain, workOutAlignment } from '../../../src/lib/mime/dmarc-alignment.ts';

// Real headers, as found in the corpus (postal-mime's bounce.eml, mimekit, RFC 5965 examples).
const ETHEREAL =
  'mx.ethereal.email; dkim=pass header.i=@google.com header.s=20230601 header.a=rsa-sha256 header.b=h0NUZJEY; dkim=pass header.i=@postalsys.com header.s=google header.a=rsa-sha256 header.b=ZLiQdvAx; spf=pass (mx.ethereal.email: domain of andris@postalsys.com designates 209.85.167.74 as permitted sender) smtp.mailfrom=andris@postalsys.com smtp.helo=mail-lf1-f74.google.com; dmarc=pass (p=NONE sp=NONE arc=none) header.from=postalsys.com header.d=postalsys.com';

describe('Authentication-Results (RFC 8601)', () => {
  test('reads SPF, DKIM and DMARC verdicts with their properties, comments dropped', () => {
    const results = parseAuthenticationResults(ETHEREAL);
    expect(results.map((r) => `${r.method}=${r.result}`)).toEqual([
      'dkim=pass',
      'dkim=pass',
      'spf=pass',
      'dmarc=pass',
    ]);
    expect(results[0]!.authservId).toBe('mx.ethereal.email');
    expect(results[2]!.properties).toEqual({
      'smtp.mailfrom': 'andris@postalsys.com',
      'smtp.helo': 'mail-lf1-f74.google.com',
    });
    expect(results[3]!.properties['header.from']).toBe('postalsys.com');
  });

  test('reads a reason, a version on the method, and "none"', () => {
    const results = parseAuthenticationResults(
      'example.com 1; dkim/1=fail reason="signature did not verify" header.d=example.org; arc=none',
    );
    expect(results[0]).toMatchObject({ method: 'dkim', result: 'fail' });
    expect(results[0]!.reason).toBe('signature did not verify');
    expect(results[1]).toMatchObject({ method: 'arc', result: 'none' });
    expect(parseAuthenticationResults('mx.example.com; none')).toEqual([]);
  });

  test('summarises the newest header and keeps every result', () => {
    const summary = summarizeAuthentication([
      'mx.google.com; spf=neutral (google.com: 209.12.149.155 is neither permitted nor denied) smtp.mail=',
      ETHEREAL,
    ]);
    expect(summary.spf?.result).toBe('neutral');
    expect(summary.dkim).toEqual([]);
    expect(summary.dmarc).toBeUndefined();
    expect(summary.results).toHaveLength(5);
  });

  test('reads ARC-Authentication-Results after its instance tag', () => {
    const results = parseAuthenticationResults(
      'i=1; mx.microsoft.com 1; spf=pass smtp.mailfrom=a.example',
    );
    expect(results[0]).toMatchObject({
      authservId: 'mx.microsoft.com',
      method: 'spf',
      result: 'pass',
    });
  });
});

describe('DKIM-Signature summary (RFC 6376)', () => {
  // Folded as in postal-mime's bounce.eml: values broken across lines mid-tag.
  const FASTMAIL =
    'v=1; a=rsa-sha256; c=relaxed/relaxed; d=\tmessagingengine.com; h=cc:content-type:date:date:feedback-id\t:feedback-id:from:from:in-reply-to; s=fm3; t=1665380241; x=\t1665466641; bh=4Dck+/GBx1OBIiq7W9OxkDNSMPHjTIytyZQvO9ev/Sw=; b=Zabc';

  test('reads d=, s=, a=, h=, c=, t= and x= through folding', () => {
    const dkim = summarizeDkimSignature(FASTMAIL);
    expect(dkim).toMatchObject({
      domain: 'messagingengine.com',
      selector: 'fm3',
      algorithm: 'rsa-sha256',
      canonicalization: 'relaxed/relaxed',
      signedAt: '2022-10-10T05:37:21.000Z',
      expiresAt: '2022-10-11T05:37:21.000Z',
    });
    expect(dkim.signedHeaders).toEqual([
      'cc', 'content-type', 'date', 'date', 'feedback-id', 'feedback-id', 'from', 'from', 'in-reply-to',
    ]); // prettier-ignore
    expect(dkim.problems).toEqual([]);
  });

  test('points out missing tags, an unsigned From, sha1 and l=', () => {
    const dkim = summarizeDkimSignature('v=1; a=rsa-sha1; d=example.com; h=to:subject; l=10; bh=x');
    expect(dkim.problems.join(' ')).toMatch(/b= is missing/);
    expect(dkim.problems.join(' ')).toMatch(/s= is missing/);
    expect(dkim.problems.join(' ')).toMatch(/From header is not signed/);
    expect(dkim.problems.join(' ')).toMatch(/rsa-sha1/);
    expect(dkim.problems.join(' ')).toMatch(/l= limits/);
    expect(summarizeDkimSignature('garbage').canonicalization).toBe('simple/simple');
  });
});

describe('DMARC alignment (RFC 7489 §3.1)', () => {
  test('relaxed aligns subdomains of one organizational domain, strict needs the same domain', () => {
    const alignment = workOutAlignment({
      fromAddress: 'News <news@mail.example.co.uk>',
      mailFrom: '<bounce-123@bounces.example.co.uk>',
      spfResult: 'pass',
      dkim: [
        { domain: 'mail.example.co.uk', result: 'fail' },
        { domain: 'amazonses.com', result: 'pass' },
      ],
    });
    expect(alignment.fromDomain).toBe('mail.example.co.uk');
    expect(alignment.spf).toMatchObject({ relaxed: true, strict: false, result: 'pass' });
    expect(alignment.dkim[0]).toMatchObject({ relaxed: true, strict: true });
    expect(alignment.dkim[1]).toMatchObject({ relaxed: false, strict: false });
    // SPF passes aligned only in relaxed mode; the strictly aligned DKIM signature failed.
    expect(alignment.passRelaxed).toBe(true);
    expect(alignment.passStrict).toBe(false);
  });

  test('an SES default MAIL FROM does not align with a customer domain', () => {
    const alignment = workOutAlignment({
      fromAddress: 'a@example.com',
      mailFrom: '0100018a-abc@us-east-1.amazonses.com',
      dkim: [],
    });
    expect(alignment.spf).toMatchObject({ relaxed: false, strict: false });
    expect(alignment.passRelaxed).toBeUndefined();
  });

  test('organizational domains', () => {
    expect(organizationalDomain('a.b.example.com')).toBe('example.com');
    expect(organizationalDomain('mx.example.com.au')).toBe('example.com.au');
    expect(organizationalDomain('Example.ORG.')).toBe('example.org');
    expect(workOutAlignment({ dkim: [] })).toEqual({ dkim: [] });
  });
});
