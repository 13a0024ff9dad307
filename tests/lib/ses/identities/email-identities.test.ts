import { describe, expect, it } from 'vitest';
import {
  formatKeyRecord,
  generateDkimKeyPair,
  parseDkimSignature,
  verifyDkim,
} from '../../../../src/lib/mime/dkim/index.ts';
import { SesError } from '../../../../src/lib/ses/index.ts';
import { dkimpyVerify } from '../../../support/dkimpy.ts';
import { rawRequest, thrown } from '../support.ts';
import { dnsTable, keyedSimulator, publishAll } from './identity-support.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function signatures(raw: Uint8Array) {
  const text = new TextDecoder().decode(raw);
  return [...text.matchAll(/^DKIM-Signature:((?:.*\r\n[ \t].*)*.*)\r\n/gm)].map((m) => {
    const parsed = parseDkimSignature(m[1]!);
    if (!parsed.ok) throw new Error(parsed.reason);
    return parsed.value;
  });
}

describe('CreateEmailIdentity and GetEmailIdentity', () => {
  it('starts a domain PENDING with three Easy DKIM tokens, in SES v2 shapes', async () => {
    const ses = await keyedSimulator();
    const created = ses.createEmailIdentity('Example.COM');
    expect(created).toEqual({
      IdentityType: 'DOMAIN',
      VerifiedForSendingStatus: false,
      DkimAttributes: {
        SigningEnabled: true,
        Status: 'PENDING',
        Tokens: [expect.stringMatching(/^[a-z2-7]{32}$/), expect.any(String), expect.any(String)],
        SigningAttributesOrigin: 'AWS_SES',
        CurrentSigningKeyLength: 'RSA_2048_BIT',
        LastKeyGenerationTimestamp: '2026-01-01T00:00:00.000Z',
      },
    });
    expect(ses.getEmailIdentity('example.com')).toMatchObject({
      IdentityType: 'DOMAIN',
      VerificationStatus: 'PENDING',
      VerifiedForSendingStatus: false,
      FeedbackForwardingStatus: true,
      MailFromAttributes: { BehaviorOnMxFailure: 'USE_DEFAULT_VALUE' },
    });
    const tokens = created.DkimAttributes!.Tokens!;
    expect(ses.requiredDnsRecords('example.com')).toEqual(
      tokens.map((token) => ({
        purpose: 'DKIM',
        name: `${token}._domainkey.example.com`,
        type: 'CNAME',
        value: `${token}.dkim.amazonses.com`,
      })),
    );
    const error = thrown(() => ses.createEmailIdentity('example.com')) as SesError;
    expect(error).toBeInstanceOf(SesError);
    expect(error.code).toBe('AlreadyExistsException');
  });

  it('answers NotFoundException for an identity it does not have', async () => {
    const ses = await keyedSimulator();
    const error = thrown(() => ses.getEmailIdentity('nowhere.example')) as SesError;
    expect(error).toBeInstanceOf(SesError);
    expect({ code: error.code, status: error.statusCode }).toEqual({
      code: 'NotFoundException',
      status: 404,
    });
    expect((thrown(() => ses.deleteEmailIdentity('nowhere.example')) as SesError).code).toBe(
      'NotFoundException',
    );
  });

  it('verifies a domain at the first DNS check after its CNAMEs go up, and signs its mail', async () => {
    const ses = await keyedSimulator();
    ses.createEmailIdentity('example.com');
    ses.advance(2 * HOUR + 1 * MINUTE);
    expect(ses.getEmailIdentity('example.com').VerificationStatus).toBe('PENDING');
    publishAll(ses, 'example.com');
    ses.advance(MINUTE);
    expect(ses.getEmailIdentity('example.com').VerificationStatus).toBe('PENDING');
    ses.advance(3 * MINUTE);
    const identity = ses.getEmailIdentity('example.com');
    expect(identity).toMatchObject({
      VerificationStatus: 'SUCCESS',
      VerifiedForSendingStatus: true,
      DkimAttributes: { Status: 'SUCCESS', SigningEnabled: true },
    });
    const token = identity.DkimAttributes.Tokens![0]!;
    expect(ses.resolveTxt(`${token}._domainkey.example.com`)?.[0]).toMatch(
      /^v=DKIM1; k=rsa; p=MII/,
    );

    const { MessageId } = ses.sendEmail(
      rawRequest(['bo@example.net'], { from: 'ana@example.com' }),
    );
    ses.advance(MINUTE);
    const raw = ses.deliveredMessage(MessageId, 'bo@example.net');
    const sigs = signatures(raw);
    expect(sigs.map((s) => [s.domain, s.header, s.body])).toEqual([
      ['example.com', 'relaxed', 'relaxed'],
      ['amazonses.com', 'relaxed', 'relaxed'],
    ]);
    expect(sigs[0]!.selector).toBe(token);
    expect(sigs[0]!.signedHeaders).toEqual([
      'From',
      'To',
      'Subject',
      'MIME-Version',
      'Content-Type',
      'Message-ID',
      'Date',
      'Feedback-ID',
    ]);
    const resolver = (name: string) => ses.resolveTxt(name);
    expect(verifyDkim(raw, resolver).map((v) => v.result)).toEqual(['pass', 'pass']);
    const names = sigs.map((s) => `${s.selector}._domainkey.${s.domain}`);
    expect(dkimpyVerify([raw], dnsTable(ses, names))).toEqual([[true, true]]);
    expect(new TextDecoder().decode(raw)).toMatch(
      new RegExp(`^Return-Path: <${MessageId}@amazonses.com>\r\nDKIM-Signature:`),
    );
  });

  it('fails a domain whose records never appear, after 72 hours', async () => {
    const ses = await keyedSimulator();
    ses.createEmailIdentity('example.org');
    ses.advance(72 * HOUR - 1);
    expect(ses.getEmailIdentity('example.org').VerificationStatus).toBe('PENDING');
    ses.advance(1);
    expect(ses.getEmailIdentity('example.org').VerificationStatus).toBe('FAILED');
    publishAll(ses, 'example.org');
    ses.advance(HOUR);
    expect(ses.getEmailIdentity('example.org').VerificationStatus).toBe('FAILED');
    const error = thrown(() =>
      ses.sendEmail(rawRequest(['bo@example.net'], { from: 'ana@example.org' })),
    ) as SesError;
    expect(error.code).toBe('MessageRejected');
  });

  it('verifies an address by its link within 24 hours, and fails it after', async () => {
    const ses = await keyedSimulator();
    expect(ses.createEmailIdentity('ana@example.net')).toEqual({
      IdentityType: 'EMAIL_ADDRESS',
      VerifiedForSendingStatus: false,
      DkimAttributes: {
        SigningEnabled: false,
        Status: 'NOT_STARTED',
        SigningAttributesOrigin: 'AWS_SES',
      },
    });
    ses.createEmailIdentity('late@example.net');
    ses.advance(HOUR);
    ses.clickVerificationLink('ana@example.net');
    expect(ses.getEmailIdentity('ana@example.net').VerificationStatus).toBe('SUCCESS');
    ses.advance(24 * HOUR);
    expect(ses.getEmailIdentity('late@example.net').VerificationStatus).toBe('FAILED');
    expect(() => ses.clickVerificationLink('late@example.net')).toThrow(/expired/);
    expect(ses.listEmailIdentities().EmailIdentities).toEqual([
      {
        IdentityType: 'EMAIL_ADDRESS',
        IdentityName: 'ana@example.net',
        SendingEnabled: true,
        VerificationStatus: 'SUCCESS',
      },
      {
        IdentityType: 'EMAIL_ADDRESS',
        IdentityName: 'late@example.net',
        SendingEnabled: true,
        VerificationStatus: 'FAILED',
      },
    ]);
  });

  it('signs with a key the person brings (BYODKIM) once its TXT record is published', async () => {
    const ses = await keyedSimulator();
    const pair = await generateDkimKeyPair(2048);
    const created = ses.createEmailIdentity('example.com', {
      dkimSigningKey: { privateKey: pair.privateKey, selector: 'mail2026' },
    });
    expect(created.DkimAttributes).toEqual({
      SigningEnabled: true,
      Status: 'PENDING',
      SigningAttributesOrigin: 'EXTERNAL',
    });
    ses.putDnsRecord({
      name: 'mail2026._domainkey.example.com',
      type: 'TXT',
      value: formatKeyRecord(pair.publicKey),
    });
    ses.advance(5 * MINUTE);
    expect(ses.getEmailIdentity('example.com').DkimAttributes.Status).toBe('SUCCESS');
    const { MessageId } = ses.sendEmail(
      rawRequest(['bo@example.net'], { from: 'ana@example.com' }),
    );
    ses.advance(MINUTE);
    const raw = ses.deliveredMessage(MessageId, 'bo@example.net');
    expect(signatures(raw)[0]).toMatchObject({ domain: 'example.com', selector: 'mail2026' });
    const names = [
      'mail2026._domainkey.example.com',
      ...signatures(raw)
        .slice(1)
        .map((s) => `${s.selector}._domainkey.${s.domain}`),
    ];
    expect(dkimpyVerify([raw], dnsTable(ses, names))).toEqual([[true, true]]);
  });

  it('uses a custom MAIL FROM once its MX and SPF are published, and rejects before when told to', async () => {
    const ses = await keyedSimulator();
    ses.createEmailIdentity('example.com');
    publishAll(ses, 'example.com');
    ses.advance(5 * MINUTE);
    ses.putEmailIdentityMailFromAttributes('example.com', {
      MailFromDomain: 'bounce.example.com',
      BehaviorOnMxFailure: 'REJECT_MESSAGE',
    });
    expect(ses.getEmailIdentity('example.com').MailFromAttributes).toEqual({
      MailFromDomain: 'bounce.example.com',
      MailFromDomainStatus: 'PENDING',
      BehaviorOnMxFailure: 'REJECT_MESSAGE',
    });
    const send = () => ses.sendEmail(rawRequest(['bo@example.net'], { from: 'ana@example.com' }));
    const error = thrown(send) as SesError;
    expect(error).toBeInstanceOf(SesError);
    expect(error.code).toBe('MailFromDomainNotVerifiedException');
    expect(ses.requiredDnsRecords('example.com').slice(3)).toEqual([
      {
        purpose: 'MAIL FROM MX',
        name: 'bounce.example.com',
        type: 'MX',
        value: '10 feedback-smtp.us-east-1.amazonses.com',
      },
      {
        purpose: 'MAIL FROM SPF',
        name: 'bounce.example.com',
        type: 'TXT',
        value: 'v=spf1 include:amazonses.com ~all',
      },
    ]);
    publishAll(ses, 'example.com');
    ses.advance(5 * MINUTE);
    expect(ses.getEmailIdentity('example.com').MailFromAttributes.MailFromDomainStatus).toBe(
      'SUCCESS',
    );
    const { MessageId } = send();
    ses.advance(MINUTE);
    expect(new TextDecoder().decode(ses.deliveredMessage(MessageId, 'bo@example.net'))).toMatch(
      new RegExp(`^Return-Path: <${MessageId}@bounce.example.com>`),
    );
  });

  it('keeps identities, keys and the zone through export and import', async () => {
    const ses = await keyedSimulator();
    ses.createEmailIdentity('example.com');
    publishAll(ses, 'example.com');
    ses.advance(5 * MINUTE);
    const copy = await keyedSimulator();
    copy.importState(JSON.parse(JSON.stringify(ses.exportState())));
    expect(copy.getEmailIdentity('example.com')).toEqual(ses.getEmailIdentity('example.com'));
    expect(copy.dnsRecords()).toEqual(ses.dnsRecords());
    const { MessageId } = copy.sendEmail(
      rawRequest(['bo@example.net'], { from: 'ana@example.com' }),
    );
    copy.advance(MINUTE);
    const raw = copy.deliveredMessage(MessageId, 'bo@example.net');
    expect(verifyDkim(raw, (name) => ses.resolveTxt(name)).map((v) => v.result)).toEqual([
      'pass',
      'pass',
    ]);
  });
});
