/**
 * The errors SES answers list management calls with. The exception types are SES's (SES v2 API
 * reference for CreateContactList, GetContact, SendEmail …); SES documents none of their texts,
 * so every message carries the simulator's wording mark.
 */
import { SesError } from '../api/errors.ts';
import { SIMULATOR_WORDING } from '../wording.ts';

/** `NotFoundException`: no contact list of that name. */
export function contactListNotFoundError(name: string): SesError {
  return new SesError(`Contact list <${name}> does not exist.${SIMULATOR_WORDING}`, {
    code: 'NotFoundException',
    statusCode: 404,
    v1Code: 'NotFoundException',
  });
}

/** `NotFoundException`: no such contact on the list. */
export function contactNotFoundError(list: string, address: string): SesError {
  return new SesError(
    `Contact <${address}> is not on contact list <${list}>.${SIMULATOR_WORDING}`,
    { code: 'NotFoundException', statusCode: 404, v1Code: 'NotFoundException' },
  );
}

/** `AlreadyExistsException`: a list or contact of that name is there already. */
export function alreadyExistsError(what: string): SesError {
  return new SesError(`${what} already exists.${SIMULATOR_WORDING}`, {
    code: 'AlreadyExistsException',
    statusCode: 400,
    v1Code: 'AlreadyExists',
  });
}

/** `LimitExceededException`: one contact list per account, 20 topics per list. */
export function listLimitError(message: string): SesError {
  return new SesError(message + SIMULATOR_WORDING, {
    code: 'LimitExceededException',
    statusCode: 400,
    v1Code: 'LimitExceeded',
  });
}

/** `BadRequestException`: a request SES refuses for its content. */
export function listBadRequestError(message: string): SesError {
  return new SesError(message + SIMULATOR_WORDING, {
    code: 'BadRequestException',
    statusCode: 400,
    v1Code: 'InvalidParameterValue',
  });
}
