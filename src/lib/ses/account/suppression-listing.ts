/**
 * `ListSuppressedDestinations`: the account-level list filtered by reason and by the time an
 * address was added or last updated, a page at a time. SES returns up to 1,000 summaries per call
 * and a `NextToken` while more remain (ses-facts §6.2; aws/aws-cli#7859 shows a 1,000-item page).
 * The list is read in the order addresses were last put on it; a token names where the last page
 * ended, so that a page still follows on when addresses were added or removed in between.
 */
import { SesError } from '../api/errors.ts';
import { MAX_SUPPRESSION_PAGE_SIZE } from '../limits.ts';
import { SIMULATOR_WORDING } from '../wording.ts';
import {
  checkReason,
  suppressionKey,
  type SuppressedDestinationSummary,
  type SuppressionListEntry,
  type SuppressionReason,
} from './suppression.ts';

/** SES v2 `ListSuppressedDestinationsRequest`. Dates are `Date`s or ISO 8601 text. */
export interface ListSuppressedDestinationsRequest {
  Reasons?: SuppressionReason[];
  /** Only addresses added (or last updated) at or after this time. */
  StartDate?: Date | string;
  /** Only addresses added (or last updated) at or before this time. */
  EndDate?: Date | string;
  /** At most this many summaries (1 to 1,000; 1,000 when absent). */
  PageSize?: number;
  NextToken?: string;
}

/** SES v2 `ListSuppressedDestinationsResponse`. */
export interface ListSuppressedDestinationsResponse {
  SuppressedDestinationSummaries: SuppressedDestinationSummary[];
  /** Present while more summaries remain. */
  NextToken?: string;
}

function badRequest(message: string): SesError {
  return new SesError(message + SIMULATOR_WORDING, {
    code: 'BadRequestException',
    statusCode: 400,
    v1Code: 'InvalidParameterValue',
  });
}

function dateBound(value: Date | string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  if (!Number.isFinite(ms)) throw badRequest(`${name} is not a valid date.`);
  return ms;
}

interface PagePosition {
  /** Where the next page starts in the filtered list. */
  next: number;
  /** The key of the last address of the previous page. */
  after: string;
}

// Addresses may hold any Unicode, so they are percent-encoded before base64 (which takes Latin-1).
function encodeToken(position: PagePosition): string {
  return btoa(JSON.stringify([position.next, encodeURIComponent(position.after)]));
}

function decodeToken(token: string): PagePosition {
  let value: unknown;
  try {
    value = JSON.parse(atob(token));
    if (Array.isArray(value) && typeof value[1] === 'string')
      value[1] = decodeURIComponent(value[1]);
  } catch {
    value = undefined;
  }
  if (
    !Array.isArray(value) ||
    value.length !== 2 ||
    !Number.isSafeInteger(value[0]) ||
    (value[0] as number) < 1 ||
    typeof value[1] !== 'string'
  ) {
    throw badRequest('The NextToken is not valid.');
  }
  return { next: value[0] as number, after: value[1] };
}

/** One page of the list; SesError `BadRequestException` for a bad filter, size or token. */
export function listSuppressedDestinations(
  list: readonly SuppressionListEntry[],
  request: ListSuppressedDestinationsRequest = {},
): ListSuppressedDestinationsResponse {
  const reasons = request.Reasons;
  if (reasons !== undefined) for (const reason of reasons) checkReason(reason);
  const start = dateBound(request.StartDate, 'StartDate');
  const end = dateBound(request.EndDate, 'EndDate');
  const size = request.PageSize ?? MAX_SUPPRESSION_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_SUPPRESSION_PAGE_SIZE) {
    throw badRequest(`PageSize must be a whole number from 1 to ${MAX_SUPPRESSION_PAGE_SIZE}.`);
  }
  const matching = list.filter((entry) => {
    if (reasons !== undefined && reasons.length > 0 && !reasons.includes(entry.reason)) {
      return false;
    }
    const at = Date.parse(entry.lastUpdateTime);
    return (start === undefined || at >= start) && (end === undefined || at <= end);
  });
  let from = 0;
  if (request.NextToken !== undefined) {
    const position = decodeToken(request.NextToken);
    // Where the previous page's last address is now, when it is still there; else its index.
    const moved = matching.findIndex((e) => suppressionKey(e.emailAddress) === position.after);
    from = Math.min(moved >= 0 ? moved + 1 : position.next, matching.length);
  }
  const page = matching.slice(from, from + size);
  const response: ListSuppressedDestinationsResponse = {
    SuppressedDestinationSummaries: page.map((e) => ({
      EmailAddress: e.emailAddress,
      Reason: e.reason,
      LastUpdateTime: e.lastUpdateTime,
    })),
  };
  const last = page.at(-1);
  if (last && from + size < matching.length) {
    response.NextToken = encodeToken({
      next: from + size,
      after: suppressionKey(last.emailAddress),
    });
  }
  return response;
}
