/**
 * DKIM keys for the simulator. WebCrypto makes keys asynchronously while the simulator's calls
 * are synchronous, so keys are made ahead (the simulator's `prepareDkimKeys`) into a pool kept in
 * the state, and
 * `CreateEmailIdentity` takes its three Easy DKIM keys from the pool. Signing with them is
 * synchronous (the MIME engine's BigInt RSA).
 */
import { encodeBase64 } from '../../mime/index.ts';
import { publicKeyInfo, readPrivateKey } from '../../mime/dkim/index.ts';
import { nextInt, type Random } from '../api/ids.ts';
import type { AuthenticationState, SelectorKey } from './authentication-state.ts';

/** Keys an Easy DKIM identity takes (three tokens, ses-facts §3.2). */
export const EASY_DKIM_TOKENS = 3;
/** How many keys `prepareDkimKeys` keeps ready: SES's own key and one domain's three. */
export const KEY_POOL_TARGET = 4;

const TOKEN_ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/** A 32-character token like SES's DKIM tokens and selectors (`224i4yxa5dv7c2xz3womw6peuasteono`). */
export function dkimToken(random: Random): string {
  let token = '';
  for (let i = 0; i < 32; i++)
    token += TOKEN_ALPHABET[nextInt(random, 0, TOKEN_ALPHABET.length - 1)];
  return token;
}

/** Take Easy DKIM keys from the pool; throws RangeError when too few are ready. */
export function takeEasyDkimKeys(auth: AuthenticationState, random: Random): SelectorKey[] {
  if (auth.keyPool.length < EASY_DKIM_TOKENS) {
    throw new RangeError(
      'DKIM keys are still being made: wait for prepareDkimKeys() to finish, then create the identity.',
    );
  }
  return auth.keyPool
    .splice(0, EASY_DKIM_TOKENS)
    .map((pair) => ({ selector: dkimToken(random), ...pair }));
}

/** A key the person brought (BYODKIM): its public part derived from the private key. */
export function externalKey(privateKey: string, selector: string): SelectorKey {
  if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i.test(selector)) {
    throw new RangeError('A DKIM selector is 1 to 63 letters, digits or hyphens.');
  }
  let key;
  try {
    key = readPrivateKey(privateKey);
  } catch (error) {
    throw new RangeError(`The DKIM private key cannot be read: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (key.bits < 1024 || key.bits > 2048) {
    throw new RangeError('A DKIM key you bring is 1024 to 2048 bits long (ses-facts §3.2).');
  }
  return { selector, privateKey, publicKey: encodeBase64(publicKeyInfo(key)) };
}
