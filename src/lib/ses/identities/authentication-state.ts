/**
 * What the simulator keeps for SES's second-edition identities: identities made with
 * `CreateEmailIdentity` and their lifecycle, the person's DNS zone, DKIM keys made ahead with
 * WebCrypto, and SES's own amazonses.com signing key. Plain JSON, part of the saved state.
 */
import type { DkimKeyPair } from '../../mime/dkim/index.ts';
import type { PublishedRecord } from './dns-zone.ts';

/** SES v2 verification statuses (ses-facts §3.2). */
export type VerificationStatus =
  'PENDING' | 'SUCCESS' | 'FAILED' | 'TEMPORARY_FAILURE' | 'NOT_STARTED';

/** A DKIM key and the selector it is published under. */
export interface SelectorKey extends DkimKeyPair {
  /** For Easy DKIM, the token (`token._domainkey.domain` → `token.dkim.amazonses.com`). */
  selector: string;
}

/** An identity's DKIM setup. */
export interface DkimSetup {
  /** `AWS_SES` for Easy DKIM, `EXTERNAL` for a key the person brought (BYODKIM). */
  origin: 'AWS_SES' | 'EXTERNAL';
  /** Easy DKIM: three token keys; BYODKIM: one key, public part derived from the private one. */
  keys: SelectorKey[];
  status: VerificationStatus;
  signingEnabled: boolean;
}

/** A custom MAIL FROM domain (ses-facts §3.2). */
export interface MailFromSetup {
  domain: string;
  behaviorOnMxFailure: 'USE_DEFAULT_VALUE' | 'REJECT_MESSAGE';
  status: VerificationStatus;
  /** When it was set (simulated time, epoch ms); its 72 hours run from here. */
  since: number;
}

/** An identity made with `CreateEmailIdentity`. */
export interface EmailIdentityRecord {
  /** The address exactly as given, or the domain in lower case. */
  identity: string;
  type: 'EMAIL_ADDRESS' | 'DOMAIN';
  createdAt: number;
  status: VerificationStatus;
  /** When it was verified, epoch ms. */
  verifiedAt?: number;
  /** Domains only. */
  dkim?: DkimSetup;
  mailFrom?: MailFromSetup;
}

/** The authentication part of the simulator's state. */
export interface AuthenticationState {
  emailIdentities: EmailIdentityRecord[];
  dnsZone: PublishedRecord[];
  /** Key pairs made ahead of time with WebCrypto, taken by new identities. */
  keyPool: DkimKeyPair[];
  /** SES's own key, signing every message as amazonses.com once keys have been prepared. */
  sesKey?: SelectorKey;
}

/** An empty authentication state. */
export function createAuthenticationState(): AuthenticationState {
  return { emailIdentities: [], dnsZone: [], keyPool: [] };
}

/** Check a saved authentication section; throws RangeError with a plain sentence. */
export function readAuthenticationState(value: unknown): AuthenticationState {
  if (value === undefined) return createAuthenticationState();
  const auth = value as Partial<AuthenticationState>;
  if (
    typeof auth !== 'object' ||
    auth === null ||
    !Array.isArray(auth.emailIdentities) ||
    !Array.isArray(auth.dnsZone) ||
    !Array.isArray(auth.keyPool)
  ) {
    throw new RangeError('The saved state’s identities and DNS section is malformed.');
  }
  return auth as AuthenticationState;
}
