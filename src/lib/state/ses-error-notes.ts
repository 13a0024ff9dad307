/**
 * SES's errors in words for the page: the code (v2, and v1 where it differs) and SES's message,
 * and which of SES's answers the simulator reproduces from SES's own documentation or observed
 * responses, and which it had to choose (ses-facts marks those unconfirmed). The workspace says
 * so beside an error, so nobody mistakes a simulated choice for SES's exact words.
 */
import { SesError, SIMULATOR_WORDING } from '../ses/index.ts';
import { describeFailure } from '../describe-failure.ts';

/** A sentence saying what of this error is simulated, or undefined when all of it is SES's. */
export function simulatedNote(error: unknown): string | undefined {
  if (!(error instanceof SesError)) return undefined;
  if (error.message.endsWith(SIMULATOR_WORDING)) {
    return 'Simulated: SES documents no text for this error; the words are the simulator’s.';
  }
  if (error.message.endsWith('does not exist on your suppression list.')) {
    return 'Simulated: the likeliest reading of SES’s text for an address not on the list; no exact answer is on record.';
  }
  if (error.message === 'Daily message quota exceeded.') {
    return 'Simulated: the v1 code and text are SES’s; SES does not document the v2 error for the daily quota.';
  }
  if (error.message.startsWith('Illegal filename')) {
    return 'Simulated: SES does not document the exact text for a blocked attachment type.';
  }
  switch (error.code) {
    case 'BadRequestException':
      return 'Simulated: the text and v1 code (InvalidParameterValue) are SES’s; the v2 code is the likeliest reading.';
    case 'NotFoundException':
      return 'Simulated: SES documents this text for DeleteConfigurationSet; a send is assumed to use it too.';
    case 'SendingPausedException':
      return 'Simulated: SES does not document the text of this error.';
    default:
      return undefined;
  }
}

/** Words for an error the simulator threw: SES's code and message, or a plain sentence. */
export function describeError(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    const v1 = 'v1Code' in error && typeof error.v1Code === 'string' ? error.v1Code : undefined;
    const codes = v1 && v1 !== error.code ? `${error.code} (v1 ${v1})` : error.code;
    return `${codes}: ${error.message}`;
  }
  return describeFailure(error);
}
