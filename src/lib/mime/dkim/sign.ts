/**
 * Signing a message with DKIM (RFC 6376 §3.7, §5): rsa-sha256, relaxed/relaxed by default, as
 * Amazon SES signs. Synchronous: the key is the base64 DER text WebCrypto exported.
 */
import { encodeBase64 } from '../base64.ts';
import { binaryStringToBytes, concatBytes } from '../bytes.ts';
import { canonicalizeBody, canonicalizeHeader, type Canonicalization } from './canonicalize.ts';
import { readDkimMessage, selectSignedFields } from './message-text.ts';
import { readPrivateKey, rsaSign, type RsaPrivateKey } from './rsa.ts';
import { sha256 } from './sha256.ts';
import { foldBase64, withoutSignatureValue } from './signature.ts';

/**
 * The headers SES signs, in its order (ses-facts §9), each only when the message has it. The
 * unsubscribe headers SES adds for list management close the list: RFC 8058 §4 requires a DKIM
 * signature to cover them for one-click unsubscription to be honoured.
 */
export const SES_SIGNED_HEADERS = [
  'From',
  'To',
  'Cc',
  'Subject',
  'MIME-Version',
  'Content-Type',
  'Content-Transfer-Encoding',
  'Message-ID',
  'Date',
  'Feedback-ID',
  'List-Unsubscribe',
  'List-Unsubscribe-Post',
] as const;

/** How to sign. */
export interface DkimSignOptions {
  /** Signing domain (`d=`). */
  domain: string;
  selector: string;
  /** PKCS #8 or PKCS #1 private key as base64 (PEM allowed), or a key already read. */
  privateKey: string | RsaPrivateKey;
  /** Header names to sign, in order; those the message lacks are left out. */
  headers?: readonly string[];
  /** `header/body`; default `relaxed/relaxed`. */
  canonicalization?: `${Canonicalization}/${Canonicalization}`;
  /** Signing time in seconds since 1970 (`t=`); omitted when absent. */
  timestamp?: number;
}

/** The base64 SHA-256 of a canonicalized body (`bh=`). */
export function bodyHash(body: string, method: Canonicalization, length?: number): string {
  let canonical = canonicalizeBody(body, method);
  if (length !== undefined) canonical = canonical.slice(0, length);
  return encodeBase64(sha256(binaryStringToBytes(canonical)));
}

/** The DKIM-Signature header field (ending in CRLF) for a message. */
export function dkimSignatureField(raw: Uint8Array, options: DkimSignOptions): string {
  const [header, body] = (options.canonicalization ?? 'relaxed/relaxed').split('/') as [
    Canonicalization,
    Canonicalization,
  ];
  const message = readDkimMessage(raw);
  const present = new Set(message.fields.map((field) => field.name.toLowerCase()));
  const names = (options.headers ?? SES_SIGNED_HEADERS).filter((name) =>
    present.has(name.toLowerCase()),
  );
  if (!names.some((name) => name.toLowerCase() === 'from')) {
    throw new RangeError('A message is signed with DKIM only when it has a From header.');
  }
  const key =
    typeof options.privateKey === 'string'
      ? readPrivateKey(options.privateKey)
      : options.privateKey;
  const time = options.timestamp === undefined ? '' : ` t=${Math.floor(options.timestamp)};`;
  const unsigned =
    `DKIM-Signature: v=1; a=rsa-sha256; q=dns/txt; c=${header}/${body};\r\n` +
    `\ts=${options.selector}; d=${options.domain.toLowerCase()};${time}\r\n` +
    `\th=${names.join(':')};\r\n` +
    `\tbh=${bodyHash(message.body, body)};\r\n\tb=`;
  let input = '';
  for (const field of selectSignedFields(message.fields, names)) {
    input += canonicalizeHeader(field.text, header);
  }
  // The signature's own field comes last, without its final CRLF (RFC 6376 §3.7).
  input += canonicalizeHeader(`${withoutSignatureValue(unsigned)}\r\n`, header).replace(
    /\r\n$/,
    '',
  );
  const signature = encodeBase64(rsaSign(key, binaryStringToBytes(input)));
  return `${unsigned}${foldBase64(signature, 70)}\r\n`;
}

/** The message with a DKIM-Signature field added at the top. */
export function signMessage(raw: Uint8Array, options: DkimSignOptions): Uint8Array {
  return concatBytes([binaryStringToBytes(dkimSignatureField(raw, options)), raw]);
}
