/**
 * The simulator's second-edition identity methods: `CreateEmailIdentity` and its lifecycle, the
 * person's DNS zone, custom MAIL FROM, and the DKIM keys WebCrypto makes ahead of time.
 */
import { generateDkimKeyPair } from '../../mime/dkim/index.ts';
import { identityExistsError, identityNotFoundError } from './errors.ts';
import type { EmailIdentityRecord } from '../identities/authentication-state.ts';
import {
  dkimToken,
  EASY_DKIM_TOKENS,
  externalKey,
  KEY_POOL_TARGET,
  takeEasyDkimKeys,
} from '../identities/dkim-keys.ts';
import { checkDnsRecord, dnsName, resolve } from '../identities/dns-zone.ts';
import { requiredRecords, VERIFICATION_LINK_MS } from '../identities/email-identities.ts';
import { addIdentity, normalizeIdentity, removeIdentity } from '../identities/identities.ts';
import { dkimAttributes, emailIdentityView } from '../identities/identity-views.ts';
import { setMailFrom } from '../identities/mail-from.ts';
import type { SesSimulator } from './simulator-api.ts';
import type { SimulatorContext } from './simulator-context.ts';

/** The identity methods of a simulator. */
export type IdentityMethods = Pick<
  SesSimulator,
  | 'prepareDkimKeys'
  | 'dkimKeysReady'
  | 'createEmailIdentity'
  | 'getEmailIdentity'
  | 'deleteEmailIdentity'
  | 'listEmailIdentities'
  | 'clickVerificationLink'
  | 'putEmailIdentityMailFromAttributes'
  | 'requiredDnsRecords'
  | 'putDnsRecord'
  | 'deleteDnsRecord'
  | 'dnsRecords'
  | 'resolveTxt'
>;

/** The identity methods, working on a simulator's context. */
export function identityMethods(ctx: SimulatorContext): IdentityMethods {
  const auth = () => ctx.state.authentication;
  const find = (identity: string): EmailIdentityRecord | undefined => {
    const { identity: key } = normalizeIdentity(identity);
    return auth().emailIdentities.find((r) => r.identity === key);
  };
  const existing = (identity: string) => {
    const record = find(identity);
    const { identity: key } = normalizeIdentity(identity);
    const verified = ctx.state.identities.find((r) => r.identity === key);
    if (!record && !verified) throw identityNotFoundError(identity);
    return { record, verified, key };
  };

  return {
    async prepareDkimKeys() {
      const missing = () =>
        Math.max(0, KEY_POOL_TARGET - auth().keyPool.length) + (auth().sesKey ? 0 : 1);
      const made = await Promise.all(
        Array.from({ length: missing() }, () => generateDkimKeyPair(2048)),
      );
      // The state may have been replaced while the keys were made; they go into the current one.
      if (!auth().sesKey && made.length > 0)
        auth().sesKey = { selector: dkimToken(ctx.state.random), ...made.pop()! };
      auth().keyPool.push(...made);
    },
    dkimKeysReady: () => auth().keyPool.length >= EASY_DKIM_TOKENS,
    createEmailIdentity(identity, options = {}) {
      const now = ctx.settle();
      return ctx.transact(() => {
        const normalized = normalizeIdentity(identity);
        if (
          find(identity) ||
          ctx.state.identities.some((r) => r.identity === normalized.identity)
        ) {
          throw identityExistsError(normalized.identity);
        }
        const record: EmailIdentityRecord = {
          identity: normalized.identity,
          type: normalized.type,
          createdAt: now,
          status: 'PENDING',
        };
        if (normalized.type === 'DOMAIN') {
          const signing = options.dkimSigningKey;
          const keys = signing
            ? [externalKey(signing.privateKey, signing.selector)]
            : takeEasyDkimKeys(auth(), ctx.state.random);
          record.dkim = {
            origin: signing ? 'EXTERNAL' : 'AWS_SES',
            keys,
            status: 'PENDING',
            signingEnabled: true,
          };
        } else if (options.dkimSigningKey) {
          throw new RangeError('A DKIM signing key belongs to a domain identity, not an address.');
        }
        auth().emailIdentities.push(record);
        return {
          IdentityType: record.type,
          VerifiedForSendingStatus: false,
          DkimAttributes: dkimAttributes(record),
        };
      });
    },
    getEmailIdentity(identity) {
      ctx.settle();
      const { record, verified } = existing(identity);
      return emailIdentityView(record, verified);
    },
    deleteEmailIdentity(identity) {
      ctx.settle();
      const { key } = existing(identity);
      auth().emailIdentities = auth().emailIdentities.filter((r) => r.identity !== key);
      ctx.state.identities = removeIdentity(ctx.state.identities, key);
    },
    listEmailIdentities() {
      ctx.settle();
      const made = auth().emailIdentities.map((r) => ({
        IdentityType: r.type,
        IdentityName: r.identity,
        SendingEnabled: true,
        VerificationStatus: r.status,
      }));
      const instant = ctx.state.identities
        .filter((v) => !made.some((m) => m.IdentityName === v.identity))
        .map((v) => ({
          IdentityType: v.type,
          IdentityName: v.identity,
          SendingEnabled: true,
          VerificationStatus: 'SUCCESS' as const,
        }));
      return { EmailIdentities: [...made, ...instant] };
    },
    clickVerificationLink(emailAddress) {
      const now = ctx.settle();
      const record = find(emailAddress);
      if (!record || record.type !== 'EMAIL_ADDRESS') {
        throw new RangeError(`No verification mail was sent to ${emailAddress}.`);
      }
      if (record.status === 'SUCCESS') return;
      if (now >= record.createdAt + VERIFICATION_LINK_MS) {
        throw new RangeError('The verification link has expired: it is valid for 24 hours.');
      }
      record.status = 'SUCCESS';
      record.verifiedAt = now;
      ctx.state.identities = addIdentity(
        ctx.state.identities,
        record.identity,
        new Date(now).toISOString(),
      );
    },
    putEmailIdentityMailFromAttributes(identity, attributes) {
      const now = ctx.settle();
      const { record } = existing(identity);
      if (!record) {
        throw new RangeError(
          `${identity} was verified instantly; create it with createEmailIdentity to give it a MAIL FROM domain.`,
        );
      }
      setMailFrom(
        record,
        attributes.MailFromDomain,
        attributes.BehaviorOnMxFailure ?? 'USE_DEFAULT_VALUE',
        now,
      );
    },
    requiredDnsRecords(identity) {
      ctx.settle();
      const { record } = existing(identity);
      return record ? requiredRecords(record, ctx.state.region) : [];
    },
    putDnsRecord(record) {
      const now = ctx.settle();
      const checked = checkDnsRecord(record);
      const zone = auth().dnsZone;
      if (
        checked.type === 'CNAME' &&
        zone.some((r) => r.name === checked.name && r.type !== 'CNAME')
      ) {
        throw new RangeError(`${checked.name} has other records; a CNAME cannot sit beside them.`);
      }
      if (
        zone.some((r) => r.name === checked.name && r.type === 'CNAME' && checked.type !== 'CNAME')
      ) {
        throw new RangeError(`${checked.name} is a CNAME; it cannot hold other records.`);
      }
      // Publishing a record that is already there changes nothing (it has been there since).
      if (
        zone.some(
          (r) => r.name === checked.name && r.type === checked.type && r.value === checked.value,
        )
      ) {
        return;
      }
      // One CNAME per name: publishing another replaces it.
      const kept = zone.filter(
        (r) =>
          !(
            r.name === checked.name &&
            r.type === checked.type &&
            (checked.type === 'CNAME' || r.value === checked.value)
          ),
      );
      auth().dnsZone = [...kept, { ...checked, publishedAt: now }];
    },
    deleteDnsRecord(record) {
      ctx.settle();
      const name = dnsName(record.name);
      auth().dnsZone = auth().dnsZone.filter(
        (r) =>
          !(
            r.name === name &&
            r.type === record.type &&
            (record.value === undefined ||
              r.value === checkDnsRecord({ ...record, value: record.value }).value)
          ),
      );
    },
    dnsRecords: () => (
      ctx.settle(),
      auth().dnsZone.map(({ name, type, value }) => ({ name, type, value }))
    ),
    resolveTxt: (name) => (ctx.settle(), resolve(auth(), name, 'TXT')),
  };
}
