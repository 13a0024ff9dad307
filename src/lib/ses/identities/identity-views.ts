/**
 * The SES v2 response shapes for identities: `CreateEmailIdentity`, `GetEmailIdentity` and
 * `ListEmailIdentities` (botocore's sesv2 model).
 */
import type { EmailIdentityRecord, VerificationStatus } from './authentication-state.ts';
import type { IdentityRecord } from './identities.ts';

/** `DkimAttributes`. */
export interface DkimAttributes {
  SigningEnabled: boolean;
  Status: VerificationStatus;
  /** Easy DKIM's three tokens. */
  Tokens?: string[];
  SigningAttributesOrigin: 'AWS_SES' | 'EXTERNAL';
  CurrentSigningKeyLength?: 'RSA_1024_BIT' | 'RSA_2048_BIT';
  LastKeyGenerationTimestamp?: string;
}

/** `CreateEmailIdentity`'s response. */
export interface CreateEmailIdentityResponse {
  IdentityType: 'EMAIL_ADDRESS' | 'DOMAIN';
  VerifiedForSendingStatus: boolean;
  DkimAttributes?: DkimAttributes;
}

/** `MailFromAttributes`: `MailFromDomain` and its status only when a custom domain is set. */
export interface MailFromAttributes {
  MailFromDomain?: string;
  MailFromDomainStatus?: VerificationStatus;
  BehaviorOnMxFailure: 'USE_DEFAULT_VALUE' | 'REJECT_MESSAGE';
}

/** `GetEmailIdentity`'s response. */
export interface GetEmailIdentityResponse {
  IdentityType: 'EMAIL_ADDRESS' | 'DOMAIN';
  FeedbackForwardingStatus: boolean;
  VerifiedForSendingStatus: boolean;
  VerificationStatus: VerificationStatus;
  DkimAttributes: DkimAttributes;
  MailFromAttributes: MailFromAttributes;
  Policies: Record<string, string>;
  Tags: Array<{ Key: string; Value: string }>;
}

/** One entry of `ListEmailIdentities`. */
export interface IdentityInfo {
  IdentityType: 'EMAIL_ADDRESS' | 'DOMAIN';
  IdentityName: string;
  SendingEnabled: boolean;
  VerificationStatus: VerificationStatus;
}

/** An identity's DKIM attributes. */
export function dkimAttributes(record: EmailIdentityRecord | undefined): DkimAttributes {
  const dkim = record?.dkim;
  if (!dkim)
    return { SigningEnabled: false, Status: 'NOT_STARTED', SigningAttributesOrigin: 'AWS_SES' };
  return {
    SigningEnabled: dkim.signingEnabled,
    Status: dkim.status,
    ...(dkim.origin === 'AWS_SES' ? { Tokens: dkim.keys.map((key) => key.selector) } : {}),
    SigningAttributesOrigin: dkim.origin,
    ...(dkim.origin === 'AWS_SES'
      ? {
          CurrentSigningKeyLength: 'RSA_2048_BIT' as const,
          LastKeyGenerationTimestamp: new Date(record!.createdAt).toISOString(),
        }
      : {}),
  };
}

/** `GetEmailIdentity` for an identity made by `CreateEmailIdentity` or verified instantly. */
export function emailIdentityView(
  record: EmailIdentityRecord | undefined,
  verified: IdentityRecord | undefined,
): GetEmailIdentityResponse {
  const status: VerificationStatus = record?.status ?? 'SUCCESS';
  const mailFrom = record?.mailFrom;
  return {
    IdentityType: (record?.type ?? verified?.type)!,
    FeedbackForwardingStatus: true,
    VerifiedForSendingStatus: status === 'SUCCESS' || verified !== undefined,
    VerificationStatus: status,
    DkimAttributes: dkimAttributes(record),
    MailFromAttributes: mailFrom
      ? {
          MailFromDomain: mailFrom.domain,
          MailFromDomainStatus: mailFrom.status,
          BehaviorOnMxFailure: mailFrom.behaviorOnMxFailure,
        }
      : { BehaviorOnMxFailure: 'USE_DEFAULT_VALUE' },
    Policies: {},
    Tags: [],
  };
}
