/**
 * The errors SES answers a send with, in its own words. Each error carries the SES v2 error code
 * (the simulator speaks the v2 API), the HTTP status, the SES v1 (query API) code and, where SES
 * documents one, the SMTP reply an SMTP client would see for the same condition.
 *
 * Messages marked "observed" in ses-facts.md are reproduced byte for byte; the rest are the most
 * likely text and say so in their TSDoc.
 */

/** The SES v2 error codes a send can fail with. */
export type SesErrorCode =
  | 'MessageRejected'
  | 'TooManyRequestsException'
  | 'LimitExceededException'
  | 'BadRequestException'
  | 'NotFoundException'
  | 'SendingPausedException'
  | 'AccountSuspendedException'
  | 'MailFromDomainNotVerifiedException';

/** The parts of an SES error besides its message. */
export interface SesErrorDetails {
  code: SesErrorCode;
  /** HTTP status of the v2 response. */
  statusCode: number;
  /** The code the SES v1 query API uses for the same condition. */
  v1Code: string;
  /** The SMTP interface's reply for the same condition, when SES documents one. */
  smtpReply?: string;
}

/** An error SES returns from an API call: `code` names it, `message` is SES's own text. */
export class SesError extends Error {
  /** SES v2 error code, e.g. `MessageRejected`. */
  readonly code: SesErrorCode;
  /** HTTP status SES v2 answers with. */
  readonly statusCode: number;
  /** SES v1 error code, e.g. `Throttling` or `InvalidParameterValue`. */
  readonly v1Code: string;
  /** The SMTP reply for the same condition, e.g. `454 Throttling failure: …`. */
  readonly smtpReply: string | undefined;

  constructor(message: string, details: SesErrorDetails) {
    super(message);
    this.name = 'SesError';
    this.code = details.code;
    this.statusCode = details.statusCode;
    this.v1Code = details.v1Code;
    this.smtpReply = details.smtpReply;
  }

  /** The v2 (rest-json) response body: `{"message": …}`. */
  toJSON(): { message: string } {
    return { message: this.message };
  }
}

/** How many failed identities SES lists before it ends the message with an ellipsis. */
export const NOT_VERIFIED_LIST_LIMIT = 10;

/**
 * `MessageRejected`: a sender or (in the sandbox) a recipient is not verified. The region is
 * upper-case and the identities are echoed as given, display names included (observed).
 */
export function notVerifiedError(region: string, identities: readonly string[]): SesError {
  const listed = identities.slice(0, NOT_VERIFIED_LIST_LIMIT).join(', ');
  const ellipsis = identities.length > NOT_VERIFIED_LIST_LIMIT ? '...' : '';
  const message =
    'Email address is not verified. The following identities failed the check in region ' +
    `${region.toUpperCase()}: ${listed}${ellipsis}`;
  return new SesError(message, {
    code: 'MessageRejected',
    statusCode: 400,
    v1Code: 'MessageRejected',
    smtpReply: `554 Message rejected: ${message}`,
  });
}

/** `TooManyRequestsException` (v1 `Throttling`): the maximum send rate was exceeded (observed). */
export function maxSendRateError(): SesError {
  return new SesError('Maximum sending rate exceeded.', {
    code: 'TooManyRequestsException',
    statusCode: 429,
    v1Code: 'Throttling',
    smtpReply: '454 Throttling failure: Maximum sending rate exceeded',
  });
}

/**
 * The 24-hour quota is used up. The v1 code and message are observed; the v2 code is not
 * documented, and the simulator answers as for the rate limit (HTTP 429).
 */
export function dailyQuotaError(): SesError {
  return new SesError('Daily message quota exceeded.', {
    code: 'TooManyRequestsException',
    statusCode: 429,
    v1Code: 'Throttling',
    smtpReply: '454 Throttling failure: Daily message quota exceeded.',
  });
}

/**
 * A request parameter SES refuses (v1 `InvalidParameterValue`, v2 `BadRequestException`), e.g.
 * `Recipient count exceeds 50.` or `Duplicate header 'Subject'.`.
 */
export function invalidParameterError(message: string): SesError {
  return new SesError(message, {
    code: 'BadRequestException',
    statusCode: 400,
    v1Code: 'InvalidParameterValue',
    smtpReply: `554 Transaction failed: ${message}`,
  });
}

/** A rejection SES reports as `MessageRejected` with a message of its own. */
export function messageRejectedError(message: string): SesError {
  return new SesError(message, {
    code: 'MessageRejected',
    statusCode: 400,
    v1Code: 'MessageRejected',
    smtpReply: `554 Message rejected: ${message}`,
  });
}

/**
 * The engine's own RangeErrors: the input used up a resource (stack, string or array length), so
 * they say nothing about how the simulator was called.
 */
const RESOURCE_EXHAUSTED =
  /^(?:Maximum call stack size exceeded|Invalid (?:array|string|typed array) length|Array buffer allocation failed)/;

/**
 * An error thrown while a send or a receipt was processed, as SES would answer it: an SES error as
 * it is; a RangeError that reports misuse of the simulator as it is (the contract for misuse); any
 * other failure (a resource the message exhausted, a fault) as `MessageRejected` with a plain
 * sentence, never a bare RangeError or TypeError.
 */
export function asSesError(error: unknown): unknown {
  if (error instanceof SesError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof RangeError && !RESOURCE_EXHAUSTED.test(message)) return error;
  return messageRejectedError(`The message could not be processed (${message}).`);
}

/**
 * The named configuration set does not exist. SES's text for `DeleteConfigurationSet` is
 * observed; that a send uses the same text is the likeliest reading.
 */
export function configurationSetDoesNotExistError(name: string): SesError {
  return new SesError(`Configuration set <${name}> does not exist.`, {
    code: 'NotFoundException',
    statusCode: 404,
    v1Code: 'ConfigurationSetDoesNotExist',
  });
}

/** Sending is paused for the whole account (message text not documented). */
export function accountSendingPausedError(): SesError {
  return new SesError('Sending is paused for this account.', {
    code: 'SendingPausedException',
    statusCode: 400,
    v1Code: 'AccountSendingPausedException',
  });
}

/** Sending is paused for one configuration set (message text not documented). */
export function configurationSetSendingPausedError(name: string): SesError {
  return new SesError(`Sending is paused for configuration set <${name}>.`, {
    code: 'SendingPausedException',
    statusCode: 400,
    v1Code: 'ConfigurationSetSendingPausedException',
  });
}
