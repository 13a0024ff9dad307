/**
 * DKIM signatures on the mail SES sends (ses-facts §3.2, §9): the sender's domain signs when it
 * is DKIM-verified, and SES signs every message as amazonses.com once its key exists. Both are
 * relaxed/relaxed rsa-sha256 over the headers SES signs, placed under the Return-Path the
 * receiving server adds.
 */
import { concatBytes, utf8Encode } from '../../mime/index.ts';
import { dkimSignatureField } from '../../mime/dkim/index.ts';
import type { AuthenticationState } from '../identities/authentication-state.ts';
import { signingIdentity } from '../identities/email-identities.ts';
import { readHeaderSection } from './header-section.ts';

/** The delivered message with its DKIM signatures added. */
export function signOutgoing(
  auth: AuthenticationState,
  raw: Uint8Array,
  fromAddress: string,
  acceptedAtMs: number,
): Uint8Array {
  const timestamp = Math.floor(acceptedAtMs / 1000);
  const fields: string[] = [];
  const domain = signingIdentity(auth, fromAddress);
  if (domain?.dkim) {
    const key = domain.dkim.keys[0]!;
    fields.push(
      dkimSignatureField(raw, {
        domain: domain.identity,
        selector: key.selector,
        privateKey: key.privateKey,
        timestamp,
      }),
    );
  }
  if (auth.sesKey) {
    fields.push(
      dkimSignatureField(raw, {
        domain: 'amazonses.com',
        selector: auth.sesKey.selector,
        privateKey: auth.sesKey.privateKey,
        timestamp,
      }),
    );
  }
  if (fields.length === 0) return raw;
  // Under the first field (the Return-Path), which the receiving server adds last.
  const firstLineEnd = raw.indexOf(0x0a) + 1;
  return concatBytes([
    raw.subarray(0, firstLineEnd),
    utf8Encode(fields.join('')),
    raw.subarray(firstLineEnd),
  ]);
}

/**
 * The delivered message without the signatures `signOutgoing` added (the DKIM-Signature fields
 * right under the first field), so that a copy whose body changes can be signed again.
 */
export function unsignOutgoing(raw: Uint8Array): Uint8Array {
  const headers = readHeaderSection(raw).headers;
  let last = 0;
  while (headers[last + 1]?.name.toLowerCase() === 'dkim-signature') last++;
  if (last === 0) return raw;
  return concatBytes([raw.subarray(0, headers[0]!.end), raw.subarray(headers[last]!.end)]);
}
