/**
 * Message tags: validated with SES's own error messages (recorded against AWS, ses-facts §2.6)
 * and read from the `X-SES-MESSAGE-TAGS` header (`name1=value1, name2=value2`).
 */
import { invalidParameterError } from '../api/errors.ts';
import type { SesMessageTag } from '../api/request-types.ts';
import { MAX_TAG_LENGTH } from '../limits.ts';

const TAG_NAME = /^[A-Za-z0-9_-]*$/;
const TAG_VALUE = /^[A-Za-z0-9_\-.@]*$/;

/** Throws SES's `InvalidParameterValue` error for the first tag SES would refuse. */
export function checkMessageTags(tags: readonly SesMessageTag[]): void {
  for (const tag of tags) {
    const name = tag.Name ?? '';
    const value = tag.Value ?? '';
    if (name.length === 0) throw invalidParameterError('The tag name must be specified.');
    if (name.length > MAX_TAG_LENGTH) {
      throw invalidParameterError('Tag name cannot exceed 255 characters.');
    }
    // SES's own tags (`ses:feedback-id-a`) pass: the prefix is not held against the name.
    if (!TAG_NAME.test(name.startsWith('ses:') ? name.slice(4) : name)) {
      throw invalidParameterError(
        `Invalid tag name <${name}>: only alphanumeric ASCII characters, '_',  '-' are allowed.`,
      );
    }
    if (value.length === 0) throw invalidParameterError('The tag value must be specified.');
    if (value.length > MAX_TAG_LENGTH) {
      throw invalidParameterError('Tag value cannot exceed 255 characters.');
    }
    if (!TAG_VALUE.test(value)) {
      throw invalidParameterError(
        `Invalid tag value <${value}>: only alphanumeric ASCII characters, '_',  '-' , '.', '@' are allowed.`,
      );
    }
  }
}

/** The tags of an `X-SES-MESSAGE-TAGS` header value. */
export function parseMessageTagsHeader(value: string): SesMessageTag[] {
  return value
    .split(',')
    .map((pair) => pair.trim())
    .filter((pair) => pair.length > 0)
    .map((pair) => {
      const eq = pair.indexOf('=');
      return eq < 0
        ? { Name: pair, Value: '' }
        : { Name: pair.slice(0, eq).trim(), Value: pair.slice(eq + 1).trim() };
    });
}
